import type { AnyNode, Element } from 'domhandler';
import type { ExtractRules } from '../../schemas/config.ts';
import { findDates, parseDateText, parseIsoLike, partsToIso, type DateParts } from './dates.ts';
import { bodyElement, bodyElements, classId, classPattern, documentElements, elementsNamed, elementText, elementTextPrefix, elementTextWithin, firstDescendant, hasAncestor, inBoilerplate, boilerplateTest, isFurniture, metaContent, selectorList, selfAndAncestors } from './dom.ts';
import { safeSelect } from '../selectors.ts';
import { ldString, type LdNode } from './jsonld.ts';
import { looseKey } from './site.ts';
import { attribute, classAttribute, type Page } from '../page.ts';

export interface DateContext {
  timezone: string;
  now: Date;
  rules?: ExtractRules;
  article?: LdNode;
  /** Other JSON-LD nodes (WebPage...) consulted after the article. */
  pages: LdNode[];
  url: string;
  /** The extracted title, to find the headline element. */
  title: string | null;
  ruleMisses: string[];
  /** The headline element and its ancestors (set by extractDates). */
  headline?: Set<AnyNode>;
  /** inBoilerplate for that headline (set by extractDates). */
  inBoilerplate?: (el: Element, loose?: boolean) => boolean;
  /** Machine dates read from an ambiguous "11/01/2023" -> the other reading (month and day swapped). */
  otherReadings?: Map<string, string>;
}

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time',
  'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'date', 'dc.date',
  'dc.date.issued', 'dc.date.created', 'dcterms.date', 'dcterms.issued', 'dcterms.created', 'sailthru.date',
  'parsely-pub-date', 'article.published', 'citation_publication_date', 'citation_date', 'originalpublicationdate',
  'date.available', 'created', 'dc.created', 'release_date', 'og:pubdate',
];
const MODIFIED_META = [
  'article:modified_time', 'og:article:modified_time', 'og:updated_time', 'article:modified', 'modified_time',
  'datemodified', 'last-modified', 'lastmod', 'dc.date.modified', 'dcterms.modified', 'article.updated', 'revised',
];

const SLASH_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/;

/** A machine value read from "11/01/2023": when both numbers could be the month, remember the other reading for the vote. */
function machineDate(value: string, ctx: DateContext): string | null {
  const iso = parseIsoLike(value, ctx.timezone);
  if (!iso) return null;
  const m = SLASH_DATE.exec(value);
  if (m && +m[1] <= 12 && +m[2] <= 12 && +m[1] !== +m[2]) {
    const other = parseIsoLike(`${m[2]}/${m[1]}/${m[3]}${value.slice(m[0].length)}`, ctx.timezone);
    if (other) (ctx.otherReadings ??= new Map()).set(iso, other);
  }
  return iso;
}

function notFuture(iso: string | null, now: Date): string | null {
  if (!iso) return null;
  return Date.parse(iso) <= now.getTime() + 86_400_000 ? iso : null;
}

function dateFromElement(el: Element, ctx: DateContext, reference: Date): string | null {
  for (const attr of ['datetime', 'content', 'data-date', 'data-time', 'data-datetime', 'title']) {
    const v = el.attribs[attr];
    if (v) {
      const iso = machineDate(v, ctx);
      if (iso) return iso;
    }
  }
  return parseDateText(elementText(el), { timezone: ctx.timezone, reference });
}

function fromRule(page: Page, field: 'date' | 'modified', ctx: DateContext): string | null {
  const sels = selectorList(ctx.rules?.[field]);
  if (!sels.length) return null;
  let matched = false;
  for (const sel of sels) {
    for (const el of safeSelect(page, sel)) {
      matched = true;
      const iso = notFuture(dateFromElement(el, ctx, ctx.now), ctx.now);
      if (iso) return iso;
    }
  }
  if (!matched) ctx.ruleMisses.push(field);
  return null;
}

function fromJsonLd(nodes: (LdNode | undefined)[], key: string, ctx: DateContext): string | null {
  for (const n of nodes) {
    const v = n && ldString(n[key]);
    const iso = v ? notFuture(machineDate(v, ctx), ctx.now) : null;
    if (iso) return iso;
  }
  return null;
}

function fromMeta(page: Page, keys: string[], ctx: DateContext): string | null {
  for (const k of keys) {
    const v = metaContent(page, [k]);
    const iso = v ? notFuture(machineDate(v, ctx) ?? parseDateText(v, { timezone: ctx.timezone, reference: ctx.now }), ctx.now) : null;
    if (iso) return iso;
  }
  return null;
}

function fromItemprop(page: Page, prop: string, ctx: DateContext): string | null {
  for (const el of documentElements(page)) {
    if (attribute(el, 'itemprop') !== prop) continue;
    if (el.name === 'meta' || ctx.inBoilerplate!(el, true)) continue;
    const iso = notFuture(dateFromElement(el, ctx, ctx.now), ctx.now);
    if (iso) return iso;
  }
  return null;
}

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The element printing the extracted title (else the article's h1): the anchor for "near the title". */
function titleElement(page: Page, title: string | null): Element | undefined {
  const key = title ? looseKey(title) : '';
  if (key) {
    const match = documentElements(page).find((el) => {
        if (!HEADING_TAGS.has(el.name) && attribute(el, 'itemprop') !== 'headline' && !classAttribute(el)?.includes('title') && !classAttribute(el)?.includes('headline')) return false;
        if (el.name === 'meta' || el.name === 'title' || el.name === 'body' || el.name === 'html') return false;
        const k = looseKey(elementText(el));
        return k.includes(key) && k.length <= key.length * 1.5 + 10;
      });
    if (match) return match;
  }
  const h1s = elementsNamed(page, 'h1').filter((el) => !inBoilerplate(el));
  return h1s.find((el) => hasAncestor(el, (a) => a.name === 'article' || a.name === 'main' || attribute(a, 'role') === 'main')) ?? h1s[0];
}

/** How many levels up from `el` until an ancestor also contains `anchor` (smaller = closer). */
function distance(el: Element, anchor: Element | undefined): number {
  if (!anchor) return 50;
  const anc = new Set<AnyNode>();
  for (let n: AnyNode | null = anchor; n; n = n.parent) anc.add(n);
  let d = 0;
  for (let n: AnyNode | null = el; n; n = n.parent, d++) if (anc.has(n)) return d;
  return 50;
}

const UPDATED_WORDS = /(?:updated?|modified|aktualisiert|geändert|cập nhật|mis à jour|actualizado|aggiornato)/i;
const PUBLISH_CLASS = /(?:^|[\s_-])(?:date|time|datum|publish|published|pubdate|posted|postdate|post-date|entry-date|dateline|timestamp|byline|submitted|meta|article-info|info|ngay|thoi-gian|author|zeit)(?:$|[\s_-]|\d)|publish|posted|date/;

/**
 * A <time> in a list item whose sibling items print times too: an entry of a list of other dated content
 * ("Weitere Pressemitteilungen", archives, teasers), not the article's date. Looks a few levels up only.
 */
function inDatedList(el: Element, headline: Set<AnyNode> | undefined, dated: (d: Element) => boolean = (d) => d.name === 'time'): boolean {
  let n = el.parent as Element | null;
  for (let level = 0; level < 4 && n && n.type === 'tag'; level++, n = n.parent as Element | null) {
    if (headline?.has(n)) return false;
    if (n.name !== 'li') continue;
    const list = n.parent;
    if (!list || list.type !== 'tag') return false;
    return (list as Element).children.some((c) => c !== n && c.type === 'tag' && (c as Element).name === 'li' && !!firstDescendant(c as Element, dated));
  }
  return false;
}

function timeElements(page: Page, ctx: DateContext, anchor: Element | undefined, kind: 'published' | 'modified'): string | null {
  const cands: { iso: string; score: number }[] = [];
  elementsNamed(page, 'time').forEach((el, i) => {
    const parent = el.parent;
    const label = `${classId(el)} ${attribute(el, 'itemprop') ?? ''} ${(parent && parent.type === 'tag' ? classAttribute(parent as Element) : undefined) ?? ''}`;
    const marked = el.attribs.pubdate !== undefined || /publish|entry-date|post-date/.test(label);
    if (ctx.inBoilerplate!(el, marked)) return;
    if (inDatedList(el, ctx.headline)) return;
    const isUpdated = UPDATED_WORDS.test(label) || attribute(el, 'itemprop') === 'dateModified';
    if ((kind === 'modified') !== isUpdated) return;
    const iso = notFuture(dateFromElement(el, ctx, ctx.now), ctx.now);
    if (!iso) return;
    let score = -distance(el, anchor) - i * 0.01;
    if (marked) score += 3;
    if (hasAncestor(el, (a) => a.name === 'header' || /(?:article|entry|post)-header/.test(classId(a)))) score += 2;
    cands.push({ iso, score });
  });
  cands.sort((a, b) => b.score - a.score);
  return cands[0]?.iso ?? null;
}

function urlDate(url: string, timezone: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|\/)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:\/|[_-]|\.|$)/.exec(path) ?? /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//.exec(path);
  if (!m) return null;
  return partsToIso({ year: +m[1], month: +m[2], day: +m[3] }, timezone);
}

const publishClass = classPattern(PUBLISH_CLASS);

// A test, not trim(): trim() copies the text of every element scanned.
const VISIBLE = /\S/;
const DATE_ICON = /(?:^|[\s_-])(?:calendar|clock|date|time|schedule)(?:$|[\s_-]|-o\b)/i;
const ICON_TAGS = ['i', 'span', 'svg', 'img'];

/** The body elements that label a date, in document order, with their positions among the body's elements. */
interface DateLabelled {
  elements: Element[];
  positions: number[];
  has: Set<Element>;
}

/**
 * Body elements whose class or id names a date ("post-date", "meta"), or that open with a calendar or clock icon
 * ("<li><i class="fa fa-calendar"></i> 16.10.2021</li>"). The icons are found from their few candidates (empty i, span,
 * svg or img elements) up: testing every element's first children was most of the cost of the visible-text dates.
 */
function dateLabelled(page: Page): DateLabelled {
  const body = bodyElements(page);
  const found: [position: number, el: Element][] = [];
  body.forEach((el, i) => {
    if (publishClass(el)) found.push([i, el]);
  });
  const classed = found.length;
  for (const name of ICON_TAGS) {
    for (const icon of elementsNamed(page, name)) {
      if (icon.children.length !== 0 || !DATE_ICON.test(classAttribute(icon) ?? '')) continue;
      const parent = icon.parent as Element | null;
      if (!parent || parent.type !== 'tag' || !opensWith(icon)) continue;
      const i = body.indexOf(parent);
      if (i >= 0) found.push([i, parent]);
    }
  }
  if (found.length > classed) found.sort((a, b) => a[0] - b[0]);
  const labelled: DateLabelled = { elements: [], positions: [], has: new Set() };
  for (const [i, el] of found) {
    if (labelled.has.has(el)) continue;
    labelled.has.add(el);
    labelled.elements.push(el);
    labelled.positions.push(i);
  }
  return labelled;
}

/** Whether `icon` is its parent's first element child with no visible text before it. */
function opensWith(icon: Element): boolean {
  for (let s = icon.prev; s; s = s.prev) {
    if (s.type === 'text') {
      if (VISIBLE.test((s as unknown as { data: string }).data)) return false;
    } else if (s.type === 'tag') return false;
  }
  return true;
}

/** The page's masthead (a <header> or banner with the site's menu or search, apart from the headline): its date is today's, not the article's. */
function inSiteBanner(el: Element, headline: Set<AnyNode> | undefined): boolean {
  for (let n = el.parent as Element | null; n && n.type === 'tag'; n = n.parent as Element | null) {
    if (headline?.has(n)) return false;
    if (n.name !== 'header' && attribute(n, 'role') !== 'banner') continue;
    if (firstDescendant(n, (d) => d.name === 'nav' || d.name === 'form' || d.name === 'menu' || attribute(d, 'role') === 'navigation' || attribute(d, 'role') === 'search')) return true;
  }
  return false;
}

/** Dates in short, date-labelled elements near the title, then in the title's surroundings. */
function visibleText(page: Page, ctx: DateContext, anchor: Element | undefined, reference: () => Date): string | null {
  // The context year is only looked up when a printed date lacks one.
  const toIso = (parts: DateParts): string | null => notFuture(partsToIso(parts, ctx.timezone, parts.year === undefined ? reference() : ctx.now, ctx.now), ctx.now);
  const cands: { iso: string; score: number }[] = [];
  const dateLabels = dateLabelled(page);
  dateLabels.elements.forEach((el, k) => {
    const ci = classId(el);
    if (ctx.inBoilerplate!(el, false) || inSiteBanner(el, ctx.headline)) return;
    if (inDatedList(el, ctx.headline, (d) => d.name === 'time' || dateLabels.has.has(d))) return;
    // Date-classed containers (".entry-meta" around a whole post) are common: stop reading them past the limit.
    let text = elementTextWithin(el, 200);
    if (!text || text.length > 200) return;
    let dates = findDates(text, ctx.now);
    // "<span>Apr</span> <span>04</span><span>2013</span>": the parts of a date printed in separate elements.
    if (!dates.length && el.children.length > 1) {
      text = elementText(el, undefined, true);
      dates = findDates(text, ctx.now);
    }
    if (!dates.length) return;
    const iso = toIso(pickPublished(text, dates));
    if (!iso) return;
    cands.push({ iso, score: -distance(el, anchor) - dateLabels.positions[k] * 0.001 + (/publish|posted|entry-date|pubdate/.test(ci) ? 2 : 0) });
  });
  cands.sort((a, b) => b.score - a.score);
  if (cands[0]) return cands[0].iso;
  const labelled = labelledDate(page, ctx);
  if (labelled) return labelled;
  // The title's surroundings: climb from the heading until some text carries a date.
  if (!anchor) return null;
  let node: Element | null = anchor;
  for (let level = 0; level < 4 && node; level++) {
    node = node.parent as Element | null;
    if (!node || node.type !== 'tag' || node.name === 'body') break;
    // A <time itemprop="dateModified"> (often hidden) is the update, never the publication.
    const text = elementTextPrefix(node, (el) => attribute(el, 'itemprop') === 'dateModified' || isFurniture(el, true, ctx.headline), 1500);
    // Running text: only full dates; "Ngày 25/1, tại ..." opening a report is the event's day, not the publication's.
    const dates = findDates(text, ctx.now).filter((d) => d.parts.year !== undefined);
    if (dates.length) {
      const iso = toIso(pickPublished(text, dates));
      if (iso) return iso;
    }
  }
  return afterHeadline(page, ctx, anchor);
}

// Not after a letter (checked in labelledDate: as a leading lookbehind it made the scan of a whole body 7 times slower).
const PUBLISHED_LABEL =
  /(?:erschienen|veröffentlicht|publiziert|published|posted|publié|publicado|pubblicato|ngày đăng|đăng lúc|đăng ngày|xuất bản|datum|date)(?:\s+(?:am|on|le|el|il|lúc|ngày|the))?\s*:?/giu;

/** A date the page labels as the publication date ("Erschienen am: 01.11.2023", "Posted on ..."), outside comments and related lists. */
function labelledDate(page: Page, ctx: DateContext): string | null {
  const body = bodyElement(page);
  if (!body) return null;
  const text = elementText(body, (el) => isFurniture(el, true, ctx.headline));
  // Find the labels first, then parse only the few characters after each: the body can be long.
  PUBLISHED_LABEL.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = PUBLISHED_LABEL.exec(text)); ) {
    if (letterBefore(text, m.index)) {
      // Inside a word ("candidate"): a label may still start further on.
      PUBLISHED_LABEL.lastIndex = m.index + 1;
      continue;
    }
    const start = m.index + m[0].length;
    const window = text.slice(start, start + 60);
    const first = findDates(window, ctx.now)[0];
    // The date must follow the label directly ("Posted on 3 May 2024"), not somewhere later in the sentence.
    if (!first || first.parts.year === undefined || window.slice(0, first.index).trim() !== '') continue;
    const iso = notFuture(partsToIso(first.parts, ctx.timezone, ctx.now), ctx.now);
    if (iso) return iso;
  }
  return null;
}

const LETTER = /\p{L}/u;

/** Whether the code point just before `at` is a letter. */
function letterBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const low = text.charCodeAt(at - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && at >= 2 && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800;
  return LETTER.test(text.slice(pair ? at - 2 : at - 1, at));
}

/** How much text after the headline is searched for its date. */
const AFTER_HEADLINE = 2500;
const AFTER_HEADLINE_PREFIX = 6000;

/** The first date printed after the headline in the page's text, page furniture left out. */
function afterHeadline(page: Page, ctx: DateContext, anchor: Element | undefined): string | null {
  const body = bodyElement(page);
  if (!body || !anchor) return null;
  const headline = elementText(anchor);
  if (!headline) return null;
  const skip = (el: Element) => isFurniture(el, false, ctx.headline);
  // The headline sits near the top: a prefix of the body's text that holds it and the window after it gives the same
  // answer as the whole text (the first occurrence cannot lie further on), without reading the rest of a long page.
  let text = elementTextPrefix(body, skip, AFTER_HEADLINE_PREFIX);
  let at = text.indexOf(headline);
  const complete = text.length < AFTER_HEADLINE_PREFIX;
  if (!complete && (at < 0 || at + headline.length + AFTER_HEADLINE > text.length)) {
    text = elementText(body, skip);
    at = text.indexOf(headline);
  }
  if (at < 0) return null;
  const after = text.slice(at + headline.length, at + headline.length + AFTER_HEADLINE);
  const dates = findDates(after, ctx.now).filter((d) => d.parts.year !== undefined);
  if (!dates.length) return null;
  return notFuture(partsToIso(pickPublished(after, dates), ctx.timezone, ctx.now), ctx.now);
}

/** In "Published 3 May, updated 5 May" the first date not labelled as an update. */
function pickPublished(text: string, dates: { parts: DateParts; index: number }[]): DateParts {
  for (const d of dates) {
    const before = text.slice(Math.max(0, d.index - 25), d.index);
    if (!UPDATED_WORDS.test(before)) return d.parts;
  }
  return dates[0].parts;
}

/** The first full date (with a year) printed on the page outside furniture: the year for "Ngày 25/1". */
function contextReference(page: Page, ctx: DateContext): Date {
  const text = elementTextPrefix(bodyElement(page) ?? page.document, undefined, 20000);
  for (const d of findDates(text, ctx.now)) {
    if (d.parts.year === undefined) continue;
    const iso = partsToIso(d.parts, ctx.timezone);
    if (iso && Date.parse(iso) <= ctx.now.getTime() + 86_400_000) return new Date(Date.UTC(d.parts.year, 11, 31));
  }
  return ctx.now;
}

type Source = [name: string, find: () => string | null];

function publishedSources(page: Page, ctx: DateContext, anchor: Element | undefined): Source[] {
  let reference: Date | undefined;
  return [
    ['rule', () => fromRule(page, 'date', ctx)],
    ['jsonld', () => fromJsonLd([ctx.article], 'datePublished', ctx)],
    ['meta', () => fromMeta(page, PUBLISHED_META, ctx)],
    ['itemprop', () => fromItemprop(page, 'datePublished', ctx)],
    ['jsonld-created', () => fromJsonLd([ctx.article], 'dateCreated', ctx)],
    ['jsonld-page', () => fromJsonLd(ctx.pages, 'datePublished', ctx)],
    ['time', () => timeElements(page, ctx, anchor, 'published')],
    ['url', () => urlDate(ctx.url, ctx.timezone)],
    ['text', () => visibleText(page, ctx, anchor, () => (reference ??= contextReference(page, ctx)))],
  ];
}

/** The headline element, set into `ctx` with its ancestors and the boilerplate test they decide. */
function anchorHeadline(page: Page, ctx: DateContext): Element | undefined {
  const anchor = titleElement(page, ctx.title);
  ctx.headline = selfAndAncestors(anchor);
  ctx.inBoilerplate = boilerplateTest(ctx.headline);
  return anchor;
}

/** Every source's answer for the publication date, for diagnostics. */
export function publishedCandidates(page: Page, ctx: DateContext): [string, string | null][] {
  const anchor = anchorHeadline(page, ctx);
  return publishedSources(page, ctx, anchor).map(([name, find]) => [name, find()]);
}

const VOTERS = ['jsonld', 'meta', 'itemprop', 'jsonld-created', 'jsonld-page', 'time', 'url', 'text'];
const DAY = 86_400_000;

/**
 * The publication date most sources agree on (by day); ties go to the most trusted source (machine dates first).
 * A machine date exactly one day off the printed one is a time-zone artefact: the printed day wins.
 */
function vote(answers: [string, string | null][], otherReadings?: Map<string, string>, modified?: string | null): string | null {
  const present = answers.filter((a): a is [string, string] => !!a[1]);
  if (!present.length) return null;
  // "11/01/2023" in a meta tag reads either way: the reading another source confirms wins ("Erstellt am: 01.11.2023").
  if (otherReadings) {
    for (const a of present) {
      const other = otherReadings.get(a[1]);
      if (!other) continue;
      const rest = present.filter((b) => b !== a).map(([, iso]) => iso.slice(0, 10));
      if (!rest.includes(a[1].slice(0, 10)) && rest.includes(other.slice(0, 10))) a[1] = other;
    }
  }
  const support = new Map<string, number>();
  for (const [, iso] of present) support.set(iso.slice(0, 10), (support.get(iso.slice(0, 10)) ?? 0) + 1);
  let [bestName, best] = present[0];
  for (const [name, iso] of present) if (support.get(iso.slice(0, 10))! > support.get(best.slice(0, 10))!) [bestName, best] = [name, iso];
  const printed = present.find(([name]) => name === 'text')?.[1];
  if (printed && bestName !== 'url' && Math.abs(Date.parse(printed.slice(0, 10)) - Date.parse(best.slice(0, 10))) === DAY) return printed;
  // The page shows a later date than its machine publication date, and the machine modification date confirms it:
  // the article was updated or republished and the page presents that day as its date.
  if (printed && modified && printed.slice(0, 10) === modified.slice(0, 10) && printed.slice(0, 10) > best.slice(0, 10)) return printed;
  return best;
}

export function extractDates(page: Page, ctx: DateContext): { publishedAt: string | null; modifiedAt: string | null } {
  const anchor = anchorHeadline(page, ctx);
  const sources = new Map(publishedSources(page, ctx, anchor));
  let modifiedAt =
    fromRule(page, 'modified', ctx) ??
    fromJsonLd([ctx.article], 'dateModified', ctx) ??
    fromMeta(page, MODIFIED_META, ctx) ??
    fromItemprop(page, 'dateModified', ctx) ??
    fromJsonLd(ctx.pages, 'dateModified', ctx) ??
    timeElements(page, ctx, anchor, 'modified');
  // A configured selector is the source's own word; otherwise every generic source votes.
  const publishedAt = sources.get('rule')!() ?? vote(VOTERS.map((name) => [name, sources.get(name)!()]), ctx.otherReadings, modifiedAt);
  if (modifiedAt && publishedAt && Date.parse(modifiedAt) < Date.parse(publishedAt)) modifiedAt = null;
  return { publishedAt, modifiedAt };
}
