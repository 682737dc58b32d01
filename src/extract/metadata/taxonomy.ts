import type { Element } from 'domhandler';
import type { ExtractRules } from '../../schemas/config.ts';
import { bodyElements, cleanText, descendants, documentElements, elementText, metaContent, metaContents, selectorList } from './dom.ts';
import { safeSelect } from '../selectors.ts';
import { isType, ldString, type LdNode } from './jsonld.ts';
import { isSiteName, looseKey, type SiteIdentity } from './site.ts';
import { attribute, classAttribute, idAttribute, type Page } from '../page.ts';

const HOME = /^(?:trang chủ|home|homepage|startseite|start|accueil|inicio|portada|home page|trang nhất)$/i;

function lastCrumb(items: string[], title: string | null, site: SiteIdentity): string | null {
  const titleKey = title ? looseKey(title) : '';
  const kept = items.filter((t) => t && !HOME.test(t) && !isSiteName(t, site) && t.length <= 80);
  while (kept.length && titleKey && (looseKey(kept[kept.length - 1]) === titleKey || titleKey.startsWith(looseKey(kept[kept.length - 1])) && looseKey(kept[kept.length - 1]).length > 20)) kept.pop();
  return kept[kept.length - 1] ?? null;
}

function breadcrumbFromLd(nodes: LdNode[]): string[] | null {
  const list = nodes.find((n) => isType(n, /^BreadcrumbList$/i));
  const items = list?.itemListElement;
  if (!Array.isArray(items)) return null;
  return items
    .filter((x): x is LdNode => !!x && typeof x === 'object')
    .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
    .map((x) => cleanText(ldString(x.name) ?? ldString(x.item)));
}

const TRAIL_BOXES = new Set(['div', 'p', 'nav', 'ul', 'ol', 'span']);
const CRUMB_SEPARATORS = /^[\s>›»/|→:·-]*$/;

/** Own text (not descendants') of an element: cheap, and enough to see labels and separators. */
function ownTextLength(el: Element): number {
  let n = 0;
  for (const c of el.children) if (c.type === 'text') n += (c as unknown as { data: string }).data.length;
  return n;
}

function ownText(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join('');
}

const NOT_SPACE = /\S/;

/** Whether the element's own text holds anything but whitespace (`ownText(el).trim() !== ''`, without building it). */
function hasOwnVisibleText(el: Element): boolean {
  for (const c of el.children) {
    if (c.type !== 'text') continue;
    if (NOT_SPACE.test((c as unknown as { data: string }).data)) return true;
  }
  return false;
}

/**
 * An unmarked trail: a small box of links that starts at the home page ("Trang chủ", "Home")
 * with only separators (">", "›", "/", "»") between them.
 */
function unmarkedTrail(page: Page): Element | null {
  for (const el of bodyElements(page)) {
    if (!TRAIL_BOXES.has(el.name)) continue;
    // Plain child walks, no selector engine: this runs over every box of the page.
    let links = 0;
    let first: Element | null = null;
    for (const c of el.children) {
      if (c.type === 'tag' && ((c as Element).name === 'a' || (c as Element).name === 'li')) {
        links++;
        first ??= c as Element;
      }
    }
    if (links < 2 || links > 8 || !first) continue;
    if (!CRUMB_SEPARATORS.test(ownText(el))) continue;
    if (!HOME.test(elementText(first))) continue;
    return el;
  }
  return null;
}

function breadcrumbFromDom(page: Page): string[] | null {
  const marked = documentElements(page).find(
    (el) =>
      !!attribute(el, 'itemtype')?.includes('BreadcrumbList') ||
      (el.name === 'nav' && !!attribute(el, 'aria-label')?.toLowerCase().includes('breadcrumb')) ||
      !!classAttribute(el)?.includes('breadcrumb') ||
      idAttribute(el) === 'breadcrumb' ||
      idAttribute(el) === 'breadcrumbs',
  );
  const box = marked ?? unmarkedTrail(page);
  if (!box) return null;
  let items = descendants(box, (d) => d.name === 'li');
  if (!items.length) items = descendants(box, (d) => d.name === 'a' || (d.name === 'span' && attribute(d, 'itemprop') === 'name'));
  const texts = items.map((el) => elementText(el)).filter(Boolean);
  return texts.length ? texts : null;
}

export function extractSection(page: Page, nodes: LdNode[], article: LdNode | undefined, title: string | null, site: SiteIdentity, rules: ExtractRules | undefined, ruleMisses: string[]): string | null {
  const sels = selectorList(rules?.section);
  if (sels.length) {
    const els = sels.flatMap((s) => safeSelect(page, s));
    if (!els.length) ruleMisses.push('section');
    const texts = els.map((el) => elementText(el)).filter(Boolean);
    const crumb = texts.length > 1 ? lastCrumb(texts, title, site) : texts[0];
    if (crumb) return crumb;
  }
  for (const crumbs of [breadcrumbFromLd(nodes), breadcrumbFromDom(page)]) {
    const s = crumbs && lastCrumb(crumbs, title, site);
    if (s) return s;
  }
  const meta = metaContent(page, ['article:section', 'og:article:section', 'section', 'parsely-section']) ?? cleanText(ldString(article?.articleSection));
  return meta || null;
}

const TAG_LABEL = /^(?:từ khóa|từ khoá|tags?|schlagwörter|schlagworte|stichwörter|themen|mots-clés|etiquetas|tag)\s*:?$/i;

const TAG_BOX = /(?:^|\s)(?:tags|tag-list|tags-list|post-tags|entry-tags|article-tags|box-tag|tag)(?:\s|$)/;
const LABEL_ELEMENTS = new Set(['span', 'strong', 'b', 'h3', 'h4', 'h5', 'div', 'p', 'label', 'dt']);

/**
 * Tag links: inside tag boxes (.tags, .post-tags, itemprop=keywords...), rel=tag links, and
 * links that follow a label ("Từ khóa:", "Tags:"). One pass over the cached element list: the
 * equivalent selectors (`.tags a`...) check every link's ancestors, which dominated metadata time.
 */
const isLink = (el: Element): boolean => el.name === 'a';

/**
 * Whether plain ASCII text (no entity, nothing to normalize) holds more letters than the longest ASCII label
 * ("schlagworte"): cleaning and separator removal keep every letter, and TAG_LABEL allows nothing but its words.
 */
function tooManyLetters(raw: string): boolean {
  let letters = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x80 || c === 0x26) return false;
    if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++;
  }
  return letters > 11;
}

function tagLinks(page: Page): string[] {
  const marked: Element[] = [];
  const labelled: Element[] = [];
  for (const el of bodyElements(page)) {
    const rel = el.name === 'a' ? attribute(el, 'rel') : undefined;
    if (rel && /(?:^|\s)tag(?:\s|$)/.test(rel)) marked.push(el);
    const cls = classAttribute(el);
    // Every TAG_BOX word holds "tag": a substring check spares the pattern on nearly every class.
    if ((cls && cls.includes('tag') && TAG_BOX.test(cls)) || attribute(el, 'itemprop') === 'keywords') marked.push(...descendants(el, isLink));
    // Cheap exits first: labels are short, and most boxes' own text is only the whitespace between their children.
    if (!LABEL_ELEMENTS.has(el.name) || ownTextLength(el) > 120 || !hasOwnVisibleText(el)) continue;
    const raw = ownText(el);
    if (tooManyLetters(raw)) continue;
    // Either a label in a small element of its own, or a box whose own text is the label plus
    // the separators between its links.
    const own = cleanText(raw);
    const label = el.children.length <= 2 ? own : own.replace(/[\s,;|·/]+$/g, '').replace(/(?:\s*[,;|·/])+/g, '');
    if (!TAG_LABEL.test(label)) continue;
    if (el.children.length > 2) {
      labelled.push(...descendants(el, isLink));
      continue;
    }
    // The label's box's links, then the links right after the label (`$(el).parent().find('a')`, `$(el).nextAll('a')`).
    const box = el.parent;
    if (box && box.type !== 'root') labelled.push(...descendants(box as Element, isLink));
    for (let n = el.next; n; n = n.next) if (n.type === 'tag' && isLink(n as Element)) labelled.push(n as Element);
  }
  return [...marked, ...labelled].map((el) => elementText(el));
}

function cleanTags(raw: string[], site: SiteIdentity): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of raw) {
    const t = cleanText(r).replace(/^#/, '').trim();
    if (!t || t.length > 50 || t.split(/\s+/).length > 6 || TAG_LABEL.test(t)) continue;
    const k = t.toLowerCase();
    if (seen.has(k) || isSiteName(t, site)) continue;
    seen.add(k);
    out.push(t);
  }
  return out.slice(0, 30);
}

export function extractTags(page: Page, article: LdNode | undefined, site: SiteIdentity, rules: ExtractRules | undefined, ruleMisses: string[]): string[] {
  const sels = selectorList(rules?.tags);
  if (sels.length) {
    const els = sels.flatMap((s) => safeSelect(page, s));
    if (!els.length) ruleMisses.push('tags');
    const texts = els.flatMap((el) => {
      const links = descendants(el, isLink);
      return links.length ? links.map((a) => elementText(a)) : elementText(el).split(/[,;]/);
    });
    const tags = cleanTags(texts, site);
    if (tags.length) return tags;
  }
  const kw = article?.keywords;
  const ldKeywords = Array.isArray(kw) ? kw.map((k) => ldString(k) ?? '') : typeof kw === 'string' ? kw.split(',') : [];
  const primary = cleanTags([...metaContents(page, 'article:tag').flatMap((v) => v.split(',')), ...ldKeywords, ...tagLinks(page)], site);
  if (primary.length) return primary;
  const keywords = metaContent(page, ['news_keywords', 'keywords']);
  return keywords ? cleanTags(keywords.split(/[,;]/), site) : [];
}
