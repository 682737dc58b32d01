import type { AnyNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { normalizeText } from '../../normalize/text.ts';
import { PageMemo } from '../page-memo.ts';
import { classAttribute, documentIndex, idAttribute, isElement, testIdAttribute, type Page } from '../page.ts';

export type Selector = string | string[];

/** Entity-decoded (twice-encoded "&amp;quot;" too), normalized, and a fresh string rather than a slice of the page. */
export function cleanText(raw: string | undefined | null): string {
  if (!raw) return '';
  let s = raw;
  // No '&', no entity: skip the regex test.
  for (let i = 0; i < 2 && s.includes('&') && /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i.test(s); i++) s = decodeHTML(s);
  return (' ' + normalizeText(s)).slice(1);
}

export function selectorList(sel: Selector | undefined): string[] {
  if (!sel) return [];
  return Array.isArray(sel) ? sel : [sel];
}

/**
 * Text of an element with block boundaries kept as spaces ("<p>a</p><p>b</p>" -> "a b"); `spaced` puts a space at every
 * element boundary. Iterative: deep pages cannot overflow the stack.
 */
export function elementText(el: AnyNode, skip?: (child: Element) => boolean, spaced = false): string {
  return collectText(el, skip, spaced, Infinity)!;
}

/**
 * elementText(el), or null when that text is certainly longer than `limit`: stops walking once more than `limit`
 * characters certain to survive cleaning have been seen.
 */
export function elementTextWithin(el: AnyNode, limit: number): string | null {
  return collectText(el, undefined, false, limit);
}

/**
 * elementText(el, skip).slice(0, length), reading only as much of the subtree as that needs: the walk stops once more
 * than `length` characters certain to survive cleaning one for one have been seen, as everything cleaning does before
 * the last of them depends on what precedes it only.
 */
export function elementTextPrefix(el: AnyNode, skip: ((child: Element) => boolean) | undefined, length: number): string {
  return collectText(el, skip, false, length, true)!.slice(0, length);
}

/**
 * Characters that survive cleanText one for one: printable ASCII (bar "&", which may open an entity), Latin-1 and Latin
 * Extended letters (bar the soft hyphen) and Vietnamese precomposed letters. Each is an NFC starter that never merges into
 * a preceding character, and none is whitespace or zero-width.
 */
function keptChar(c: number): boolean {
  if (c < 0x7f) return c > 0x20 && c !== 0x26;
  return (c >= 0xa1 && c < 0x300 && c !== 0xad) || (c >= 0x1e00 && c < 0x1f00);
}

/** How many of data[0, end) are keptChar: the walks count only before a text's first "&" (decoding may shorten what follows). */
function keptCount(data: string, end: number): number {
  let kept = 0;
  for (let i = 0; i < end; i++) if (keptChar(data.charCodeAt(i))) kept++;
  return kept;
}

/**
 * The walk behind elementText, elementTextWithin and elementTextPrefix. With a finite `limit`, only characters before the
 * first "&" are counted, since entity decoding can shorten what follows it (never what precedes it); past the limit the
 * walk returns null, or with `truncate` the cleaned text read so far.
 */
function collectText(el: AnyNode, skip: ((child: Element) => boolean) | undefined, spaced: boolean, limit: number, truncate = false): string | null {
  const parts: string[] = [];
  // Separators next to each other fold into one space in cleanText: one is pushed. (Inline, not a closure: tsx names
  // every closure it creates, and this walk runs for every element text read.)
  let lastSeparator = false;
  let kept = 0;
  let counting = limit !== Infinity;
  // Strings on the stack are separators to emit once a block element's children are done.
  const stack: (AnyNode | string)[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      if (!lastSeparator) parts.push(' ');
      lastSeparator = true;
      continue;
    }
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      parts.push(data);
      lastSeparator = false;
      if (counting) {
        const amp = data.indexOf('&');
        kept += keptCount(data, amp < 0 ? data.length : amp);
        if (amp >= 0) counting = false;
        if (kept > limit) {
          if (!truncate) return null;
          break;
        }
      }
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root') continue; // script, style, comments, directives
    const children = (node as Element).children;
    if (node.type === 'tag') {
      const name = (node as Element).name;
      // rt/rp: ruby pronunciation guides printed above the characters, not part of the sentence.
      if (name === 'noscript' || name === 'template' || name === 'rt' || name === 'rp') continue;
      if (skip && node !== el && skip(node as Element)) continue;
      const block = spaced || !INLINE.has(name);
      if (block || name === 'br') {
        if (!lastSeparator) parts.push(' ');
        lastSeparator = true;
      }
      if (block) stack.push(' ');
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return cleanText(parts.join(''));
}

/**
 * cleanText($(el).text()) (the DOM's textContent: every text node, script and style contents too, no separators), or null
 * when that text is certainly longer than `limit`: stops once more than `limit` characters certain to survive cleaning
 * have been seen (only before the first "&", as in collectText).
 */
export function textContentWithin(el: AnyNode, limit: number): string | null {
  const raw = joinedText(el, limit);
  return raw === null ? null : cleanText(raw);
}

/** `$(el).text()` (the DOM's textContent, uncleaned) without building a Cheerio object. */
export function textContent(el: AnyNode): string {
  return joinedText(el, Infinity)!;
}

/** The text nodes under `el` joined, or null once more than `limit` kept characters were seen. */
function joinedText(el: AnyNode, limit: number): string | null {
  const parts: string[] = [];
  let kept = 0;
  let counting = limit !== Infinity;
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      parts.push(data);
      if (!counting) continue;
      const amp = data.indexOf('&');
      kept += keptCount(data, amp < 0 ? data.length : amp);
      if (amp >= 0) counting = false;
      if (kept > limit) return null;
      continue;
    }
    if (node.type === 'comment') continue;
    const children = (node as Element).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return parts.join('');
}

const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'font', 'wbr', 'ruby', 'rb']);

/** First non-empty content of <meta> tags whose property / name / itemprop is one of `keys` (case-insensitive), in key order. */
export function metaContent(page: Page, keys: string[]): string | null {
  const table = metaTable(page);
  for (const k of keys) {
    const v = table.contents(k.toLowerCase())[0];
    if (v) return v;
  }
  return null;
}

export function metaContents(page: Page, key: string): string[] {
  return metaTable(page).contents(key.toLowerCase());
}

/** Raw contents per lowercased key; a key's contents are cleaned (the costly part) on first lookup only. */
class MetaTable {
  private readonly cleaned = new Map<string, string[]>();
  constructor(private readonly raw: Map<string, string[]>) {}
  contents(key: string): string[] {
    let list = this.cleaned.get(key);
    if (!list) {
      list = (this.raw.get(key) ?? []).map(cleanText).filter(Boolean);
      this.cleaned.set(key, list);
    }
    return list;
  }
}

const metaCache = new PageMemo<MetaTable>();
function metaTable(page: Page): MetaTable {
  let table = metaCache.get(page);
  if (table) return table;
  const raw = new Map<string, string[]>();
  for (const el of elementsNamed(page, 'meta')) {
    const content = el.attribs.content ?? el.attribs.value;
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.attribs[attr]?.trim().toLowerCase();
      if (!key) continue;
      const list = raw.get(key);
      if (list) list.push(content);
      else raw.set(key, [content]);
    }
  }
  table = new MetaTable(raw);
  metaCache.set(page, table);
  return table;
}

const NONE: readonly Element[] = Object.freeze([]);

/**
 * Every element of the document (head included) in document order: what `$(selector)` visits. Metadata filters this
 * one cached list instead of running selector queries, each a full css-select pass over the page.
 */
export function documentElements(page: Page): Element[] {
  return documentIndex(page).elements;
}

/** The document's elements named `name` (lowercase), in document order. Shared: callers must not modify it. */
export function elementsNamed(page: Page, name: string): readonly Element[] {
  return documentIndex(page).byName.get(name) ?? NONE;
}

/** The first <body>, as `$('body').get(0)`. */
export function bodyElement(page: Page): Element | undefined {
  return elementsNamed(page, 'body')[0];
}

/** Whether a whitespace-separated attribute value holds `word` (`[attr~="word"]`; `word` has no whitespace); `ignoreCase` for rel-like attributes. */
export function hasWord(value: string | undefined, word: string, ignoreCase = false): boolean {
  if (!value) return false;
  const v = ignoreCase ? value.toLowerCase() : value;
  // An occurrence with whitespace or an end on both sides is one of the words; no array of words is built.
  for (let i = v.indexOf(word); i >= 0; i = v.indexOf(word, i + 1)) {
    const end = i + word.length;
    if ((i === 0 || SPACE.test(v[i - 1])) && (end === v.length || SPACE.test(v[end]))) return true;
  }
  return false;
}
const SPACE = /\s/;

const elementsCache = new PageMemo<Element[]>();


/**
 * Every element under <body> (else the document) in document order. A body's descendants are one run of the cached
 * document order (script and style elements left out); not `$('body *')`, which is quadratic on deep pages.
 */
export function bodyElements(page: Page): Element[] {
  const cached = elementsCache.get(page);
  if (cached) return cached;
  const all = documentElements(page);
  const body = bodyElement(page);
  let from = 0;
  let to = all.length;
  if (body) {
    from = all.indexOf(body) + 1;
    // The run ends at the first element after the body's subtree: a later sibling of the body or of an ancestor.
    let next: AnyNode | null = null;
    for (let n: AnyNode | null = body; n && !next; n = n.parent) {
      for (let s = n.next; s; s = s.next) {
        if (isElement(s)) {
          next = s;
          break;
        }
      }
    }
    if (next) to = all.indexOf(next as Element, from);
  }
  const out: Element[] = [];
  for (let i = from; i < to; i++) if (all[i].type === 'tag') out.push(all[i]);
  elementsCache.set(page, out);
  return out;
}

/** The descendant elements of `el` passing `test`, in document order (`$(el).find(selector).toArray()`). */
export function descendants(el: Element, test: (descendant: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (test(node)) out.push(node as Element);
    const children = (node as Element).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/** The first descendant element of `el` passing `test`, in document order (`$(el).find(selector).get(0)`). */
export function firstDescendant(el: Element, test: (descendant: Element) => boolean): Element | undefined {
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (test(node)) return node as Element;
    const children = (node as Element).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return undefined;
}

/** The document's <title> (the one in <head>, else the first), cleaned; '' when there is none. */
export function documentTitle(page: Page): string {
  const titles = elementsNamed(page, 'title');
  const headTitle = titles.find((el) => hasAncestor(el, (a) => a.name === 'head'));
  return cleanText((headTitle ? textContent(headTitle) : '') || (titles[0] ? textContent(titles[0]) : ''));
}

/** Whether any ancestor of `el` (not `el` itself) satisfies `test`. */
export function hasAncestor(el: Element, test: (ancestor: Element) => boolean): boolean {
  for (let n = el.parent as Element | null; n && n.type === 'tag'; n = n.parent as Element | null) if (test(n)) return true;
  return false;
}

/** class + id (+ data-testid) of an element, lowercased, for cheap heuristics. */
export function classId(el: Element): string {
  const cls = classAttribute(el);
  const id = idAttribute(el);
  const testId = testIdAttribute(el);
  // Most elements carry none of the three: skip building and lowercasing a string.
  if (cls === undefined && id === undefined && testId === undefined) return NO_CLASS_ID;
  return `${cls ?? ''} ${id ?? ''} ${testId ?? ''}`.toLowerCase();
}
const NO_CLASS_ID = '  ';

const LOWERS_TO_ASCII = '[\\u0130\\u212a]';

/**
 * `(el) => pattern.test(classId(el))` for a lowercase pattern (no g or y flag) whose whitespace only bounds words, so it
 * cannot match across the spaces that join class, id and test id. Each value is tested apart with the pattern in any
 * case: the same answer without building and lower-casing the joined string per element, except for values holding
 * one of the two characters that lower-case into ASCII letters (İ to "i̇", the Kelvin sign to "k"), which take the exact
 * path. One regex call a value finds either a match or such a character.
 */
export function classPattern(pattern: RegExp): (el: Element) => boolean {
  const anyCase = new RegExp(`(?:${pattern.source})|${LOWERS_TO_ASCII}`, pattern.flags + 'i');
  const test = (el: Element, value: string | undefined): boolean => {
    if (value === undefined) return false;
    const m = anyCase.exec(value);
    if (m === null) return false;
    return m[0] !== '\u0130' && m[0] !== '\u212a' ? true : pattern.test(classId(el));
  };
  return (el) => test(el, classAttribute(el)) || test(el, idAttribute(el)) || test(el, testIdAttribute(el));
}

/** The element and all its ancestors. */
export function selfAndAncestors(el: AnyNode | undefined): Set<AnyNode> {
  const out = new Set<AnyNode>();
  for (let n: AnyNode | null | undefined = el; n; n = n.parent) out.add(n);
  return out;
}

const BOILERPLATE_TAGS = new Set(['footer', 'aside', 'nav']);
// "related_post", "jp-relatedposts", "related-articles": the WordPress plugins' related lists count as related too.
const RELATED_WORD = String.raw`related(?:[_-]?(?:posts?|articles?|news|stories|links|entries|items?|content))?`;
const COMMENT_WORD = String.raw`comments?(?:-?(?:list|area|section|box|content|body|wrapper|container))?|commentlist|respond`;
const BOILERPLATE_CLASS = new RegExp(
  String.raw`(?:^|[\s_-])(?:${COMMENT_WORD}|${RELATED_WORD}|relat|sidebar|widget|footer|site-footer|copyright|recommend|more-news|other-news|news-other|tin-khac|xem-them|also-read|read-more|readmore|tin-lien-quan|lienquan|lien-quan|box-news|teaser-list|newsletter|popular|trending|most-read|mostread|breadcrumbs?)(?:$|\s)`,
);
const COMMENT_OR_RELATED = new RegExp(
  String.raw`(?:^|[\s_-])(?:${COMMENT_WORD}|${RELATED_WORD}|relat|recommend|tin-lien-quan|lienquan|lien-quan|more-news|other-news|news-other|tin-khac|cac-tin-khac|xem-them|tin-cung-chuyen-muc|also-read)(?:$|\s)`,
);
const commentOrRelated = classPattern(COMMENT_OR_RELATED);
const boilerplateClass = classPattern(BOILERPLATE_CLASS);

/** Whether this element itself (not its ancestors) is page furniture; containers of the headline never are. */
export function isFurniture(el: Element, loose = false, headline?: Set<AnyNode>): boolean {
  if (headline?.has(el)) return false;
  if (commentOrRelated(el)) return true;
  return !loose && (BOILERPLATE_TAGS.has(el.name) || boilerplateClass(el));
}

/**
 * Inside page furniture whose dates/names belong to other content: footer, sidebars, comments, related lists.
 * `loose` only rules out comments and related-article lists (for explicitly marked dates such as itemprop=datePublished,
 * which themes often print in a post footer). The article, main and body carry page-wide classes ("has-sidebar") and
 * are not judged. For many elements of one page, boilerplateTest remembers the climbs.
 */
export function inBoilerplate(el: Element, loose = false, headline?: Set<AnyNode>): boolean {
  return boilerplateTest(headline)(el, loose);
}

// A climb's outcome: a comment/related box, the headline's <article>, or the body / top; STRICT: furniture on the way.
const COMMENT = 1;
const ARTICLE = 2;
const TOP = 3;
const STRICT = 4;

/**
 * inBoilerplate(el, loose, headline) for one fixed headline, remembering each element's climb: a page's candidates
 * share their ancestors, and climbing from each alone is quadratic on long lists of dated items. The answer is decided
 * by the nearest of: a comment or related box (yes), the <article> holding the headline (no: its side boxes and
 * footers are the article's own), the body (yes if strict and furniture was passed on the way).
 */
export function boilerplateTest(headline: Set<AnyNode> | undefined): (el: Element, loose?: boolean) => boolean {
  const climbs = new Map<Element, number>();
  const path: Element[] = [];
  // Iterative: up to the first element whose climb is known (or ends it), then down again filling in the answers.
  const climb = (el: Element): number => {
    let above = TOP;
    for (let n: Element | null = el; n; n = n.parent as Element | null) {
      if (n.type !== 'tag' || n.name === 'body' || n.name === 'html') break;
      if (n.name === 'article' && headline?.has(n)) {
        above = ARTICLE;
        break;
      }
      const known = climbs.get(n);
      if (known !== undefined) {
        above = known;
        break;
      }
      path.push(n);
    }
    while (path.length) {
      const n = path.pop()!;
      if (n.name === 'article' || n.name === 'main' || headline?.has(n)) {
        // A container that holds the article's headline is the article, whatever its class says ("widget blog").
      } else if (commentOrRelated(n)) above = COMMENT;
      else if (BOILERPLATE_TAGS.has(n.name) || boilerplateClass(n)) above |= STRICT;
      climbs.set(n, above);
    }
    return above;
  };
  return (el, loose = false) => {
    const c = climb(el);
    const end = c & 3;
    return end === COMMENT || (!loose && end === TOP && (c & STRICT) !== 0);
  };
}
