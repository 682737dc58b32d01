import { canonicalizeUrl } from '../urls/canonical.ts';
import { parseFeedDate } from './dates.ts';
import { DiscoveryError } from './errors.ts';
import { asList, asNode, looksGzipped, looksLikeHtml, parseXml, textOf, trimBody, unparseableXml } from './xml.ts';

export interface NewsInfo {
  publicationDate: string | null;
  title: string | null;
  language: string | null;
}

export interface SitemapEntry {
  /** Canonical page URL. */
  url: string;
  lastmod: string | null;
  /** Google News extension (<news:news>), when present. */
  news: NewsInfo | null;
}

export interface SitemapRef {
  url: string;
  lastmod: string | null;
}

export interface ParsedSitemap {
  entries: SitemapEntry[];
  /** Child sitemaps of a sitemap index. */
  sitemaps: SitemapRef[];
}

/**
 * A sitemap body as the fetcher returns it (a decoded string: the fetch stage gunzips
 * .xml.gz and Content-Encoding: gzip). Handles <urlset> (with the Google News extension),
 * <sitemapindex> and plain-text sitemaps (one URL per line).
 */
export function parseSitemap(body: string, sitemapUrl: string, timeZone: string, contentType: string | null = null): ParsedSitemap {
  if (looksGzipped(body)) throw new DiscoveryError('sitemap-still-gzipped', `${sitemapUrl}: body is gzip data; the fetch stage should have decompressed it`);
  const text = trimBody(body);
  if (looksLikeHtml(text, contentType)) throw new DiscoveryError('sitemap-is-html', `${sitemapUrl}: expected a sitemap, got an HTML page`);
  if (!text.startsWith('<')) return { entries: parsePlainText(text, sitemapUrl), sitemaps: [] };

  const { doc, invalid } = parseXml(text, sitemapUrl);
  const urlset = asNode(doc.urlset);
  const index = asNode(doc.sitemapindex);
  if (!urlset && !index && invalid) throw unparseableXml(sitemapUrl, invalid);
  if (!urlset && !index) throw new DiscoveryError('not-a-sitemap', `${sitemapUrl}: XML root is not urlset or sitemapindex`);

  const entries: SitemapEntry[] = [];
  for (const raw of asList(urlset?.url)) {
    const node = asNode(raw);
    const url = canonicalizeUrl(textOf(node?.loc) ?? '', sitemapUrl);
    if (!node || !url) continue;
    const news = asNode(node.news);
    entries.push({
      url,
      lastmod: parseFeedDate(textOf(node.lastmod), timeZone),
      news: news
        ? {
            publicationDate: parseFeedDate(textOf(news.publication_date), timeZone),
            title: textOf(news.title) ?? null,
            language: textOf(asNode(news.publication)?.language) ?? null,
          }
        : null,
    });
  }

  const sitemaps: SitemapRef[] = [];
  for (const raw of asList(index?.sitemap)) {
    const node = asNode(raw);
    const url = canonicalizeUrl(textOf(node?.loc) ?? '', sitemapUrl);
    if (node && url) sitemaps.push({ url, lastmod: parseFeedDate(textOf(node.lastmod), timeZone) });
  }
  if (invalid && !entries.length && !sitemaps.length) throw unparseableXml(sitemapUrl, invalid);
  return { entries, sitemaps };
}

function parsePlainText(text: string, sitemapUrl: string): SitemapEntry[] {
  const entries: SitemapEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const candidate = line.trim();
    if (!/^https?:\/\//i.test(candidate)) continue; // blank lines, comments
    const url = canonicalizeUrl(candidate, sitemapUrl);
    if (url) entries.push({ url, lastmod: null, news: null });
  }
  return entries;
}
