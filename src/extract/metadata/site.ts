import { domainParts } from '../../urls/domain.ts';
import { cleanText, documentElements, documentTitle, firstDescendant, metaContent, textContentWithin } from './dom.ts';
import { isType, ldString, type LdNode } from './jsonld.ts';
import { attribute, classAttribute, idAttribute, type Page } from '../page.ts';

/** Lowercase letters and digits without diacritics: "Báo Mẫu" / "baomau.vn" / "FAZ.NET" compare regardless of accents, spacing and punctuation. */
export function looseKey(s: string): string {
  // ASCII: NFD, mark removal and "đ" change nothing, and the letters and digits are exactly [A-Za-z0-9].
  let ascii = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return looseKeyUnicode(s);
    if (c >= 0x61 && c <= 0x7a) ascii += s[i];
    else if (c >= 0x41 && c <= 0x5a) ascii += String.fromCharCode(c + 32);
    else if (c >= 0x30 && c <= 0x39) ascii += s[i];
  }
  return ascii;
}

/** Keys of non-ASCII strings: a page's site names and title candidates are compared again and again. */
const unicodeKeys = new Map<string, string>();
const MAX_UNICODE_KEYS = 4000;

function looseKeyUnicode(s: string): string {
  const known = unicodeKeys.get(s);
  if (known !== undefined) return known;
  const key = s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  if (unicodeKeys.size >= MAX_UNICODE_KEYS) unicodeKeys.clear();
  // A copied key: a slice of the page's text would keep the whole page alive.
  unicodeKeys.set((' ' + s).slice(1), key);
  return key;
}

const ARCHIVED = /^https?:\/\/web\.archive\.org\/web\/\d+[a-z_]*\/(https?:\/\/.+)$/i;

/**
 * A page or link inside a web archive's copy ("https://web.archive.org/web/2014.../http://blog.example/"): the archived
 * address, whose host and home page are the site's own. Other URLs unchanged.
 */
export function archivedUrl(url: string): string {
  if (!url.includes('archive.org/web/')) return url;
  return ARCHIVED.exec(url)?.[1] ?? url;
}

export interface SiteIdentity {
  /** og:site_name / application-name / publisher / WebSite name, then home-link and logo texts. */
  names: string[];
  /** How many of `names` the page declares in metadata (the rest come from its home link / logo). */
  declaredCount: number;
  /** Host name forms: "www.faz.net" -> "faz.net", "faz". */
  hostKeys: string[];
}

export function siteIdentity(page: Page, url: string, nodes: LdNode[]): SiteIdentity {
  const names = new Set<string>();
  const add = (v: string | null | undefined): void => {
    const t = cleanText(v);
    if (t && t.length <= 80) names.add(t);
  };
  add(metaContent(page, ['og:site_name']));
  // Some CMSes fill the app-name tags with each page's title: a value that is the page's title names the page, not the site.
  const pageTitles = new Set([metaContent(page, ['og:title']), documentTitle(page)].filter(Boolean));
  for (const key of ['application-name', 'apple-mobile-web-app-title']) {
    const v = metaContent(page, [key]);
    if (v && !pageTitles.has(v)) add(v);
  }
  add(metaContent(page, ['twitter:site'])?.replace(/^@/, ''));
  // A blogger's site declared as ["Person", "Organization"] names the site after its author: a site name for titles,
  // but not one that rules the author's own byline out.
  const personSites: string[] = [];
  for (const n of nodes) {
    if (isType(n, /^(?:WebSite|Organization|NewsMediaOrganization|Corporation)$/i)) {
      if (isType(n, /^Person$/i)) personSites.push(ldString(n.name) ?? '');
      else add(ldString(n.name));
    }
    const pub = n.publisher;
    if (pub) for (const p of Array.isArray(pub) ? pub : [pub]) add(ldString(p));
  }
  const declaredCount = names.size;
  for (const name of personSites) add(name);
  for (const name of homeLinkNames(page, url)) add(name);
  const hostKeys: string[] = [];
  const own = archivedUrl(url);
  const { hostname: host, domainWithoutSuffix: label } = domainParts(own);
  if (host) {
    const bare = host.replace(/^www\d*\./, '');
    hostKeys.push(looseKey(bare));
    if (label && label.length >= 3) hostKeys.push(looseKey(label));
  }
  return { names: [...names], declaredCount, hostKeys: hostKeys.filter(Boolean) };
}

/** Whether a short string is the publication's own name (site name, publisher, host). */
const DOMAIN_NAME = /^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,6}$/iu;

export function isSiteName(text: string, site: SiteIdentity, declaredOnly = false): boolean {
  const k = looseKey(text);
  if (!k) return false;
  // "FASSETTE.NET", "baomau.vn": a bare domain name names a site, whichever.
  if (!declaredOnly && DOMAIN_NAME.test(text.trim())) return true;
  for (const n of declaredOnly ? site.names.slice(0, site.declaredCount) : site.names) {
    const nk = looseKey(n);
    if (!nk) continue;
    if (nk === k) return true;
    // "Tuổi Trẻ Online" vs "Báo Tuổi Trẻ Online": one contains the other, and they are close in length.
    const short = Math.min(nk.length, k.length);
    const long = Math.max(nk.length, k.length);
    if ((nk.includes(k) || k.includes(nk)) && short >= 3 && long - short <= Math.max(4, long * 0.25)) return true;
  }
  for (const h of site.hostKeys) {
    // "faz" (label) vs "FAZ.NET", "www.faz.net" vs "faz.net": the host plus a few characters of TLD or "www".
    // Bylines (declared-only callers) keep a user named after the site: "Limespacer" writes on limespace.de.
    if (k === h || (h.length >= 3 && ((!declaredOnly && k.startsWith(h)) || k.endsWith(h)) && k.length - h.length <= 5)) return true;
  }
  return false;
}

// Tested on the class and on the id apart, in any case: the same answer as on their lower-cased join, as the pattern has
// no spaces inside and no word ending in "i" or holding a "k" (İ and the Kelvin sign lower-case into those letters).
const LOGO_CLASS = /(?:^|[\s_-])(?:logo|site-?title|site-?name|blog-?title|brand|navbar-brand)(?:$|[\s_-])/i;
// What makes a class worth a closer look: LOGO_CLASS needs one of these (lower case) in the class.
const LOGO_HINT = /logo|site-title|site-name|blog-title/;

const MAX_NAME = 60;
const HOME_HREF = /^(?:https?:\/\/[^/?#]+)?\/?(?:index\.\w+)?(?:[?#].*)?$/i;
const ARCHIVE_PREFIX = /^(?:https?:\/\/web\.archive\.org)?\/web\/\d+[a-z_]*\//i;

const isHomePath = (u: URL): boolean => /^\/(?:index\.\w+)?$/.test(u.pathname) && !u.search;

/** What the page calls its home link or logo: the printed site name ("Bibliothek 2.0 und mehr"). */
function homeLinkNames(page: Page, url: string): string[] {
  let origin: string;
  const own = archivedUrl(url);
  const archived = own !== url;
  let ownIsHome: boolean;
  try {
    const ownUrl = new URL(own);
    origin = ownUrl.origin;
    ownIsHome = isHomePath(ownUrl);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const el of documentElements(page)) {
    if (out.length >= 12) break;
    const cls = classAttribute(el);
    const id = idAttribute(el);
    const candidate = (el.name === 'a' && el.attribs.href !== undefined) || (cls !== undefined && LOGO_HINT.test(cls)) || !!id?.includes('logo');
    if (!candidate) continue;
    let isHome = false;
    // Only hrefs that can be the home page get parsed: URL parsing every link is the costly part.
    const href = el.attribs.href ?? '';
    if (el.name === 'a' && (attribute(el, 'rel')?.includes('home') || HOME_HREF.test(href) || (archived && HOME_HREF.test(href.replace(ARCHIVE_PREFIX, ''))))) {
      if (href.startsWith('#')) {
        // A fragment link points at this very page: parsing it gives the page's own path.
        isHome = ownIsHome;
      } else {
        try {
          const target = new URL(archivedUrl(new URL(href, url).href));
          isHome = target.origin === origin && isHomePath(target);
        } catch {
          isHome = false;
        }
      }
      if (attribute(el, 'rel')?.includes('home')) isHome = true;
    }
    // A brand-classed link that goes nowhere ("#") labels a page-level menu (the current spot, the section), not the site.
    if (!isHome && el.name === 'a' && /^(?:#|javascript:)/i.test(href)) continue;
    if (!isHome && !(cls !== undefined && LOGO_CLASS.test(cls)) && !(id !== undefined && LOGO_CLASS.test(id))) continue;
    // A logo box can wrap the whole masthead: its text is read only as far as a site name can reach.
    for (const t of [textContentWithin(el, MAX_NAME), cleanText(el.attribs.title), cleanText(firstDescendant(el, (d) => d.name === 'img')?.attribs.alt)]) {
      if (t && t.length <= MAX_NAME && !/^(?:home|startseite|trang chủ|accueil|inicio|zur startseite|logo|willkommen|welcome|bienvenue|bienvenido|benvenuto)$/i.test(t)) out.push(t);
    }
  }
  return out;
}
