import type { ResolvedSource } from '../schemas/config.ts';
import type { ArticleJob, DiscoverJob, DiscoverKind } from '../schemas/job.ts';
import { canonicalizeUrl, siteOf } from '../urls/canonical.ts';
import { isTooOld } from './dates.ts';
import { parseFeed } from './feed.ts';
import { selectLinks, type LinkRules } from './listing.ts';
import { sitemapsFromRobots } from './robots.ts';
import { parseSitemap, type SitemapRef } from './sitemap.ts';
import { sniffXmlKind } from './xml.ts';

export { DiscoveryError } from './errors.ts';
export { parseFeedDate } from './dates.ts';
export { parseFeed, type FeedItem } from './feed.ts';
export { parseSitemap, type ParsedSitemap, type SitemapEntry, type NewsInfo } from './sitemap.ts';
export { looksLikeArticleUrl, selectLinks, type ListingLinks, type LinkRules } from './listing.ts';
export { sitemapsFromRobots } from './robots.ts';
export { SeenSet, type SeenSetOptions } from './seen-set.ts';

/** Sitemap index nesting followed at most (a robots.txt does not count as a level). */
export const MAX_SITEMAP_DEPTH = 3;
/** Child sitemaps taken from one index: the most recently modified first. */
export const MAX_CHILD_SITEMAPS = 50;

export interface Discovered {
  articles: ArticleJob[];
  discover: DiscoverJob[];
}

export interface PageInput {
  /** Final URL after redirects: relative links resolve against it. */
  url: string;
  /** Decoded text (the fetch stage decompresses gzip, including .xml.gz sitemaps). */
  body: string;
  contentType: string | null;
}

/** Registrable domains of every URL configured for the source: where its links may point. */
export function sourceSites(source: ResolvedSource): Set<string> | null {
  if (source.allowOtherSites) return null;
  const sites = new Set<string>();
  for (const u of [...source.urls, ...source.listings, ...source.feeds, ...source.sitemaps]) {
    const site = siteOf(u);
    if (site) sites.add(site);
  }
  return sites;
}

const patternCache = new Map<string, RegExp>();
function compile(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  let re = patternCache.get(pattern);
  if (!re) patternCache.set(pattern, (re = new RegExp(pattern)));
  return re;
}

function linkRules(source: ResolvedSource): LinkRules {
  return {
    articleUrlPattern: compile(source.articleUrlPattern),
    listingUrlPattern: compile(source.listingUrlPattern),
    sites: sourceSites(source),
  };
}

function isSeedRobots(url: string): boolean {
  return new URL(url).pathname === '/robots.txt';
}

/**
 * The first jobs of a run: configured `urls` become article jobs, listings/feeds/sitemaps
 * become discover jobs at depth 0 (a `sitemaps` entry ending in /robots.txt becomes a 'robots'
 * job whose Sitemap: lines are then read). URLs are canonicalized and deduplicated.
 */
export function seedJobs(source: ResolvedSource): Discovered {
  const out = new Collector(source.id);
  for (const u of source.urls) out.article(u, 0);
  for (const u of source.listings) out.discover(u, 'listing', 0);
  for (const u of source.feeds) out.discover(u, 'feed', 0);
  for (const u of source.sitemaps) out.discover(u, isSeedRobots(u) ? 'robots' : 'sitemap', 0);
  return out.result();
}

/**
 * What a fetched discover page points to. 'feed': its items (RSS/Atom); 'sitemap': urlset
 * entries and sitemapindex children; 'listing': article links and listing links to follow;
 * 'robots': its Sitemap: lines. Items older than source.maxAgeDays (when dated) are skipped;
 * other sites (registrable domains not among the source's configured URLs) are skipped unless
 * source.allowOtherSites; articleUrlPattern, when set, filters feed and sitemap items too.
 * A body whose XML root is a feed or a sitemap is read as such whatever job.kind says.
 * Throws DiscoveryError when the body is not what the kind expects.
 */
export function discoverFromPage(job: DiscoverJob, page: PageInput, source: ResolvedSource, now: Date = new Date()): Discovered {
  const pageUrl = canonicalizeUrl(page.url) ?? job.url;
  const rules = linkRules(source);
  const allowed = (url: string) => !rules.sites || rules.sites.has(siteOf(url) ?? '');
  const isArticle = (url: string) => allowed(url) && (!rules.articleUrlPattern || rules.articleUrlPattern.test(url));
  const out = new Collector(source.id, job.url);

  // Config lists and sitemap indexes mix things up (a feed under sitemaps, an RSS link on a
  // listing): a feed or sitemap body is read as what it is, whatever the job said.
  const kind = job.kind === 'robots' ? 'robots' : (sniffXmlKind(page.body) ?? job.kind);
  switch (kind) {
    case 'feed': {
      for (const item of parseFeed(page.body, pageUrl, source.timezone, page.contentType)) {
        if (isTooOld(item.date, source.maxAgeDays, now) || !isArticle(item.url)) continue;
        out.article(item.url, job.depth + 1, item.date);
      }
      break;
    }
    case 'sitemap': {
      const { entries, sitemaps } = parseSitemap(page.body, pageUrl, source.timezone, page.contentType);
      for (const e of entries) {
        const published = e.news?.publicationDate ?? null;
        if (isTooOld(published ?? e.lastmod, source.maxAgeDays, now) || !isArticle(e.url)) continue;
        out.article(e.url, job.depth + 1, published);
      }
      if (job.depth + 1 <= MAX_SITEMAP_DEPTH) {
        const fresh = sitemaps.filter((s) => allowed(s.url) && !isTooOld(s.lastmod, source.maxAgeDays, now));
        for (const s of newestFirst(fresh).slice(0, MAX_CHILD_SITEMAPS)) out.discover(s.url, 'sitemap', job.depth + 1);
      }
      break;
    }
    case 'listing': {
      const links = selectLinks(page.body, pageUrl, rules);
      for (const u of links.articles) out.article(u, job.depth + 1);
      if (job.depth + 1 <= source.maxDepth) for (const u of links.listings) out.discover(u, 'listing', job.depth + 1);
      break;
    }
    case 'robots': {
      for (const u of sitemapsFromRobots(page.body, pageUrl)) if (allowed(u)) out.discover(u, 'sitemap', job.depth);
      break;
    }
  }
  return out.result();
}

/** Newest lastmod first; undated ones keep their order after the dated ones. */
function newestFirst(refs: SitemapRef[]): SitemapRef[] {
  const at = (r: SitemapRef) => (r.lastmod ? Date.parse(r.lastmod) : -Infinity);
  return refs.map((r, i) => ({ r, i })).sort((a, b) => at(b.r) - at(a.r) || a.i - b.i).map(({ r }) => r);
}

/** Builds job payloads: canonical URLs, first occurrence wins. */
class Collector {
  private readonly articles = new Map<string, ArticleJob>();
  private readonly discovers = new Map<string, DiscoverJob>();

  constructor(private readonly source: string, private readonly from?: string) {}

  article(href: string, depth: number, dateHint?: string | null): void {
    const url = canonicalizeUrl(href);
    if (!url || this.articles.has(url)) return;
    const job: ArticleJob = { url, source: this.source, depth };
    if (this.from) job.from = this.from;
    if (dateHint) job.dateHint = dateHint;
    this.articles.set(url, job);
  }

  discover(href: string, kind: DiscoverKind, depth: number): void {
    const url = canonicalizeUrl(href);
    if (!url || url === this.from || this.discovers.has(url)) return;
    const job: DiscoverJob = { url, source: this.source, kind, depth };
    if (this.from) job.from = this.from;
    this.discovers.set(url, job);
  }

  result(): Discovered {
    return { articles: [...this.articles.values()], discover: [...this.discovers.values()] };
  }
}
