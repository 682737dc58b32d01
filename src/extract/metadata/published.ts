import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { ExtractRules } from '../../schemas/config.ts';
import { findDates, parseDateText, parseIsoLike, partsToIso, type DateParts } from './dates.ts';
import { classId, elementText, inBoilerplate, metaContent, safeSelect, selectorList } from './dom.ts';
import { ldString, type LdNode } from './jsonld.ts';

export interface DateContext {
  timezone: string;
  now: Date;
  rules?: ExtractRules;
  article?: LdNode;
  /** Other JSON-LD nodes (WebPage...) consulted after the article. */
  pages: LdNode[];
  url: string;
  ruleMisses: string[];
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

function notFuture(iso: string | null, now: Date): string | null {
  if (!iso) return null;
  return Date.parse(iso) <= now.getTime() + 86_400_000 ? iso : null;
}

function dateFromElement($: CheerioAPI, el: Element, ctx: DateContext, reference: Date): string | null {
  for (const attr of ['datetime', 'content', 'data-date', 'data-time', 'data-datetime', 'title']) {
    const v = el.attribs[attr];
    if (v) {
      const iso = parseIsoLike(v, ctx.timezone);
      if (iso) return iso;
    }
  }
  return parseDateText(elementText($, el), { timezone: ctx.timezone, reference });
}

function fromRule($: CheerioAPI, field: 'date' | 'modified', ctx: DateContext): string | null {
  const sels = selectorList(ctx.rules?.[field]);
  if (!sels.length) return null;
  let matched = false;
  for (const sel of sels) {
    for (const el of safeSelect($, sel).toArray()) {
      matched = true;
      const iso = notFuture(dateFromElement($, el, ctx, ctx.now), ctx.now);
      if (iso) return iso;
    }
  }
  if (!matched) ctx.ruleMisses.push(field);
  return null;
}

function fromJsonLd(nodes: (LdNode | undefined)[], key: string, ctx: DateContext): string | null {
  for (const n of nodes) {
    const v = n && ldString(n[key]);
    const iso = v ? notFuture(parseIsoLike(v, ctx.timezone), ctx.now) : null;
    if (iso) return iso;
  }
  return null;
}

function fromMeta($: CheerioAPI, keys: string[], ctx: DateContext): string | null {
  for (const k of keys) {
    const v = metaContent($, [k]);
    const iso = v ? notFuture(parseIsoLike(v, ctx.timezone) ?? parseDateText(v, { timezone: ctx.timezone, reference: ctx.now }), ctx.now) : null;
    if (iso) return iso;
  }
  return null;
}

function fromItemprop($: CheerioAPI, prop: string, ctx: DateContext): string | null {
  for (const el of $(`[itemprop="${prop}"]`).toArray()) {
    if (el.name === 'meta' || inBoilerplate(el, true)) continue;
    const iso = notFuture(dateFromElement($, el, ctx, ctx.now), ctx.now);
    if (iso) return iso;
  }
  return null;
}

/** The article's heading, the anchor for "near the title". */
function titleElement($: CheerioAPI): Element | undefined {
  const h1s = $('h1').toArray().filter((el) => !inBoilerplate(el));
  return h1s.find((el) => el.parent && $(el).closest('article, main, [role=main]').length > 0) ?? h1s[0];
}

function depth(el: AnyNode): number {
  let d = 0;
  for (let n = el.parent; n; n = n.parent) d++;
  return d;
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
const PUBLISH_CLASS = /(?:^|[\s_-])(?:date|time|datum|publish|published|pubdate|posted|postdate|post-date|entry-date|dateline|timestamp|byline|meta|article-info|info|ngay|thoi-gian|author|zeit)(?:$|[\s_-]|\d)|publish|posted|date/;

function timeElements($: CheerioAPI, ctx: DateContext, anchor: Element | undefined, kind: 'published' | 'modified'): string | null {
  const cands: { iso: string; score: number }[] = [];
  $('time').each((i, el) => {
    const label = `${classId(el)} ${el.attribs.itemprop ?? ''} ${$(el).parent().attr('class') ?? ''}`;
    const marked = el.attribs.pubdate !== undefined || /publish|entry-date|post-date/.test(label);
    if (inBoilerplate(el, marked)) return;
    const isUpdated = UPDATED_WORDS.test(label) || el.attribs.itemprop === 'dateModified';
    if ((kind === 'modified') !== isUpdated) return;
    const iso = notFuture(dateFromElement($, el, ctx, ctx.now), ctx.now);
    if (!iso) return;
    let score = -distance(el, anchor) - i * 0.01;
    if (marked) score += 3;
    if ($(el).closest('header, .article-header, .entry-header, .post-header').length) score += 2;
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

/** Dates in short, date-labelled elements near the title, then in the title's surroundings. */
function visibleText($: CheerioAPI, ctx: DateContext, anchor: Element | undefined, reference: Date): string | null {
  const cands: { iso: string; score: number }[] = [];
  $('body *').each((i, el) => {
    if (el.type !== 'tag' || el.name === 'script' || el.name === 'style') return;
    const ci = classId(el);
    if (!PUBLISH_CLASS.test(ci)) return;
    if (inBoilerplate(el)) return;
    const text = elementText($, el);
    if (!text || text.length > 200) return;
    const dates = findDates(text, reference);
    if (!dates.length) return;
    const chosen = pickPublished(text, dates);
    const iso = notFuture(partsToIso(chosen, ctx.timezone, reference, ctx.now), ctx.now);
    if (!iso) return;
    cands.push({ iso, score: -distance(el, anchor) - i * 0.001 + (/publish|posted|entry-date|pubdate/.test(ci) ? 2 : 0) });
  });
  cands.sort((a, b) => b.score - a.score);
  if (cands[0]) return cands[0].iso;
  // The title's surroundings: climb from the heading until some text carries a date.
  if (!anchor) return null;
  let node: Element | null = anchor;
  for (let level = 0; level < 4 && node; level++) {
    node = node.parent as Element | null;
    if (!node || node.type !== 'tag' || node.name === 'body') break;
    const text = elementText($, node).slice(0, 1500);
    const dates = findDates(text, reference);
    if (dates.length) {
      const iso = notFuture(partsToIso(pickPublished(text, dates), ctx.timezone, reference, ctx.now), ctx.now);
      if (iso) return iso;
    }
  }
  return null;
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
function contextReference($: CheerioAPI, ctx: DateContext): Date {
  const text = elementText($, $('body').get(0) ?? $.root().get(0)!).slice(0, 20000);
  for (const d of findDates(text, ctx.now)) {
    if (d.parts.year === undefined) continue;
    const iso = partsToIso(d.parts, ctx.timezone);
    if (iso && Date.parse(iso) <= ctx.now.getTime() + 86_400_000) return new Date(Date.UTC(d.parts.year, 11, 31));
  }
  return ctx.now;
}

export function extractDates($: CheerioAPI, ctx: DateContext): { publishedAt: string | null; modifiedAt: string | null } {
  const anchor = titleElement($);
  const ruled = fromRule($, 'date', ctx);
  const structured =
    ruled ??
    fromJsonLd([ctx.article], 'datePublished', ctx) ??
    fromMeta($, PUBLISHED_META, ctx) ??
    fromItemprop($, 'datePublished', ctx) ??
    fromJsonLd([ctx.article], 'dateCreated', ctx) ??
    fromJsonLd(ctx.pages, 'datePublished', ctx) ??
    timeElements($, ctx, anchor, 'published');
  let publishedAt = structured;
  if (!publishedAt) {
    const fromUrl = urlDate(ctx.url, ctx.timezone);
    const reference = contextReference($, ctx);
    const fromText = visibleText($, ctx, anchor, reference);
    publishedAt = fromUrl && (!fromText || fromText.slice(0, 10) !== fromUrl.slice(0, 10)) ? fromUrl : fromText;
  }
  let modifiedAt =
    fromRule($, 'modified', ctx) ??
    fromJsonLd([ctx.article], 'dateModified', ctx) ??
    fromMeta($, MODIFIED_META, ctx) ??
    fromItemprop($, 'dateModified', ctx) ??
    fromJsonLd(ctx.pages, 'dateModified', ctx) ??
    timeElements($, ctx, anchor, 'modified');
  if (modifiedAt && publishedAt && Date.parse(modifiedAt) < Date.parse(publishedAt)) modifiedAt = null;
  return { publishedAt, modifiedAt };
}
