import type { CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { ExtractRules } from '../../schemas/config.ts';
import { classId, cleanText, elementText, inBoilerplate, metaContent, safeSelect, selectorList } from './dom.ts';
import { isType, ldString, type LdNode } from './jsonld.ts';
import { isSiteName, type SiteIdentity } from './site.ts';

const ORGANIZATION = /Organization|Corporation|NewsMedia|WebSite|Brand/i;
const PREFIX =
  /^(?:(?:written|posted|reported|text|words|story)\s+by|by|von|bởi|tác giả|bài(?:\s+và\s+ảnh)?|bài\s*\/\s*ảnh|thực hiện|nhóm phóng viên|phóng viên|pv|ctv|author|autor(?:in)?|auteur|par|por|di|door|text|texte|redakteur(?:in)?|reporter|journalist)\s*[:.\-–]?\s+/i;
const ROLE_SUFFIX = /\s*[(\[](?:[^)\]]*)[)\]]\s*$|\s*[-–|]\s*(?:reporter|editor|redakteur|redaktion|korrespondent|staff writer|phóng viên|pv|ctv)\b.*$/i;
const EMAIL = /\S+@\S+\.\S+/g;
const SPLIT = /\s*(?:,|;|\/|&|\s[-–—]\s|\s+(?:và|and|und|et|y|e|en)\s+)\s*/i;
// "TTXVN", "AFP", "dpa": agencies and desks in capitals, never a person.
const ACRONYM = /^(?:[A-ZĐ]{2,6}|dpa|afp|ap|reuters|vna|ttxvn|kyodo|xinhua)$/u;
const NOT_A_NAME = /^(?:admin|administrator|redaktion|editor|staff|guest|gast|unknown|anonymous|anonym|home|more|mehr|share|teilen|comments?|kommentare?|posted|veröffentlicht|published|updated)$/i;
const BYLINE_CLASS = /(?:^|[\s_-])(?:author|authors|autor|autoren|byline|by-line|tac-?gia|writer|creator|reporter|journalist|verfasser)(?:$|[\s_-]|name)/;

/** One byline string -> the names it holds (prefixes, roles, e-mails and agencies removed). */
export function splitAuthors(raw: string, site: SiteIdentity): string[] {
  let s = cleanText(raw).replace(EMAIL, ' ');
  // "Theo X" names the source (an agency or another paper), never an author.
  if (/^theo\s/i.test(s)) return [];
  s = s.replace(/\s*(?:\||•|·)\s*.*$/, '');
  for (let i = 0; i < 3; i++) s = s.replace(PREFIX, '');
  s = s.replace(/\s*[-–—]\s*\d.*$/, '').replace(/\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}.*$/, '');
  const out: string[] = [];
  for (let part of s.split(SPLIT)) {
    part = part.replace(PREFIX, '').replace(ROLE_SUFFIX, '').replace(/^[\s:.,\-–—]+|[\s:.,\-–—]+$/g, '').trim();
    if (!plausibleName(part, site)) continue;
    out.push(part);
  }
  return out;
}

function plausibleName(s: string, site: SiteIdentity): boolean {
  if (s.length < 2 || s.length > 60) return false;
  if (!/\p{L}/u.test(s) || /\d{3,}|https?:|www\.|[<>{}=@]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 6) return false;
  if (NOT_A_NAME.test(s) || /^(?:theo|pv|ctv)$/i.test(s) || ACRONYM.test(s)) return false;
  // Declared names only: on a personal blog the home link carries the author's own name.
  if (isSiteName(s, site, true)) return false;
  return true;
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function fromJsonLd(article: LdNode | undefined, site: SiteIdentity): string[] {
  const a = article?.author ?? article?.creator;
  if (!a) return [];
  const out: string[] = [];
  for (const x of Array.isArray(a) ? a : [a]) {
    if (typeof x === 'string') out.push(...splitAuthors(x, site));
    else if (x && typeof x === 'object') {
      const node = x as LdNode;
      if (isType(node, ORGANIZATION)) continue;
      const name = ldString(node.name);
      if (name) out.push(...splitAuthors(name, site));
    }
  }
  return out;
}

function fromElements($: CheerioAPI, els: Element[], site: SiteIdentity): string[] {
  const out: string[] = [];
  for (const el of els) {
    const nameEl = $(el).find('[itemprop="name"]').get(0);
    const text = el.name === 'meta' ? cleanText(el.attribs.content) : elementText($, nameEl ?? el);
    if (!text || text.length > 150) continue;
    out.push(...splitAuthors(text, site));
  }
  return out;
}

export function extractAuthors($: CheerioAPI, site: SiteIdentity, article: LdNode | undefined, rules: ExtractRules | undefined, ruleMisses: string[]): string[] {
  const ruleSels = selectorList(rules?.author);
  if (ruleSels.length) {
    const els = ruleSels.flatMap((s) => safeSelect($, s).toArray());
    if (!els.length) ruleMisses.push('author');
    const names = dedupe(fromElements($, els, site));
    if (names.length) return names;
  }
  const sources: (() => string[])[] = [
    () => fromJsonLd(article, site),
    () => {
      const v = metaContent($, ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl']);
      return v && !/^https?:/i.test(v) ? splitAuthors(v, site) : [];
    },
    () => fromElements($, $('[itemprop="author"], a[rel~="author"], [rel~="author"]').toArray().filter((el) => !inBoilerplate(el)), site),
    () =>
      fromElements(
        $,
        $('body *')
          .toArray()
          .filter((el) => el.type === 'tag' && BYLINE_CLASS.test(classId(el)) && !inBoilerplate(el) && !$(el).parents().toArray().some((p) => BYLINE_CLASS.test(classId(p)))),
        site,
      ),
  ];
  for (const source of sources) {
    const names = dedupe(source());
    if (names.length) return names.slice(0, 10);
  }
  return [];
}
