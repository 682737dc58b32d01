import type { AnyNode, Element } from 'domhandler';
import { detach, hasAncestor, hintOf, isElement, squash, rawText, HEADING_TAGS } from './dom.ts';
import type { Stats } from './stats.ts';
import { computeStats, EMPTY_STATS, newStatsRecord, type ShortBoxes, type StatsRecord, type StatsReplay } from './stats.ts';
import { NFC_SENSITIVE } from '../../normalize/text.ts';
import { attribute, classAttribute } from '../page.ts';
import { hintVerdict, isBoilerplateHeading, mayOpenBoilerplateHeading } from './patterns.ts';

const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'input', 'select', 'textarea',
  'option', 'object', 'embed', 'audio', 'video', 'map', 'link', 'meta', 'title', 'base', 'rt', 'rp', 'dialog', 'math',
]);
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form', 'menu']);
// Text for screen readers only ("Chú thích ảnh" before a caption) is not shown to readers.
const SCREEN_READER = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader|element-invisible|offscreen)(?:\s|$)/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** At least two paragraphs and 200 characters of text: an article, not a "please enable JavaScript" notice. */
function holdsProse(el: Element): boolean {
  let paragraphs = 0;
  let chars = 0;
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') chars += (n as unknown as { data: string }).data.trim().length;
    else if (isElement(n)) {
      if (n.name === 'p') paragraphs++;
      stack.push(...n.children);
    }
  }
  return paragraphs >= 2 && chars >= 200;
}

/** Drop tags that never carry article text, comments and hidden elements. Returns nothing; mutates. */
export function dropNoise(node: Element): void {
  const kids = node.children;
  for (let i = kids.length - 1; i >= 0; i--) {
    const c = kids[i];
    if (c.type === 'text') {
      // NFD pages (some CMS exports) must match the NFC wording of the patterns.
      const d = (c as unknown as { data: string }).data;
      if (NFC_SENSITIVE.test(d)) (c as unknown as { data: string }).data = d.normalize('NFC');
      continue;
    }
    if (c.type === 'comment' || c.type === 'directive' || c.type === 'cdata') {
      detach(c);
      continue;
    }
    if (!isElement(c)) continue;
    // Some CMSes (Blogger) ship the article as a script template plus a <noscript> copy: that copy is the text.
    if (c.name === 'noscript' && holdsProse(c)) c.name = 'div';
    const cls = classAttribute(c);
    const style = attribute(c, 'style');
    if (
      DROP_TAGS.has(c.name) ||
      attribute(c, 'hidden') !== undefined ||
      (cls !== undefined && SCREEN_READER.test(cls)) ||
      attribute(c, 'aria-hidden') === 'true' ||
      (style !== undefined && HIDDEN_STYLE.test(style))
    ) {
      detach(c);
      continue;
    }
    dropNoise(c);
  }
}

/**
 * Remove page furniture found by tag and class/id hints, unless the element holds a large
 * share of the page's paragraph text (some sites wrap the whole page in a form or "main-content ad-wrap").
 */
/** Link texts of removed related/most-read boxes, so the same lines are dropped where a page repeats them. */
export type RemovedLines = Set<string>;

function rememberLinks(node: AnyNode, into: RemovedLines | undefined): void {
  if (!into || !isElement(node)) return;
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'a') {
        const t = squash(rawText(c));
        if (t.length >= 20 && t.length <= 200) into.add(t.toLowerCase());
      } else visit(c);
    }
  };
  visit(node);
}

/** Detaches `node`, noting its ancestors in `changed` (elements that lost a descendant). */
function remove(node: AnyNode, changed: Set<AnyNode> | undefined): void {
  if (changed) for (let p = node.parent; p && !changed.has(p); p = p.parent) changed.add(p);
  detach(node);
}

export function dropFurniture(body: Element, known?: Map<Element, Stats>, removed?: RemovedLines, changed?: Set<AnyNode>): void {
  const stats = known ?? computeStats(body);
  const total = stats.get(body)?.good ?? 0;
  const guard = (el: Element) => {
    const s = stats.get(el) ?? EMPTY_STATS;
    return s.good > 0.3 * total && s.good > 400;
  };
  // Weakly hinted boxes ("ads", "widget", "tools") that still hold real paragraphs are kept.
  const prose = (el: Element) => {
    const s = stats.get(el) ?? EMPTY_STATS;
    if (guard(el) || (s.good >= 200 && s.paragraphs >= 2 && s.linkChars < 0.25 * s.chars)) return true;
    // A short article inside a weakly hinted wrapper ("cb-sidebar-right") next to a long share bar.
    if (s.good >= 200 && s.good > 0.3 * total && s.paragraphs >= 2) return true;
    // A paragraph is a paragraph whatever its generated class name says ("tagStyle_z4kq...").
    return (el.name === 'p' || el.name === 'blockquote') && s.good >= 80 && s.linkChars < 0.3 * s.chars;
  };
  const visit = (el: Element) => {
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i];
      if (!isElement(c)) continue;
      const hint = hintOf(c);
      let drop = false;
      if (FURNITURE_TAGS.has(c.name)) drop = !guard(c);
      else if (hint && c.name !== 'a' && c.name !== 'body' && c.name !== 'html') {
        const v = hintVerdict(hint);
        if (v === 'strong') drop = !guard(c);
        else if (v === 'weak') drop = !prose(c);
      }
      if (!drop) {
        const role = attribute(c, 'role');
        if (role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner') drop = !guard(c);
      }
      if (drop) {
        rememberLinks(c, removed);
        remove(c, changed);
      }
      else visit(c);
    }
  };
  visit(body);
}

function headingLike(el: Element): boolean {
  if (HEADING_TAGS.has(el.name)) return true;
  if (el.name === 'a' || el.name === 'li' || el.name === 'td' || el.name === 'p' && el.children.length > 3) return false;
  return true;
}

/** A subtree's stats and its boilerplate headings ("Tin liên quan", "Mehr zum Thema"...), found in one walk. */
export interface StatsAndHeadings {
  stats: Map<Element, Stats>;
  heads: Element[];
}

function statsAndHeadings(root: Element, record?: StatsRecord): StatsAndHeadings {
  const shortBoxes: ShortBoxes = { opens: mayOpenBoilerplateHeading, found: [] };
  const stats = computeStats(root, { shortBoxes, record });
  return { stats, heads: headingsAmong(shortBoxes.found) };
}

/** Of the short boxes a walk found (see ShortBoxes), the outermost whose text is a boilerplate heading. */
function headingsAmong(candidates: Element[]): Element[] {
  const out: Element[] = [];
  for (const c of candidates) {
    if (c.name === 'h1') continue;
    const s = squash(rawText(c));
    if (s && isBoilerplateHeading(s) && headingLike(c) && !out.includes(c)) out.push(c);
  }
  // Outermost matches only (a <div> around a matching <h3> matches too).
  return out.filter((h) => !out.some((o) => o !== h && hasAncestor(h, o)));
}

/** Climb while the heading is all the text of its parent, so the cut covers the box around it. */
function headingBox(h: Element, stop: AnyNode): Element {
  let cur = h;
  const ht = squash(rawText(h));
  while (cur.parent && cur.parent !== stop && cur.parent.type !== 'root') {
    const p = cur.parent as Element;
    if (squash(rawText(p)) !== ht) break;
    cur = p;
  }
  return cur;
}

/**
 * Everything from a boilerplate heading to the end of its block is dropped, unless that
 * would take most of the page's article text with it (a "Share" label above the story).
 */
export function cutBoilerplateBlocks(root: Element, removed?: RemovedLines, found: StatsAndHeadings = statsAndHeadings(root), changed?: Set<AnyNode>): void {
  const { stats, heads } = found;
  if (!heads.length) return;
  const total = stats.get(root)?.good ?? 0;
  for (const h of heads) {
    if (!h.parent) continue;
    const box = headingBox(h, root);
    const parent = box.parent;
    if (!parent) continue;
    const doomed: AnyNode[] = [];
    let good = 0;
    for (let n: AnyNode | null = box; n; n = n.next) {
      doomed.push(n);
      if (isElement(n)) good += stats.get(n)?.good ?? 0;
    }
    if (good > 0.4 * total && good > 300) {
      remove(box, changed);
      continue;
    }
    for (const n of doomed) {
      rememberLinks(n, removed);
      remove(n, changed);
    }
  }
}

/**
 * Boilerplate blocks and furniture out; one stats pass serves both (their guards tolerate stale counts). Returns that
 * pass and what it removed, for the next stats walk of `body` to take the unchanged blocks over (see StatsReplay).
 */
export function cleanDocument(body: Element, removed?: RemovedLines): StatsReplay {
  const record = newStatsRecord();
  const changed = new Set<AnyNode>();
  const found = statsAndHeadings(body, record);
  cutBoilerplateBlocks(body, removed, found, changed);
  dropFurniture(body, found.stats, removed, changed);
  return { record, changed };
}
