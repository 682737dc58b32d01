import type { Element } from 'domhandler';
import { classId, cleanText, documentElements, documentTitle, elementsNamed, elementText, elementTextWithin, firstDescendant, hasWord, metaContent, textContent } from './dom.ts';
import { ldString, type LdNode } from './jsonld.ts';
import { isSiteName, looseKey, type SiteIdentity } from './site.ts';
import { attribute, classAttribute, type Page } from '../page.ts';

// Separators between a headline and the site name in <title> / og:title.
const SEPARATOR = /\s+[|\-–—·•»«›‹:/~│]\s+|\s+(?:::|\/\/|>>)\s+|\s*[|│]\s*/u;
const SEPARATOR_G = new RegExp(SEPARATOR.source, 'gu');
const SEPARATOR_CAPTURE = new RegExp(`(${SEPARATOR.source})`, 'u');

const LOGO = /(?:^|[\s_-])(?:logo|brand|site-?title|site-?name|masthead|navbar)(?:$|[\s_-])/;
const HEADLINE = /(?:^|[\s_-])(?:entry|post|article|story|news|page|detail|main|content)[-_]?(?:title|headline|heading|tieu-?de)(?:$|[\s_-])|(?:^|\s)headline(?:$|\s)|title-detail|(?:^|\s)h1(?:$|\s)/;

function isLogoHeading(el: Element): boolean {
  for (let n: Element | null = el, depth = 0; n && n.type === 'tag' && depth < 4; n = n.parent as Element | null, depth++) {
    if (LOGO.test(classId(n))) return true;
  }
  return false;
}

// A heading styled as the kicker above the headline ("<h1 class="strapline">Strava-Update</h1><h2>Headline</h2>").
const KICKER_HEADING = /kicker|strapline|dachzeile|overline|topline|roofline|eyebrow|spitzmarke/;
const kickerHeading = (el: Element): boolean => KICKER_HEADING.test(classId(el));

const SHARE_BOX = /(?:^|[\s_-])(?:share|sharing|social)(?:$|[\s_-]|articles?\b)/;

/** A heading inside a share-this-article box repeats the headline for the share dialog; the page prints it elsewhere. */
function inShareBox(el: Element): boolean {
  for (let n = el.parent as Element | null, depth = 0; n && n.type === 'tag' && depth < 2; n = n.parent as Element | null, depth++) {
    if (SHARE_BOX.test(classId(n))) return true;
  }
  return false;
}

function inArticle(el: Element): boolean {
  for (let n: Element | null = el; n && n.type === 'tag'; n = n.parent as Element | null) {
    if (n.name === 'article' || n.name === 'main' || attribute(n, 'role') === 'main' || /article|post|entry|content|story|detail/.test(classId(n))) return true;
  }
  return false;
}

// Parts of a heading that are not the headline: kicker/overline, subtitle, hidden separators, dates, bylines and category labels.
const HEADING_EXTRA =
  /kicker|strapline|small|dachzeile|topline|overline|roofline|eyebrow|super-?title|sub-?title|sub-?headline|untertitel|spitzmarke|topic|label|category|rubric|flag|visually-?hidden|sr-only|screen-reader|byline|vcard|(?:^|[\s_-])(?:date|time|meta|author)(?:$|[\s_-])/;

const notHeadline = (c: Element): boolean => c.name === 'small' || c.name === 'time' || HEADING_EXTRA.test(classId(c));

function headingText(el: Element): string {
  const full = elementText(el);
  const afterKicker = afterHiddenSeparator(el);
  if (afterKicker && afterKicker.length >= 8) return afterKicker;
  const core = elementText(el, notHeadline);
  return core.length >= 8 ? core : full;
}

const HIDDEN_CLASS = /hidden|invisible|sr-only|screen-reader/;
const SEPARATOR_ONLY = /^[\s:|\-–—·•/]+$/u;
// Broken markup can leave a heading open around the whole page: look at its first elements only.
const MAX_HEADING_ELEMENTS = 100;

/**
 * "Kicker<span aria-hidden="true"> – </span>Headline": a separator hidden from sight (or from screen readers) splits the
 * heading into kicker and headline. The headline's text, or null when the heading has no such separator.
 */
function afterHiddenSeparator(heading: Element): string | null {
  const stack: Element[] = [...heading.children].filter((c): c is Element => c.type === 'tag').reverse();
  for (let seen = 0; stack.length && seen < MAX_HEADING_ELEMENTS; seen++) {
    const el = stack.pop()!;
    if ((attribute(el, 'aria-hidden') === 'true' || HIDDEN_CLASS.test(classId(el))) && SEPARATOR_ONLY.test(textContent(el))) {
      const parts: string[] = [];
      // What follows the separator inside the heading: its later siblings, then its ancestors' later siblings.
      for (let n: Element = el; n !== heading && n.parent; n = n.parent as Element) {
        for (let sib = n.next; sib; sib = sib.next) {
          if (sib.type === 'text') parts.push((sib as unknown as { data: string }).data);
          else if (sib.type === 'tag' && !notHeadline(sib as Element)) parts.push(' ', elementText(sib), ' ');
        }
      }
      return cleanText(parts.join('')) || null;
    }
    const children = el.children.filter((c): c is Element => c.type === 'tag');
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return null;
}

/** The article's own heading: an h1 that is not the logo, preferring one inside the article. */
interface Heading {
  text: string;
  score: number;
  /** Inside article/main or a headline-classed element, or the page's only heading: the page says this is its title. */
  trusted: boolean;
  /** Classed or itemprop'd as the headline. */
  marked: boolean;
  el: Element;
}

const HIDDEN_HEADING = /(?:^|[\s_-])(?:hidden|visually-?hidden|sr-only|screen-reader-text|invisible|d-none|text-hide)(?:$|\s)/;

/** A heading kept for search engines or screen readers ("<h1 class="pagetitle hidden">News</h1>"), not shown. */
function hiddenHeading(el: Element): boolean {
  return attribute(el, 'hidden') !== undefined || attribute(el, 'aria-hidden') === 'true' || HIDDEN_HEADING.test(classId(el)) || /display\s*:\s*none/i.test(attribute(el, 'style') ?? '');
}

function headingCandidates(page: Page): Heading[] {
  const scored: Heading[] = [];
  const found = documentElements(page).filter((el) => el.name === 'h1' || attribute(el, 'itemprop') === 'headline');
  // itemprop="headline" on a list of teasers ("related posts") marks theirs, not this page's: no credit for it.
  let claims = 0;
  for (const el of found) if (attribute(el, 'itemprop') === 'headline' && el.name !== 'meta') claims++;
  const teasers = claims > 2;
  found.forEach((el, i) => {
    if (el.type !== 'tag' || el.name === 'meta') return;
    if (teasers && el.name !== 'h1') return;
    const text = headingText(el);
    if (!text || text.length > 300) return;
    if (isLogoHeading(el) || hiddenHeading(el) || kickerHeading(el) || inShareBox(el)) return;
    let score = el.name === 'h1' ? 2 : 1;
    const marked = attribute(el, 'itemprop') === 'headline' || HEADLINE.test(classId(el));
    if (attribute(el, 'itemprop') === 'headline') score += 2;
    if (inArticle(el)) score += 1;
    if (HEADLINE.test(classId(el))) score += 1;
    scored.push({ text, score: score - i * 0.01, trusted: marked || inArticle(el), marked, el });
  });
  if (scored.length === 1) scored[0].trusted = true;
  return scored.sort((a, b) => b.score - a.score);
}

const MIN_SEGMENT_KEY = 8;
const MIN_TAILED_KEY = 12;

/**
 * A page without h1: the first h2 that holds a segment of a metadata title plus a few words ("Bootsdienst Ausbildung"
 * for "Feuerwehr Oldenburg - Ausbildung"), or most of a segment that adds a tail. The <title> names the page with a
 * shortened or annotated form of the heading.
 */
function headingExtendingSegment(page: Page, site: SiteIdentity, metaTitles: string[]): string | null {
  const keys: string[] = [];
  for (const t of metaTitles) {
    for (const seg of t.split(SEPARATOR_G)) {
      const k = looseKey(seg);
      if (k.length >= MIN_SEGMENT_KEY && !isSiteName(seg, site)) keys.push(k);
    }
  }
  if (!keys.length) return null;
  for (const el of elementsNamed(page, 'h2')) {
    if (hiddenHeading(el) || HIDDEN_CLASS.test(classId(el))) continue;
    const t = elementText(el);
    const k = looseKey(t);
    if (!k || k.length > 120) continue;
    // The heading extends the segment, or the segment adds a tail to it ("Der historische Purzelbaum (2021/5)").
    const fits = (seg: string): boolean =>
      (k.includes(seg) && k.length <= 3 * seg.length) || (k.length >= MIN_TAILED_KEY && seg.startsWith(k) && k.length * 3 >= seg.length * 2);
    if (keys.some(fits) && !isSiteName(t, site)) return t;
  }
  return null;
}

const MAX_SECTION_CHARS = 40;

/**
 * "Club - Headline - Presse - News" -> "Headline": end segments that the page prints as link texts (menu, breadcrumb,
 * section links) or that name the site are navigation, not headline. The longest segment must be none of these, and stays.
 */
function withoutLinkedSections(page: Page, title: string, site: SiteIdentity): string {
  const pieces = title.split(SEPARATOR_CAPTURE);
  if (pieces.length < 5) return title;
  const segs: number[] = [];
  for (let i = 0; i < pieces.length; i += 2) segs.push(looseKey(pieces[i]).length);
  const longest = segs.indexOf(Math.max(...segs)) * 2;
  const wanted = new Set<string>();
  for (let i = 0; i < pieces.length; i += 2) if (pieces[i].length <= MAX_SECTION_CHARS) wanted.add(looseKey(pieces[i]));
  const linked = new Set<string>();
  for (const el of elementsNamed(page, 'a')) {
    if (el.attribs.href === undefined) continue;
    const text = elementTextWithin(el, MAX_SECTION_CHARS);
    if (text === null) continue;
    const k = looseKey(text);
    if (wanted.has(k)) linked.add(k);
  }
  const nav = (i: number): boolean => linked.has(looseKey(pieces[i])) || isSiteNamePart(pieces[i], site);
  // The longest segment a link text or the site's name too: nothing here tells the headline apart.
  if (nav(longest)) return title;
  let first = 0;
  let last = pieces.length - 1;
  while (last > longest && nav(last)) last -= 2;
  while (first < longest && nav(first)) first += 2;
  return pieces.slice(first, last + 1).join('').trim() || title;
}

/** A segment holding the host's name among a few more words ("EFC Bayrische Bembel Regensburg" on bayrische-bembel.de). */
function isSiteNamePart(segment: string, site: SiteIdentity): boolean {
  if (isSiteName(segment, site)) return true;
  const k = looseKey(segment);
  return site.hostKeys.some((h) => h.length >= 8 && k.includes(h) && k.length <= h.length + 20);
}

// "Kicker: Headline" in a metadata title; the kicker is short.
const KICKER_PREFIX = /^(.{2,60}?)(?::\s+|\s+[-–—|]\s+)(.+)$/su;
// A kicker's own element: the kicker heading classes, or a super-/subtitle.
const KICKER_CLASS = new RegExp(`${KICKER_HEADING.source}|super-?title|sub-?title`);

/**
 * "Industriell revolutioniert?: Anno 1800 Beta" -> "Anno 1800 Beta" when the page prints "Industriell revolutioniert?"
 * in an element of its own classed as kicker or subtitle: the metadata title glued the kicker to the headline.
 */
function withoutPrintedKicker(page: Page, title: string): string {
  const m = KICKER_PREFIX.exec(title);
  if (!m) return title;
  const key = looseKey(m[1]);
  if (!key || looseKey(m[2]).length < MIN_SEGMENT_KEY) return title;
  for (const el of documentElements(page)) {
    const cls = classAttribute(el);
    if (!cls || !KICKER_CLASS.test(cls.toLowerCase())) continue;
    const text = elementTextWithin(el, 2 * m[1].length + 20);
    if (text !== null && looseKey(text) === key) return m[2].trim();
  }
  return title;
}

const OPENING_TEXT = 150;

/**
 * A page without h1: its first visible h2 inside the article (<article>, <main>, or an article-classed block) heads it,
 * if it opens the text: an h2 after a paragraph of its <article>/<main> is a section heading ("Leave a comment").
 */
function firstArticleHeading(page: Page, site: SiteIdentity): string | null {
  const all = documentElements(page);
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (el.name !== 'h2' || hiddenHeading(el) || HIDDEN_CLASS.test(classId(el)) || !inArticle(el)) continue;
    const t = elementText(el);
    if (!t || t.length > 300) continue;
    if (wordCount(t) < MIN_HEADLINE_WORDS || isSiteName(t, site)) return null;
    let box: Element | null = el.parent as Element | null;
    while (box && box.type === 'tag' && box.name !== 'article' && box.name !== 'main' && attribute(box, 'role') !== 'main') box = box.parent as Element | null;
    if (box && box.type === 'tag') {
      // Elements between the container's start and the heading are the container's content before it.
      for (let k = i - 1; k >= 0 && all[k] !== box; k--) {
        if (all[k].name !== 'p') continue;
        const text = elementTextWithin(all[k], OPENING_TEXT);
        if (text === null || text.length >= OPENING_TEXT) return null;
      }
    }
    return t;
  }
  return null;
}

/** An h2 of the article, not a link to elsewhere (a teaser), whose text is one of `keys`. */
function articleHeadingEqualTo(page: Page, keys: string[]): string | null {
  if (!keys.length) return null;
  for (const el of elementsNamed(page, 'h2')) {
    if (hiddenHeading(el) || !inArticle(el)) continue;
    if (firstDescendant(el, (d) => d.name === 'a' && !!d.attribs.href)) continue;
    const t = elementText(el);
    if (t.length <= 300 && keys.includes(looseKey(t))) return t;
  }
  return null;
}

function secondaryHeadings(page: Page): string[] {
  const out: string[] = [];
  for (const el of documentElements(page)) {
    const cls = classAttribute(el);
    if (el.name !== 'h2' && el.name !== 'h3' && !(cls && (hasWord(cls, 'entry-title') || hasWord(cls, 'post-title') || hasWord(cls, 'article-title')))) continue;
    if (el.type !== 'tag') continue;
    if (!HEADLINE.test(classId(el)) && !(el.name === 'h2' && inArticle(el))) continue;
    const t = elementText(el);
    if (t && t.length <= 300) out.push(t);
  }
  return out;
}

/** A heading that is one run of text, with no element of its own around part of its words. */
function plainHeading(heading: Element): boolean {
  return !heading.children.some((c) => c.type === 'tag' && elementText(c).length > 0);
}

/** "Headline - Site" / "Site | Headline" -> "Headline": drops leading and trailing segments that name the site. */
export function stripSiteAffixes(title: string, site: SiteIdentity): string {
  const pieces = title.split(SEPARATOR_CAPTURE);
  // pieces alternate: segment, separator, segment, ...
  let first = 0;
  let last = pieces.length - 1;
  if (last === 0) return stripGluedSiteName(title, site);
  while (last > first && isSiteName(pieces[last], site)) last -= 2;
  while (first < last && isSiteName(pieces[first], site)) first += 2;
  // A site name that itself holds a separator ("Salsa-Figuren - Rueda in Berlin"): the longest run of end segments naming the site.
  for (let j = first + 2; j < last; j += 2) {
    if (isSiteName(pieces.slice(j, last + 1).join(''), site)) {
      last = j - 2;
      break;
    }
  }
  for (let j = last - 2; j > first; j -= 2) {
    if (isSiteName(pieces.slice(first, j + 1).join(''), site)) {
      first = j + 2;
      break;
    }
  }
  const kept = pieces.slice(first, last + 1).join('').trim();
  return (kept && stripGluedSiteName(kept, site)) || title;
}

const GLUE = /[-–—|_·]$/u;

/** "标题！-新华网": a known site name joined without spaces (CJK titles), which the spaced separators miss. */
function stripGluedSiteName(title: string, site: SiteIdentity): string {
  for (const name of site.names) {
    if (name.length < 2 || title.length <= name.length + 1 || !title.endsWith(name)) continue;
    const rest = title.slice(0, -name.length);
    if (GLUE.test(rest)) return rest.slice(0, -1).trim();
  }
  return title;
}

const MIN_HEADLINE_WORDS = 2;
// Chinese and Japanese write sentences without spaces: a run of four such characters is several words
// (names and section labels are shorter: "新闻", "蔡健雅").
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]{4}/u;

function wordCount(s: string): number {
  const spaced = s.split(/\s+/).filter(Boolean).length;
  return UNSPACED_SCRIPT.test(s) ? Math.max(spaced, MIN_HEADLINE_WORDS) : spaced;
}

/**
 * A one-word heading ("Chorgeschichte", "Design") is the page's title when nothing suggests a section label: it is the
 * page's only heading or classed as its headline, and no metadata title lists it as one of its segments ("Literatur"
 * in "Site | Kultur | Literatur | ...").
 */
function soleHeadingWord(h: string, headings: Heading[], metaTitles: string[]): boolean {
  const top = headings[0];
  if (!top.marked && headings.some((x) => x.text !== top.text)) return false;
  return !listedSegment(h, metaTitles);
}

/** Whether a metadata title lists `text` as one of its segments. */
function listedSegment(text: string, metaTitles: string[]): boolean {
  const k = looseKey(text);
  return metaTitles.some((t) => t.split(SEPARATOR_G).some((seg) => looseKey(seg) === k));
}

const wordsOf = (s: string): string[] => s.split(/\s+/).map(looseKey).filter(Boolean);

/**
 * The heading's words, in order, make up most of a <title> segment that adds a word or two ("Parallels Desktop 15 for
 * Mac" in "Parallels Desktop 15 Virtual Machine for Mac"): the SEO form of the same headline.
 */
function wordsWithin(heading: string, segment: string): boolean {
  const hw = wordsOf(heading);
  const sw = wordsOf(segment);
  if (hw.length < 3 || hw.length >= sw.length || hw.length * 3 < sw.length * 2) return false;
  let j = 0;
  for (const w of sw) if (j < hw.length && w === hw[j]) j++;
  return j === hw.length;
}

function agrees(a: string, b: string): boolean {
  const ka = looseKey(a);
  const kb = looseKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  // The heading is the meta title without its kicker ("Kicker: Headline") or without a tail.
  return ka.length >= 10 && (kb.startsWith(ka) || kb.endsWith(ka));
}

/** Separators left at either end once an empty kicker or site name is gone (": Headline", "Headline |"). */
function trimSeparators(title: string | null): string | null {
  if (!title) return title;
  // Breadcrumb arrows before the headline ("» Jens Weber", "[> Jens Weber") go too; "»Zitat«" keeps its quote.
  const t = title
    .replace(/^[\s:|\-–—·•]+(?=\S)/u, '')
    .replace(/^[[\]<>»›→]+\s+(?=\S)/u, '')
    .replace(/(?<=\S)[\s:|\-–—·•]+$/u, '');
  return t || title;
}

// A full numeric date ("23.01.2022", "2022-01-23", "23/01/2022") set off from the headline by a separator.
const DATE = String.raw`(?:\d{1,2}[./]\s?\d{1,2}[./]\s?\d{4}|\d{4}-\d{2}-\d{2})`;
const LEADING_DATE = new RegExp(`^${DATE}\\s+[|\\-–—·•:/]\\s+(?=\\S)`, 'u');
const TRAILING_DATE = new RegExp(`(?<=\\S)\\s+[|\\-–—·•:/]\\s+${DATE}$`, 'u');

/** "23.01.2022 - Wierer jubelt" -> "Wierer jubelt": the publication date printed with the headline is no part of it. */
function withoutDate(title: string | null): string | null {
  if (!title || !/\d{4}/.test(title)) return title;
  const t = title.replace(LEADING_DATE, '').replace(TRAILING_DATE, '');
  return t.length >= 8 ? t : title;
}

export function extractTitle(page: Page, site: SiteIdentity, article: LdNode | undefined): string | null {
  const title = trimSeparators(withoutDate(pickTitle(page, site, article)));
  return title && shouting(title) ? (casedVariant(page, site, article, title) ?? title) : title;
}

/** ALL CAPS (or all lower case): typed that way for a CSS effect, not the headline's real casing. */
function shouting(title: string): boolean {
  return /\p{L}{2}/u.test(title) && (title === title.toUpperCase() || title === title.toLowerCase()) && title.toUpperCase() !== title.toLowerCase();
}

/** The same words with real casing, from a metadata title ("OFFSHORE-WINDENERGIE" heading, "Offshore-Windenergie" og:title). */
function casedVariant(page: Page, site: SiteIdentity, article: LdNode | undefined, title: string): string | null {
  const key = looseKey(title);
  for (const t of metaTitleList(page, article)) {
    for (const candidate of [stripSiteAffixes(t, site), ...t.split(SEPARATOR_G)]) {
      const c = trimSeparators(candidate);
      if (c && looseKey(c) === key && !shouting(c)) return c;
    }
  }
  return null;
}

/**
 * JSON-LD that files the kicker as `headline` and the headline as `alternativeHeadline`, as og:title / <title> show
 * by printing "headline: alternativeHeadline" ("Vanlife in Schweden: Skandinavien im Wohnmobil erleben"): the
 * alternative headline is the headline.
 */
function kickerInHeadline(page: Page, site: SiteIdentity, article: LdNode | undefined): string | null {
  const kicker = cleanText(ldString(article?.headline));
  const rest = cleanText(ldString(article?.alternativeHeadline));
  if (!kicker || !rest || kicker.length >= rest.length) return null;
  const composed = looseKey(kicker + rest);
  for (const t of [metaContent(page, ['og:title']), documentTitle(page)]) {
    if (!t) continue;
    const s = stripSiteAffixes(t, site);
    const m = KICKER_PREFIX.exec(s);
    if (m && looseKey(m[1]) === looseKey(kicker) && looseKey(s) === composed) return rest;
  }
  return null;
}

function metaTitleList(page: Page, article: LdNode | undefined): string[] {
  const docTitle = documentTitle(page);
  const ld = cleanText(ldString(article?.headline) ?? ldString(article?.name));
  return [metaContent(page, ['og:title']), ld, metaContent(page, ['twitter:title']), docTitle].filter((t): t is string => !!t);
}

function pickTitle(page: Page, site: SiteIdentity, article: LdNode | undefined): string | null {
  const headings = headingCandidates(page);
  const metaTitles = metaTitleList(page, article);
  const kickered = kickerInHeadline(page, site, article);
  if (kickered) return kickered;

  // No h1 equals a metadata title, but an article h2 does: that one is the headline, not an h1 that merely starts a
  // longer <title> ("Betriebliche Altersvorsorge" h1, "Mit Hilfe des Chefs für die Rente sparen" h2 = og:title).
  const strippedKeys = metaTitles.map((t) => looseKey(stripSiteAffixes(t, site))).filter((k) => k.length >= MIN_TAILED_KEY);
  if (headings.length && !headings.some((x) => strippedKeys.includes(looseKey(stripSiteAffixes(x.text, site))))) {
    const h = articleHeadingEqualTo(page, strippedKeys);
    if (h) return h;
  }
  // A heading confirmed by a metadata title (equal, or a prefix of it) is the cleanest form.
  for (const { text: raw, el, marked } of headings) {
    const h = stripSiteAffixes(raw, site);
    if (isSiteName(h, site)) continue;
    // A one-word heading ("News", "Blog") matching a segment of <title> is a section name, not the headline.
    const oneWord = wordCount(h) < 2;
    for (const t of metaTitles) {
      if (agrees(h, t) || agrees(h, stripSiteAffixes(t, site))) return h;
      if (!oneWord && t.split(SEPARATOR_G).some((seg) => looseKey(seg) === looseKey(h) || wordsWithin(h, seg))) return h;
    }
    // A heading that also prints a kicker or subtitle in unmarked spans: the metadata title is the headline inside it.
    for (const t of metaTitles) {
      const s = stripSiteAffixes(t, site);
      const ks = looseKey(s);
      if (ks.length < 12 || isSiteName(s, site)) continue;
      // Heading = metadata title + more words: the metadata title was shortened, the heading is the headline.
      if (looseKey(h).startsWith(ks)) return h;
      // Unless the page marks the heading as its headline and it is one run of text ("»Pure Leere«: Headline"): no
      // markup sets the extra words apart, the metadata title is a shortened one.
      if (looseKey(h).includes(ks)) return marked && plainHeading(el) ? h : s;
    }
  }
  const secondary = secondaryHeadings(page);
  for (const t of metaTitles) {
    const stripped = stripSiteAffixes(t, site);
    for (const h of secondary) {
      const k = looseKey(h);
      if (k === looseKey(stripped)) return h;
      // A one-word heading that is one of a list of segments names a section or keyword ("Drucker • Etiketten • Service");
      // beside just one other segment ("»frag.jetzt« – ARSnova") it is the headline.
      const segments = stripped.split(SEPARATOR_G);
      if ((segments.length <= 2 || wordCount(h) >= MIN_HEADLINE_WORDS) && segments.some((seg) => looseKey(seg) === k)) return h;
    }
  }
  // One-word h1s that are labels ("Literatur" listed in the <title>, "Page" / "User" outside the article) head no article.
  const label = (x: Heading): boolean => wordCount(x.text) < 2 && (!x.trusted || listedSegment(x.text, metaTitles));
  if (headings.every(label)) {
    const h = headingExtendingSegment(page, site, metaTitles) ?? firstArticleHeading(page, site);
    if (h) return h;
  }
  // An article heading that reads like a headline beats a differently worded SEO title.
  const top = headings[0];
  if (top?.trusted) {
    const h = stripSiteAffixes(top.text, site);
    if (!isSiteName(h, site) && (wordCount(h) >= MIN_HEADLINE_WORDS || soleHeadingWord(h, headings, metaTitles))) return h;
  }
  for (const t of metaTitles) {
    const s = stripSiteAffixes(t, site);
    if (s && !isSiteName(s, site)) return withoutPrintedKicker(page, withoutLinkedSections(page, s, site));
  }
  const h = headings.map((x) => stripSiteAffixes(x.text, site)).find((x) => !isSiteName(x, site)) ?? secondary[0];
  return h ?? (metaTitles[0] || null);
}
