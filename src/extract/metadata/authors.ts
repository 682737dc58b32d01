import type { Element } from 'domhandler';
import type { ExtractRules } from '../../schemas/config.ts';
import { bodyElements, classId, classPattern, documentElements, firstDescendant, hasWord, cleanText, hasAncestor, elementText, inBoilerplate, metaContent, selectorList } from './dom.ts';
import { safeSelect } from '../selectors.ts';
import { isType, ldString, type LdNode } from './jsonld.ts';
import { isSiteName, type SiteIdentity } from './site.ts';
import { attribute, type Page } from '../page.ts';

const ORGANIZATION = /Organization|Corporation|NewsMedia|WebSite|Brand/i;
const PREFIX =
  /^(?:(?:view|see|show)\s+all\s+(?:posts|articles|stories)\s+(?:by|of|from)|all\s+posts\s+by|(?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von|post\s+author(?:\s+by)?|(?:veröffentlicht|geschrieben|verfasst|publiziert|erstellt|beitrag|artikel)\s*von|interview|(?:publié|écrit)\s+par|plus\s+par|(?:written|posted|reported|text|words|story)\s+by|by|vom|von|bởi|tác giả|bài(?:\s+và\s+ảnh)?|bài\s*\/\s*ảnh|thực hiện|nhóm phóng viên|phóng viên|pv|ctv|author|autor(?:in)?|auteur|par|por|di|door|text|texte|redakteur(?:in)?|reporter|journalist)\s*[:.\-–]?\s+/i;
const ROLE_SUFFIX = /\s*[(\[](?:[^)\]]*)[)\]]\s*$|\s*[-–|]\s*(?:reporter|editor|redakteur|redaktion|korrespondent|staff writer|phóng viên|pv|ctv)\b.*$/i;
// Cloudflare prints "[email protected]" where it hid an address.
const EMAIL = /\S+(?:@|\[at\]|\(at\))\S+\.\S+|\[email\s*protected\]/gi;
// Labels glued to the name by inline markup: "AuthorAndreas Kalt", "Veröffentlicht vonChris Jung".
const GLUED_PREFIX = /^(?:.*\s)?(?:[Aa]uthor|[Aa]utor|[Vv]on|[Bb]y|[Pp]ar)(?=\p{Lu}[\p{Ll}.])/u;
const MONTH_NAME = '(?:jan|feb|mar|märz|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez)[a-zä]*';
// "Emily Burack 8 January 2020", "Jane Doe Feb 21, 2024", "X 10:34", "Houzz Deutschlandvor 5 Stunden".
const TRAILING_DATE = new RegExp(
  `\\s+${MONTH_NAME}\\.?\\s+\\d{1,2}\\b.*$|\\s+\\d{1,2}\\.?\\s+${MONTH_NAME}\\b.*$|\\s+\\d{1,2}:\\d{2}.*$|\\s*vor\\s+\\d+\\s+(?:sekunden|minuten|stunden|tagen|wochen|monaten)\\b.*$|\\s+\\d+\\s+(?:seconds?|minutes?|hours?|days?|weeks?)\\s+ago\\b.*$`,
  'iu',
);
// "Von Tomas Spahn Fr, 18. Oktober 2019", "Von X am Samstag, 19. Oktober": the weekday opens the date.
const WEEKDAY =
  '(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)';
const TRAILING_WEEKDAY_DATE = new RegExp(`\\s+(?:am\\s+|on\\s+|le\\s+)?${WEEKDAY}\\.?,?\\s+(?:\\p{L}+\\.?\\s+)?\\d.*$`, 'iu');
const TRAILING_WEEKDAY = new RegExp(`\\s+(?:am|on|le)\\s+${WEEKDAY}$`, 'iu');
// What a byline prints after the name: "Eurosport Publiziert", "Christoph Hein Chefredakteur", arrows of "more by" links.
const TRAILING_LABEL =
  /\s+(?:publiziert|veröffentlicht|published|posted|aktualisiert|updated|chefredakteur(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|mitglied\s+der\s.*)$|[\s→←»«›‹>]+$/iu;
// "Posted on September 21, 2020 by Adi Tal", "am 3. Mai 2021 von X": the name follows the date.
const DATE_THEN_BY = /^.*?(?:\d{4}|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?),?\s+(?:by|von|par|por|di)\s+(?=\p{L})/iu;
// "Williams Perdomo @wperdomod": a social handle after the name.
const HANDLE = /\s+@[\w.]+/gu;
const MONTH_OR_TIME = /\d{1,2}:\d{2}|\d\.?\s*(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|märz|march|apr(?:il)?|mai|may|juni?|june|juli?|july|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)\b|\b(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|june?|juni|july?|juli|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)\b\.?\s*\d/i;
const SPLIT = /\s*(?:,|;|\/|&|\s[-–—]\s|\s+(?:và|and|und|et|y|e|en)\s+)\s*/i;
// "TTXVN", "AFP", "dpa": agencies and desks in capitals, never a person.
const ACRONYM = /^(?:[A-ZĐ]{2,6}|dpa|afp|ap|reuters|vna|ttxvn|kyodo|xinhua)$/u;
// Labels printed in their own byline element ("By", "Publiziert am"), degrees after a comma, "more" links.
const NOT_A_NAME =
  /^(?:admin|administrator|redaktion|editor|staff|guest|gast|unknown|anonymous|anonym|home|more|mehr|weiter|weitere artikel|share|teilen|comments?|kommentare?|posted|veröffentlicht|published|publiziert|geschrieben|verfasst|erstellt|updated|by|von|par|por|author|autor(?:in)?|written by|posted by|phd|ph\.d\.|md|m\.d\.|dr\.?|prof\.?|mba)$/i;
const BYLINE_CLASS =
  /(?:^|[\s_-])(?:author|authors|autor|autoren|auteurs?|byline|by-line|tac-?gia|writer|creator|contributor|reporter|journalist|verfasser)(?:$|[\s_-]|name|zeile|line)/;

const bylineClassed = classPattern(BYLINE_CLASS);

/** One byline string -> the names it holds (prefixes, roles, e-mails and agencies removed). */
export function splitAuthors(raw: string, site: SiteIdentity): string[] {
  // "Name | Date", "10. Dezember 2019 · von Name · in Category": the first piece that holds a name.
  for (const piece of cleanText(raw).replace(EMAIL, ' ').split(/\s*[|•·]\s*/)) {
    const names = piecesNames(piece, site);
    if (names.length) return names;
  }
  return [];
}

function piecesNames(piece: string, site: SiteIdentity): string[] {
  let s = piece;
  // "Theo X" names the source (an agency or another paper), never an author.
  if (/^theo\s/i.test(s)) return [];
  s = s.replace(GLUED_PREFIX, '').replace(DATE_THEN_BY, '').replace(HANDLE, '');
  for (let i = 0; i < 3; i++) s = s.replace(PREFIX, '');
  s = s.replace(TRAILING_WEEKDAY_DATE, '').replace(TRAILING_DATE, '').replace(/\s*[-–—]\s*\d.*$/, '').replace(/\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}.*$/, '');
  const out: string[] = [];
  for (let part of s.split(SPLIT)) {
    part = part
      .replace(PREFIX, '')
      .replace(ROLE_SUFFIX, '')
      .replace(TRAILING_WEEKDAY, '')
      .replace(TRAILING_LABEL, '')
      .replace(/\s+(?:am|on|le|el|il|lúc|ngày)$/i, '')
      .replace(/^[\s:,\-–—]+|[\s:,\-–—]+$/g, '')
      .trim();
    if (!plausibleName(part, site)) continue;
    out.push(part);
  }
  return out;
}

function plausibleName(s: string, site: SiteIdentity): boolean {
  if (s.length < 2 || s.length > 60) return false;
  // A colon never sits inside a name: "Anzahl der Kommentare: 0".
  if (!/\p{L}/u.test(s) || /^https?$|https?:|www\.|[<>{}=@:]/i.test(s) || MONTH_OR_TIME.test(s)) return false;
  // Numbers and codes, not names; a user name may carry a few digits ("freeman1984").
  if (/\d{3,}/.test(s) && (s.match(/\d/g)?.length ?? 0) >= (s.match(/\p{L}/gu)?.length ?? 0)) return false;
  if (/admin|webmaster|^(?:no author|anonymous)$/i.test(s)) return false;
  // Link labels of author boxes and profile links: "View my complete profile", "Archiv anzeigen".
  if (/(?<!\p{L})(?:profile?|anzeigen|archive?|articles|beiträge|posts)(?!\p{L})/iu.test(s)) return false;
  // Reading time printed beside the byline: "ca. 8 Min.", "5 min read".
  if (/\d\s*(?:min|minuten|minutes|mins)\b/i.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 6) return false;
  if (NOT_A_NAME.test(s) || /^(?:theo|pv|ctv)$/i.test(s) || ACRONYM.test(s)) return false;
  // Declared names only: on a personal blog the home link carries the author's own name.
  if (isSiteName(s, site, true)) return false;
  return true;
}

function inComment(el: Element): boolean {
  // <body> and <html> carry page-wide classes ("showing-comments", "comments-open").
  for (let n: Element | null = el; n && n.type === 'tag' && n.name !== 'body' && n.name !== 'html'; n = n.parent as Element | null) {
    if (/comment|kommentar|binh-luan/.test(classId(n))) return true;
  }
  return false;
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

function fromJsonLd(article: LdNode | undefined, nodes: LdNode[], site: SiteIdentity): string[] {
  const a = article?.author ?? article?.creator;
  if (!a) return [];
  const out: string[] = [];
  for (const x of Array.isArray(a) ? a : [a]) {
    if (typeof x === 'string') out.push(...splitAuthors(x, site));
    else if (x && typeof x === 'object') {
      let node = x as LdNode;
      // Yoast and others link the author by reference: {"@id": ".../#/schema/person/..."}, the Person elsewhere in the graph.
      if (node.name === undefined && typeof node['@id'] === 'string') node = nodes.find((n) => n['@id'] === node['@id'] && n !== node) ?? node;
      if (isType(node, ORGANIZATION)) continue;
      const name = ldString(node.name);
      if (name) out.push(...splitAuthors(name, site));
    }
  }
  return out;
}

function fromElements(els: Element[], site: SiteIdentity): string[] {
  const out: string[] = [];
  for (const el of els) {
    const nameEl = firstDescendant(el, (d) => attribute(d, 'itemprop') === 'name');
    const text = el.name === 'meta' ? cleanText(el.attribs.content) : elementText(nameEl ?? el);
    if (!text || text.length > 150) continue;
    out.push(...splitAuthors(text, site));
  }
  return out;
}

export function extractAuthors(
  page: Page,
  site: SiteIdentity,
  article: LdNode | undefined,
  rules: ExtractRules | undefined,
  ruleMisses: string[],
  nodes: LdNode[] = [],
): string[] {
  const ruleSels = selectorList(rules?.author);
  if (ruleSels.length) {
    const els = ruleSels.flatMap((s) => safeSelect(page, s));
    if (!els.length) ruleMisses.push('author');
    const names = dedupe(fromElements(els, site));
    if (names.length) return names;
  }
  const sources: (() => string[])[] = [
    () => fromJsonLd(article, nodes, site),
    () => {
      const v = metaContent(page, ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl']);
      return v && !/^https?:/i.test(v) ? splitAuthors(v, site) : [];
    },
    // Explicit author markup is trusted in an article footer too; only comments and related lists are ruled out.
    () => fromElements(documentElements(page).filter((el) => (attribute(el, 'itemprop') === 'author' || hasWord(attribute(el, 'rel'), 'author', true)) && !inBoilerplate(el, true) && !inComment(el)), site),
    () => {
      const els = bodyElements(page).filter(
        (el) => bylineClassed(el) && !inBoilerplate(el) && !inComment(el) && !hasAncestor(el, bylineClassed),
      );
      // The first byline on the page and its siblings: later ones belong to teasers and author boxes.
      const first = els.find((el) => fromElements([el], site).length > 0);
      return first ? fromElements(els.filter((el) => el.parent === first.parent), site) : [];
    },
  ];
  for (const source of sources) {
    const names = dedupe(source());
    if (names.length) return names.slice(0, 10);
  }
  return [];
}
