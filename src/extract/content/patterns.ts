/** Class/id hints and boilerplate wording used by the structural extractor. */

import { isAscii } from '../../normalize/text.ts';
import { isSpaceCode } from './dom.ts';

// Words of class/id names, matched on the parts of each name ("TestReport__Section--Ads" ->
// test, report, section, ads); in each name the rightmost known word decides ("article-copyright"
// is furniture, "share-content" is content).
const STRONG_WORDS = [
  'comment', 'comments', 'commentlist', 'kommentar', 'kommentare', 'binhluan', 'binh-luan', 'respond', 'share', 'sharing', 'shares',
  'sharebar', 'social', 'socials', 'sidebar', 'side-bar', 'footer', 'newsletter', 'cookie', 'cookies', 'consent', 'gdpr', 'popup',
  'modal', 'breadcrumb', 'breadcrumbs', 'related', 'relate', 'relatedposts', 'lienquan', 'tin-lien-quan', 'tinlienquan', 'recommend',
  'recommended', 'recommendations', 'readmore', 'read-more', 'more-news', 'mostread', 'most-read', 'most-popular', 'most-viewed',
  'docnhieu', 'xemnhieu', 'menu', 'navbar', 'nav', 'navigation', 'disqus', 'outbrain', 'taboola', 'other-news', 'news-other',
  'same-cat', 'samecate', 'same-category', 'cung-chuyen-muc', 'xem-them', 'xemthem', 'tinkhac', 'tin-khac', 'widget', 'widgets',
  'yarpp', 'sharedaddy', 'jp-relatedposts', 'adsbygoogle', 'sponsored', 'subscribe', 'subscription', 'login', 'signup',
  'teaser-list', 'also-read', 'pagination', 'pager', 'masthead', 'table-of-contents', 'ez-toc', 'inhaltsverzeichnis',
];
const WEAK_WORDS = [
  'ad', 'ads', 'adv', 'advert', 'advertisement', 'advertising', 'anzeige', 'banner', 'sponsor', 'promo', 'promotion', 'sns', 'foot',
  'paging', 'popular', 'trending', 'tag', 'tags', 'taglist', 'tag-list', 'keyword', 'keywords', 'topics', 'toolbar', 'tool', 'tools',
  'print', 'rating', 'vote', 'author-box', 'authorbox', 'about-author', 'bio', 'zalo', 'facebook', 'twitter', 'skip', 'search',
  'header-top', 'top-bar', 'copyright', 'disclaimer', 'player', 'video-list', 'box-news', 'box-tin', 'list-news', 'timeline', 'meta',
  'byline', 'paywall', 'author', 'authors', 'autor', 'author-bio', 'author-info', 'date', 'dateline', 'info', 'caption-list', 'gallery-list', 'slider', 'carousel', 'hidden',
];
const POSITIVE_WORDS = [
  'article', 'articlebody', 'article-body', 'article-content', 'content', 'contents', 'entry', 'entry-content', 'post', 'post-content',
  'post-body', 'postbody', 'story', 'story-body', 'body', 'main', 'main-content', 'text', 'detail', 'details', 'detail-content',
  'fck_detail', 'news-content', 'singular', 'blog', 'page-content', 'td-post-content', 'field-body', 'rich-text', 'richtext',
  'cms-body', 'maincontent', 'articletext', 'news-body', 'sapo', 'lead', 'abstract', 'prose',
];

type Verdict = 'strong' | 'weak' | 'positive';
const WORDS = new Map<string, Verdict>();
for (const w of WEAK_WORDS) WORDS.set(w, 'weak');
for (const w of POSITIVE_WORDS) WORDS.set(w, 'positive');
for (const w of STRONG_WORDS) WORDS.set(w, 'strong');

const nameVerdicts = new Map<string, Verdict | null>();
const MAX_NAME_VERDICTS = 20000;

/** nameVerdict, remembered: class names ("col-md-4", "clearfix", "item") recur on every page of the web. */
function knownNameVerdict(name: string): Verdict | null {
  let v = nameVerdicts.get(name);
  if (v === undefined) {
    v = nameVerdict(name);
    if (nameVerdicts.size >= MAX_NAME_VERDICTS) nameVerdicts.clear();
    // A copied key: a slice of the page's attribute text would keep the whole page alive.
    nameVerdicts.set((' ' + name).slice(1), v);
  }
  return v;
}

/**
 * The words of a class/id name: split at "-" and "_" runs and where a lower-case letter or digit meets a capital
 * ("TestReport__Section--Ads" -> test, report, section, ads), lower-cased, each without a trailing number (and the
 * "v" before it: "col-v2" -> col), empty ones left out.
 */
export function nameParts(name: string): string[] {
  if (!isAscii(name)) {
    return name
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .split(/[-_]+/)
      .map((p) => p.replace(/v?\d+$/, ''))
      .filter(Boolean);
  }
  // ASCII, nearly every name: the same parts cut out in one scan (the regex chain cost a microsecond per new name).
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2d || c === 0x5f) {
      pushPart(parts, name, start, i);
      start = i + 1;
    } else if (c >= 0x41 && c <= 0x5a && i > start && isLowerOrDigitCode(name.charCodeAt(i - 1))) {
      pushPart(parts, name, start, i);
      start = i;
    }
  }
  pushPart(parts, name, start, name.length);
  return parts;
}

/**
 * name[start, end) lower-cased into `parts`, without a trailing number (and its "v"), unless nothing is left. A module
 * function, not a closure: tsx names every closure it creates (keepNames), a defineProperty call per name parsed.
 */
function pushPart(parts: string[], name: string, start: number, end: number): void {
  let e = end;
  while (e > start && isDigitCode(name.charCodeAt(e - 1))) e--;
  if (e < end && e > start && (name.charCodeAt(e - 1) | 0x20) === 0x76) e--;
  if (e > start) parts.push(name.slice(start, e).toLowerCase());
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLowerOrDigitCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || isDigitCode(c);
}

function nameVerdict(name: string): Verdict | null {
  // Layout modifiers describe the page, not the box: "has-sidebar", "no-comments", "with-ads".
  if (/^(?:has|with|without|no)[-_]/i.test(name)) return null;
  const parts = nameParts(name);
  // From the right, the known word (of up to three parts, the longest first) ending at each part.
  for (let i = parts.length - 1; i >= 0; i--) {
    const keys = WORDS_BY_LAST_PART.get(parts[i]);
    if (!keys) continue;
    for (const { before, verdict } of keys) {
      if (before.length > i) continue;
      let k = 0;
      while (k < before.length && parts[i - before.length + k] === before[k]) k++;
      if (k === before.length) return verdict;
    }
  }
  return null;
}

/**
 * WORDS by the last dash-separated part of each key, with the parts before it, longest keys first: a name's parts are
 * matched against these instead of joining every run of up to three parts into a string to look up.
 */
const WORDS_BY_LAST_PART = new Map<string, { before: string[]; verdict: Verdict }[]>();
for (const [key, verdict] of WORDS) {
  const before = key.split('-');
  // Names are matched on runs of at most three parts.
  if (before.length > 3) continue;
  const last = before.pop()!;
  const keys = WORDS_BY_LAST_PART.get(last) ?? [];
  keys.push({ before, verdict });
  WORDS_BY_LAST_PART.set(last, keys);
}
for (const keys of WORDS_BY_LAST_PART.values()) keys.sort((a, b) => b.before.length - a.before.length);

/**
 * What a class/id string says about its element: 'strong' furniture (comments, related,
 * share, sidebar...), 'weak' furniture (ads, tags, tools...), 'positive' (article, content...), or null.
 */
export function hintVerdict(hint: string): Verdict | null {
  if (!hint) return null;
  let strong = false;
  let positive = false;
  let weak = false;
  // The whitespace-separated names, cut out by hand: split(/\s+/) cost more than the lookups on these short strings.
  let start = -1;
  for (let i = 0; i <= hint.length; i++) {
    if (i < hint.length && !isSpaceCode(hint.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const v = knownNameVerdict(hint.slice(start, i));
    start = -1;
    if (v === 'strong') strong = true;
    else if (v === 'positive') positive = true;
    else if (v === 'weak') weak = true;
  }
  // Furniture words next to content words ("content_body" + id "TOC_TITLE_3") make only a weak case.
  const out: Verdict | null = strong ? (positive ? 'weak' : 'strong') : positive ? 'positive' : weak ? 'weak' : null;
  return out;
}

export const HEADING_WORDS = [
  // Vietnamese
  'tin liên quan', 'tin bài liên quan', 'bài liên quan', 'bài viết liên quan', 'cùng chuyên mục', 'tin cùng chuyên mục',
  'tin đọc nhiều', 'đọc nhiều', 'đọc nhiều nhất', 'xem nhiều', 'xem nhiều nhất', 'đọc thêm', 'xem thêm', 'các tin bài khác',
  'các tin khác', 'tin khác', 'tin mới', 'tin mới nhất', 'tin mới hơn', 'tin cũ hơn', 'bình luận', 'ý kiến bạn đọc', 'chia sẻ',
  'multimedia', 'tin nổi bật', 'có thể bạn quan tâm', 'bạn có thể quan tâm', 'tin tức liên quan', 'tin xem nhiều',
  'bài đọc nhiều', 'video liên quan', 'tin ảnh', 'tiêu điểm', 'gửi bình luận', 'viết bình luận', 'từ khóa', 'tags',
  // English
  'related', 'related articles', 'related posts', 'related stories', 'related news', 'related content', 'related links',
  'read more', 'read also', 'read next', 'more stories', 'more from', 'more news', 'most read', 'most popular', 'most viewed',
  'popular posts', 'recent posts', 'latest news', 'latest posts', 'trending', 'comments', 'comment', 'leave a reply',
  'leave a comment', 'share', 'share this', 'share this article', 'share this post', 'share this story', 'you may also like',
  'you might also like', 'recommended', 'recommended for you', 'see also', 'also read', 'further reading', 'join the discussion',
  'sign up for our newsletter', 'subscribe to our newsletter', 'like this', 'about the author',
  // German
  'lesen sie auch', 'lesen sie außerdem', 'lesen sie mehr', 'mehr zum thema', 'weitere artikel', 'weitere beiträge',
  'weitere meldungen', 'weitere nachrichten', 'kommentare', 'kommentar verfassen', 'kommentar schreiben', 'schreibe einen kommentar',
  'hinterlasse einen kommentar', 'ähnliche beiträge', 'ähnliche artikel', 'verwandte artikel', 'verwandte beiträge',
  'das könnte sie auch interessieren', 'das könnte dich auch interessieren', 'auch interessant', 'meistgelesen',
  'meistgelesene artikel', 'neueste beiträge', 'neueste artikel', 'beitrag teilen', 'artikel teilen', 'teilen',
  'teilen sie dies mit', 'teile dies', 'teilen mit', 'folgen sie uns', 'zum thema', 'passend zum thema', 'themen', 'schlagworte',
  'aktuelle beiträge', 'top-artikel', 'empfohlene beiträge', 'empfohlene artikel', 'weitere themen', 'weitere informationen',
  'weiterführende informationen', 'weiterführende links', 'mehr aus dem channel', 'mehr aus der rubrik', 'mehr zum thema', 'newsticker',
  'das könnte sie auch interessieren', 'auch lesenswert', 'beliebte beiträge', 'beliebte artikel', 'ähnliche themen', 'verwandte links',
  'explore further', 'more on this story', 'more on this topic', 'related topics', 'related reading', 'trending now', 'popular now', 'empfehlungen', 'über den autor', 'letzte beiträge', 'verwandte themen',
  // French / Spanish / Italian / Portuguese
  'à lire aussi', 'a lire aussi', 'lire aussi', 'sur le même sujet', 'les plus lus', 'commentaires', 'partager', 'articles liés',
  'leer más', 'lee también', 'te puede interesar', 'noticias relacionadas', 'comentarios', 'compartir', 'más leídas',
  'leggi anche', 'articoli correlati', 'commenti', 'condividi', 'leia também', 'comentários', 'notícias relacionadas',
  'zobacz także', 'zobacz też', 'czytaj także', 'czytaj też', 'czytaj więcej', 'przeczytaj również', 'polecamy', 'komentarze',
  'lees ook', 'meer nieuws', 'gerelateerde artikelen', 'reacties', 'was sind cookies', 'cookie-einstellungen',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole heading text (already normalized) that opens a boilerplate block. */
export const BOILERPLATE_HEADING = new RegExp(
  `^(?:${HEADING_WORDS.map(escape).join('|')})(?:\\s+(?:auf|bei|von|im|in|on|at|from)\\s+\\S.{0,30})?(?:\\s*\\(\\d+\\))?\\s*[:»›>.…!]*$`,
  'iu',
);

/**
 * Opening words of box headings whose endings vary ("Weitere Tourentipps", "Mehr zu Klima und
 * Konsum", "Lesen Sie auch die folgenden Beiträge:"); only tested on short heading-like lines.
 */
export const BOILERPLATE_HEADING_START =
  /^(?:weitere (?:artikel|beiträge|themen|infos|informationen|tipps|tourentipps|news|nachrichten|meldungen|links|aktuelle|beiträge aus|artikel aus)|mehr (?:zum thema|zu |zur |über |aus |themen|kolumnen|artikel|news|infos|nachrichten|beiträge)|zum weiterlesen|weiterlesen|schon gelesen|siehe auch|lesen sie (?:auch|hier|mehr|außerdem|das)|entdecke(?:n sie)? (?:weitere|mehr|jetzt)|top[- ]themen|auch auf |das könnte (?:sie|dich) (?:auch )?interessieren|veja também|leia mais|leia também|video recomendado|lust auf mehr|más noticias|más información|lee también|te puede interesar|contexto de la noticia|valora esta noticia|noticias relacionadas|read more|more (?:from|on|stories|news|articles)|related (?:articles|stories|posts|news|coverage)|you (?:may|might) also|recommended (?:for you|reading|stories)|tin (?:liên quan|cùng chuyên mục|mới|khác|đọc nhiều|xem nhiều)|bài (?:liên quan|viết liên quan|đọc nhiều)|xem thêm|đọc thêm|có thể bạn quan tâm)/iu;

/** Short single lines of page furniture that never belong to the body. */
export const JUNK_LINE =
  /^(?:print|drucken|rezept drucken|artikel drucken|seite drucken|kommentieren|bild anzeigen|bild vergrößern|zum artikel|mehr anzeigen|show more|load more|weiterlesen|mehr lesen|in-?\s?druck|e-?mail|mail|facebook|twitter|x|linkedin|whatsapp|pinterest|telegram|zalo|tweet|share|teilen|chia sẻ|in bài|gửi bài|lưu|like|thích|theo dõi|follow|back to top|nach oben|zurück|zurück zur übersicht|top|weiter|weiterlesen|read more|xem thêm|\+\s*\d*|[0-9]+\s*(?:comments?|kommentare?|bình luận)?)$/iu;

/** Post-meta and call-to-action lines that sit at the edges of articles, matched at the start of short lines. */
export const META_LINE =
  /^(?:this (?:entry|post) was posted|posted (?:in|on|by)\b|dieser (?:eintrag|beitrag) wurde (?:am|veröffentlicht|in)|der beitrag wurde am|veröffentlicht (?:am|in)\b|last modified:|zuletzt (?:aktualisiert|geändert)|filed under|tagged with|kategorie(?:n)?:|schlagwörter:|schlagworte:|tags:|tag:|từ khóa:|từ khoá:|chủ đề:|stichwörter:|war (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)|möchten sie (?:den|diesen) (?:artikel|beitrag) teilen|teilen sie (?:den|diesen) (?:artikel|beitrag)|share (?:this|the) (?:article|post|story)|did you (?:like|enjoy) this|if you (?:enjoyed|liked) (?:reading )?this|(?:photo|image|picture)s? credits?\b|photograph(?:s)? by\b|crédits? photos?\b|titelbild:|beitragsbild\b|headerbild:|bildquelle:|bildnachweis:|foto(?:s)?:|quelle:\s*\S+$|\d*\s*bloggern gefällt das|gefällt mir wird geladen|like loading|teilen mit:|share this:|\(noch keine bewertungen\)|valora esta noticia|advertising disclosure|anzeige\s*$|werbung\s*$|\*?werbung[.:]|sponsored content|paid content)/iu;

/**
 * Lowercase letters that a boilerplate heading can open with: the first letters of HEADING_WORDS and of
 * BOILERPLATE_HEADING_START's alternatives. Under the i and u flags an ASCII character only matches its own letter in
 * either case, so text opening with any other ASCII character matches neither pattern.
 */
const HEADING_FIRST = ((): Set<number> | null => {
  const alternatives: string[] = [...HEADING_WORDS];
  const body = /^\^\(\?:(.*)\)$/.exec(BOILERPLATE_HEADING_START.source)?.[1];
  if (!body) return null;
  let depth = 0;
  let current = '';
  for (const ch of body) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      alternatives.push(current);
      current = '';
    } else current += ch;
  }
  alternatives.push(current);
  const first = new Set<number>();
  for (const a of alternatives) {
    // Only plain lowercase letters are understood; anything else turns the shortcut off.
    if (!/^\p{Ll}/u.test(a)) return null;
    first.add(a.charCodeAt(0));
  }
  return first;
})();

/** The code of the first non-whitespace character of `s`, or -1 when it is all whitespace. */
export function firstVisibleCode(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return -1;
}

/** False when a text opening with this character cannot be a boilerplate heading. */
export function mayOpenBoilerplateHeading(c: number): boolean {
  if (!HEADING_FIRST || !FIRST_LETTER) return true;
  if (c < 0x80) return HEADING_FIRST.has(c >= 0x41 && c <= 0x5a ? c + 32 : c);
  // Surrogates: a character outside the BMP is let through.
  if (c >= 0xd800 && c <= 0xdfff) return true;
  // Beyond ASCII, case folding decides (the Kelvin sign folds to k): the patterns' own first-letter class, asked once
  // per character and remembered.
  let known = firstLetterAnswers[c];
  if (known === 0) firstLetterAnswers[c] = known = FIRST_LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}
const FIRST_LETTER = HEADING_FIRST && new RegExp(`^[${[...HEADING_FIRST].map((c) => String.fromCharCode(c).replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'iu');
// 0: not asked yet, 1: may open a heading, 2: cannot.
const firstLetterAnswers = new Uint8Array(0x10000);

/** A short line that opens a boilerplate block (related, most read, comments, share...). */
export function isBoilerplateHeading(text: string): boolean {
  if (text.length > 60) return false;
  return BOILERPLATE_HEADING.test(text) || (spaceCount(text) <= 7 && BOILERPLATE_HEADING_START.test(text));
}

/** text.split(' ').length - 1, without the array. */
function spaceCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

/** A caption printed as a plain line: it ends with a photo credit ("(Foto: Getty)", "Ảnh: TTXVN", "/Getty Images"). */
export const PHOTO_CREDIT_TAIL =
  /(?:\(?\s*(?:ảnh|photo|photos|foto|fotos|bild|image|credit|crédit photo)\s*:\s*[^()]{1,80}\)?|\/\s*(?:afp|dpa|reuters|ap|ap photo|imago|epa)\)?|(?:getty images|picture[- ]alliance|imago images|shutterstock|istock(?:photo)?)\)?|©\s*[^©]{1,60})\s*\.?$/iu;
