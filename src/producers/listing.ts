import { load } from 'cheerio/slim';
import { canonicalizeUrl, siteOf } from '../urls/canonical.ts';

export interface ListingLinks {
  /** Canonical article URLs, in page order, without duplicates. */
  articles: string[];
  /** Canonical listing URLs to follow (pagination, sections), in page order, without duplicates. */
  listings: string[];
}

export interface LinkRules {
  articleUrlPattern?: RegExp;
  listingUrlPattern?: RegExp;
  /** Registrable domains links may point to; null: any site. */
  sites: ReadonlySet<string> | null;
}

/** Path segments of pages that list articles rather than being one. */
const NON_ARTICLE_SEGMENTS = new Set([
  'tag', 'tags', 'category', 'categories', 'topic', 'topics', 'chu-de', 'tu-khoa', 'the', 'author', 'authors',
  'tac-gia', 'search', 'tim-kiem', 'page', 'trang', 'login', 'dang-nhap', 'register', 'dang-ky', 'contact',
  'lien-he', 'rss', 'feed', 'sitemap', 'about', 'gioi-thieu', 'wp-admin', 'wp-login.php', 'cdn-cgi',
]);
const NOT_A_PAGE = /\.(jpe?g|png|gif|webp|svg|ico|pdf|xml|rss|css|js|json|zip|rar|mp3|mp4|webm|docx?|xlsx?)$/i;

/**
 * Default article test when a source has no articleUrlPattern. A URL looks like an article
 * when no path segment is a tag/category/author/search/pagination word and its last segment
 * is a slug of at least 4 words that carries an id (5+ digits anywhere in the path) or ends in
 * .html/.htm/.shtml, or is a slug of at least 6 words (WordPress-style permalinks).
 * "/thoi-su/gia-xang-giam-lan-thu-ba-4801234.html" is one; "/thoi-su", "/tag/bao-lu",
 * "/thoi-su-p2" and "/trang-2.html" are not.
 */
export function looksLikeArticleUrl(url: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return false;
  }
  const segments = path.split('/').filter(Boolean).map((s) => s.toLowerCase());
  const last = segments.at(-1);
  if (!last || NOT_A_PAGE.test(last)) return false;
  if (segments.some((s) => NON_ARTICLE_SEGMENTS.has(s))) return false;
  const isHtml = /\.s?html?$/.test(last);
  const words = last.replace(/\.[a-z]+$/, '').split(/[-_]+/).filter((w) => w && !/^\d+$/.test(w));
  const hasId = /\d{5,}/.test(path);
  return (words.length >= 4 && (hasId || isHtml)) || words.length >= 6;
}

/**
 * Links of a listing page: articles (articleUrlPattern, else looksLikeArticleUrl) and
 * listings to follow (listingUrlPattern; without one, only rel="next" pagination). Links are
 * resolved against <base href> then the page URL and canonicalized; a link that is both an
 * article and a listing counts as an article.
 */
export function selectLinks(html: string, pageUrl: string, rules: LinkRules): ListingLinks {
  const $ = load(html);
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref && canonicalizeUrl(baseHref, pageUrl)) || pageUrl;
  const self = canonicalizeUrl(pageUrl);

  const articles = new Set<string>();
  const listings = new Set<string>();
  const consider = (href: string | undefined, relNext: boolean) => {
    if (!href) return;
    const url = canonicalizeUrl(href, base);
    if (!url || url === self) return;
    if (rules.sites && !rules.sites.has(siteOf(url) ?? '')) return;
    const isArticle = rules.articleUrlPattern ? rules.articleUrlPattern.test(url) : looksLikeArticleUrl(url);
    if (isArticle) articles.add(url);
    else if (rules.listingUrlPattern ? rules.listingUrlPattern.test(url) : relNext) listings.add(url);
  };

  $('a[href], area[href], link[rel~="next"][href]').each((_, el) => {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
    consider($(el).attr('href'), rel.includes('next'));
  });
  return { articles: [...articles], listings: [...listings] };
}
