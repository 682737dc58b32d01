import type { AnyNode, Element } from 'domhandler';
import { escapeText, escapeAttribute } from 'entities';
import { BLOCK_TAGS, HEADING_TAGS, hintOf, isElement, isSpaceCode, rawText, squash, squashedLength } from './dom.ts';
import { imageUrl, isCreditLine, splitCaption, type ImageRef } from './figures.ts';
import { isBoilerplateHeading, JUNK_LINE, META_LINE, PHOTO_CREDIT_TAIL } from './patterns.ts';

export type BlockKind = 'p' | 'h' | 'li' | 'quote' | 'row' | 'figure';

/** One paragraph-like unit of the article, in document order. */
export interface Block {
  kind: BlockKind;
  text: string;
  html: string;
  level?: number;
  list?: Element;
  ordered?: boolean;
  quote?: Element;
  image?: ImageRef;
  /** Came from an element hinted as author/byline/source. */
  byline?: boolean;
  bold?: boolean;
}

const CAPTION_HINT = /caption|legend|chu-?thich|chuthich|(?:image|img|photo|pic|fig|media)[-_]?(?:desc|text|note|info|title|sub)|desc[-_]?(?:image|img|photo)|figcaption|expEdit|bildunterschrift|wp-caption-text|image_desc|imgdesc|PhotoCMS_Caption|fig-?text|credit/i;
const FIGURE_HINT = /(?:^|[\s_-])(?:figure|wp-caption|image|img|photo|picture|pic|media|VCSortableInPreviewMode|imagecms|photocms|inline-image|article-image|embed-image|tplCaption)(?:[\s_-]|$)/i;
const BYLINE_HINT = /(?:^|[\s_-])(?:author|authors|byline|by-line|tac-?gia|tacgia|writer|reporter|nguoi-?viet|author_mail|signature|source|nguon|article-author|post-author)(?:[\s_-]|$)/i;
const DATE_LINE = /^(?:\p{L}+(?:\s\p{L}+)?,?\s+)?(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})(?:\s*[-|,–]?\s*(?:um\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:Uhr|AM|PM|am|pm))?)?(?:\s*\(?(?:GMT|UTC)\s*[+-]?\d*\)?)?$/u;

function isDataTable(table: Element): boolean {
  let ok = true;
  const visit = (el: Element, depth: number) => {
    for (const c of el.children) {
      if (!ok) return;
      if (!isElement(c)) continue;
      if (depth > 0 && c.name === 'table') ok = false;
      else if (c.name === 'div' || c.name === 'p' || c.name === 'ul' || c.name === 'h2' || c.name === 'h3') {
        if (rawText(c).length > 250) ok = false;
      }
      if (ok) visit(c, depth + 1);
    }
  };
  visit(table, 0);
  return ok;
}

function countImages(el: Element, limit = 3): number {
  let n = 0;
  const visit = (e: Element) => {
    for (const c of e.children) {
      if (n >= limit) return;
      if (!isElement(c)) continue;
      if (c.name === 'img') n++;
      else visit(c);
    }
  };
  visit(el);
  return n;
}

/** A box that holds one picture and its caption (figure, wp-caption div, a CMS image table). */
function isFigureBox(el: Element): boolean {
  if (el.name === 'figure') return true;
  if (el.name === 'picture' || el.name === 'img') return false;
  const hint = hintOf(el);
  const tableLike = el.name === 'table';
  if (!tableLike && !(hint && FIGURE_HINT.test(hint))) return false;
  const n = countImages(el);
  if (n !== 1 && !(n >= 1 && el.name === 'figure')) return false;
  return rawText(el).length < 500;
}

const LONG_CAPTION = 300;

export interface CollectOptions {
  baseUrl: string;
  title: string | null;
  /** Lines of removed related/most-read boxes: dropped when the page repeats them in the text. */
  removed?: Set<string>;
}

export interface Collected {
  blocks: Block[];
  images: ImageRef[];
}

function linkHref(el: Element, base: string): string | null {
  const h = el.attribs.href;
  if (!h) return null;
  try {
    const u = new URL(h.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Walk the chosen content nodes and produce blocks, pictures and captions. */
export function collectBlocks(nodes: Element[], opts: CollectOptions): Collected {
  const blocks: Block[] = [];
  const images: ImageRef[] = [];
  const captionTexts = new Set<string>();
  const titleKey = opts.title ? squash(opts.title).toLowerCase() : null;

  let text = '';
  let html = '';
  let linkChars = 0;
  let boldChars = 0;
  let inLink = 0;
  let inBold = 0;
  let owner: Element = nodes[0];
  let list: Element | undefined;
  let quote: Element | undefined;
  let figure: { box: Element; image: ImageRef | null; caption: string[] } | null = null;
  let inCaption = 0;
  let bylineDepth = 0;
  let row: string[] | null = null;
  let goodSeen = 0;
  let cutScope: Element | null = null;

  const pushCaption = (t: string) => {
    if (figure) figure.caption.push(t);
    else {
      // A caption with no picture box around it: attach to the last picture, never to the body.
      const last = images[images.length - 1];
      const s = splitCaption(t);
      if (last && !last.caption && !last.credit) {
        last.caption = s.caption;
        last.credit = s.credit;
      }
      addCaptionKeys(captionTexts, t);
    }
  };

  const flush = () => {
    if (!text) return;
    const t = squash(text);
    const h = html.trim();
    const lc = linkChars;
    const bc = boldChars;
    text = '';
    html = '';
    linkChars = 0;
    boldChars = 0;
    if (!t) return;
    if (inCaption || figure) {
      pushCaption(t);
      return;
    }
    if (row) {
      row.push(t);
      return;
    }
    const n = t.length;
    if (lc / n > 0.5) return;
    if (n < 100 && isCreditLine(t)) {
      // "Ảnh: Quang Huy" printed under a picture table: the picture's credit, never body text.
      const last = images[images.length - 1];
      if (last && !last.credit) last.credit = splitCaption(t).credit;
      return;
    }
    if (n < 40 && (JUNK_LINE.test(t) || DATE_LINE.test(t))) return;
    if (n < 160 && META_LINE.test(t)) return;
    const lower = t.toLowerCase();
    if (titleKey && lower === titleKey) return;
    // Most pages print no caption twice: no key to build or hash then.
    if (captionTexts.size && captionTexts.has(keyOfLower(lower))) return;
    if (opts.removed && n >= 20 && n <= 200 && opts.removed.has(lower)) return;
    const tag = owner.name;
    if (n < 200 && PHOTO_CREDIT_TAIL.test(t)) {
      // A caption printed as a paragraph under its picture.
      const last = images[images.length - 1];
      if (last && !last.caption && !last.credit) {
        const c = splitCaption(t);
        last.caption = c.caption;
        last.credit = c.credit;
      }
      return;
    }
    if (n < 60 && isBoilerplateHeading(t) && (HEADING_TAGS.has(owner.name) || bc >= n * 0.8 || n < 30)) {
      if (goodSeen > 150) cutScope = owner.parent && owner.parent.type !== 'root' ? (owner.parent as Element) : owner;
      return;
    }
    let kind: BlockKind = 'p';
    let level: number | undefined;
    if (HEADING_TAGS.has(tag)) {
      kind = 'h';
      level = tag === 'h1' || tag === 'h2' ? 2 : tag === 'h3' ? 3 : 4;
    } else if (quote) kind = 'quote';
    else if (list) kind = 'li';
    if (n >= 25) goodSeen += n;
    blocks.push({
      kind,
      text: t,
      html: h,
      level,
      list: kind === 'li' ? list : undefined,
      ordered: kind === 'li' ? list?.name === 'ol' : undefined,
      quote: kind === 'quote' ? quote : undefined,
      byline: bylineDepth > 0 || undefined,
      bold: bc >= n * 0.8 || undefined,
    });
  };

  const visit = (node: AnyNode) => {
    if (cutScope) return;
    if (node.type === 'text') {
      const d = (node as { data: string }).data;
      text += d;
      html += escapeText(d);
      if (inLink) linkChars += squashedLength(d) + 1;
      if (inBold) boldChars += squashedLength(d) + 1;
      return;
    }
    if (!isElement(node)) return;
    const name = node.name;
    if (name === 'br') {
      flush();
      return;
    }
    if (name === 'img') {
      const url = imageUrl(node, opts.baseUrl);
      if (!url) return;
      const ref: ImageRef = { url, caption: null, credit: null };
      if (figure && !figure.image) figure.image = ref;
      else if (!images.some((i) => i.url === url)) images.push(ref);
      return;
    }
    if (name === 'a' && inLink === 0) {
      const href = linkHref(node, opts.baseUrl);
      if (href) {
        inLink++;
        html += `<a href="${escapeAttribute(href)}">`;
        for (const c of node.children) visit(c);
        html += '</a>';
        inLink--;
        return;
      }
    }
    const hint = hintOf(node);
    const isByline = hint !== '' && BYLINE_HINT.test(hint);
    const bold = name === 'strong' || name === 'b';

    if (!BLOCK_TAGS.has(name) && !(hint && CAPTION_HINT.test(hint))) {
      if (name === 'a') inLink++;
      if (bold) inBold++;
      if (isByline) bylineDepth++;
      for (const c of node.children) visit(c);
      if (isByline) bylineDepth--;
      if (bold) inBold--;
      if (name === 'a') inLink--;
      return;
    }

    flush();
    const saved = { owner, list, quote, row };
    let openedFigure = false;
    let openedCaption = false;
    if (!figure && isFigureBox(node)) {
      figure = { box: node, image: null, caption: [] };
      openedFigure = true;
    } else if (name === 'figcaption' || (hint && CAPTION_HINT.test(hint) && rawText(node).length < 400)) {
      inCaption++;
      openedCaption = true;
    }
    if (isByline) bylineDepth++;
    owner = node;
    if (name === 'ul' || name === 'ol') list = node;
    if (name === 'blockquote') quote = node;
    let dataTable = false;
    if (name === 'table' && !figure && isDataTable(node)) dataTable = true;
    if (name === 'tr' && row === null && (node as Element & { dataTable?: boolean }).dataTable) row = [];
    if (dataTable) markRows(node);

    for (const c of node.children) visit(c);
    flush();

    if (name === 'tr' && row && saved.row === null) {
      const cells = row.filter(Boolean);
      row = null;
      if (cells.length && !cutScope) {
        const t = cells.join(' | ');
        blocks.push({ kind: 'row', text: t, html: cells.map((c) => escapeText(c)).join(' | ') });
        goodSeen += t.length;
      }
    }
    if (isByline) bylineDepth--;
    if (openedCaption) inCaption--;
    if (openedFigure && figure) {
      const f = figure;
      figure = null;
      const capText = squash(f.caption.join(' '));
      // Gallery slides and "figures" that hold whole paragraphs: that text is the article, not a caption.
      if (capText.length > LONG_CAPTION) {
        if (f.image && !images.some((i) => i.url === f.image!.url)) {
          images.push(f.image);
          blocks.push({ kind: 'figure', text: '', html: '', image: f.image });
        }
        for (const c of f.caption) blocks.push({ kind: 'p', text: c, html: escapeText(c) });
        goodSeen += capText.length;
        f.caption = [];
      } else if (f.image) {
        const s = splitCaption(capText);
        f.image.caption = s.caption;
        f.image.credit = s.credit;
        if (!images.some((i) => i.url === f.image!.url)) {
          images.push(f.image);
          blocks.push({ kind: 'figure', text: '', html: '', image: f.image });
        }
      }
      if (capText && capText.length <= LONG_CAPTION) {
        addCaptionKeys(captionTexts, capText);
        for (const c of f.caption) addCaptionKeys(captionTexts, c);
      }
    }
    owner = saved.owner;
    list = saved.list;
    quote = saved.quote;
    if (name !== 'tr') row = saved.row;
    if (cutScope === node) cutScope = null;
  };

  for (const n of nodes) {
    visit(n);
    flush();
    cutScope = null;
  }
  // Captions printed again as a paragraph after the picture (common on Vietnamese CMSes).
  const out = captionTexts.size ? blocks.filter((b) => b.kind === 'figure' || !captionTexts.has(captionKey(b.text))) : blocks;
  return { blocks: out, images };
}

/** Lowercased, without trailing whitespace and periods (`.replace(/[\s.]+$/, '')`, which rescans every run on long text). */
function captionKey(t: string): string {
  return keyOfLower(t.toLowerCase());
}

function keyOfLower(lower: string): string {
  let end = lower.length;
  while (end > 0) {
    const c = lower.charCodeAt(end - 1);
    if (c !== 0x2e && !isSpaceCode(c)) break;
    end--;
  }
  return end === lower.length ? lower : lower.slice(0, end);
}

/** A caption is recognised again with or without its credit and final period. */
function addCaptionKeys(set: Set<string>, text: string): void {
  set.add(captionKey(text));
  const s = splitCaption(text);
  if (s.caption && s.caption.length > 15) set.add(captionKey(s.caption));
}

function markRows(table: Element): void {
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'table') continue;
      if (c.name === 'tr') (c as Element & { dataTable?: boolean }).dataTable = true;
      else visit(c);
    }
  };
  visit(table);
}
