import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { SampleArticle } from '../../src/demo/articles.ts';
import { articlePath, renderers, type SiteStyle } from '../../src/demo/templates/index.ts';
import { renderListing, listingLink } from '../../src/demo/templates/listing.ts';
import { renderRss } from '../../src/demo/templates/feeds.ts';

// Small news sites in the sample templates, each on its own 127.0.0.1 port, for integration tests.

export type Discovery = 'listing' | 'feed' | 'sitemap';

export interface TestSite {
  baseUrl: string;
  articles: SampleArticle[];
  /** Paths requested, in order, for asserting what was (not) fetched. */
  hits: string[];
  close(): Promise<void>;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const OLD_PATH = '/bai-cu-tu-nam-2010-post100001.html';
const PAGE_SIZE = 2;

const urlset = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${items}\n</urlset>`;

/** One site on its own port, discovered one way: paginated listing, RSS feed, or sitemap index (news + gzip). */
export async function startSite(style: SiteStyle, discovery: Discovery, articles: SampleArticle[]): Promise<TestSite> {
  const hits: string[] = [];
  let baseUrl = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl);
    hits.push(url.pathname + url.search);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    const newestFirst = [...articles].reverse();
    if (url.pathname === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nAllow: /\n');
    if (url.pathname === '/tin-moi' && discovery === 'listing') {
      const pageCount = Math.max(1, Math.ceil(newestFirst.length / PAGE_SIZE));
      const page = Number(url.searchParams.get('page') ?? '1');
      const items = newestFirst.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((a) => listingLink(articlePath(a), a));
      return send(200, 'text/html; charset=utf-8', renderListing({ siteName: style, heading: 'Tin mới', items, page, pageCount, pageHref: (n) => `/tin-moi?page=${n}`, sections: [] }));
    }
    if (url.pathname === '/rss.xml' && discovery === 'feed') {
      return send(200, 'application/rss+xml', renderRss({ baseUrl, title: style, items: newestFirst.map((a) => ({ url: baseUrl + articlePath(a), article: a })) }));
    }
    if (url.pathname === '/sitemap-index.xml' && discovery === 'sitemap') {
      return send(200, 'application/xml', `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${baseUrl}/sitemap-news.xml.gz</loc></sitemap><sitemap><loc>${baseUrl}/sitemap-2010.xml</loc></sitemap></sitemapindex>`);
    }
    if (url.pathname === '/sitemap-news.xml.gz' && discovery === 'sitemap') {
      const items = newestFirst
        .map((a) => `<url><loc>${baseUrl}${articlePath(a)}</loc><news:news><news:publication><news:name>${style}</news:name><news:language>vi</news:language></news:publication><news:publication_date>${a.publishedAt}</news:publication_date><news:title>${a.title}</news:title></news:news></url>`)
        .join('\n');
      return send(200, 'application/gzip', gzipSync(urlset(items)));
    }
    if (url.pathname === '/sitemap-2010.xml' && discovery === 'sitemap') {
      return send(200, 'application/xml', urlset(`<url><loc>${baseUrl}${OLD_PATH}</loc><lastmod>2010-05-01</lastmod></url>`));
    }
    if (url.pathname.startsWith('/images/')) return send(200, 'image/png', PNG);
    const article = articles.find((a) => articlePath(a) === url.pathname);
    if (article) return send(200, 'text/html; charset=utf-8', renderers[style](article, { baseUrl, related: articles.filter((a) => a !== article).slice(0, 4) }));
    send(404, 'text/html', '<h1>Không tìm thấy trang</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { baseUrl, articles, hits, close: () => new Promise((r) => server.close(() => r())) };
}

