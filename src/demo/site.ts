import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Source } from '../schemas/config.ts';
import { type SampleArticle, sampleArticles } from './articles.ts';
import { escapeHtml } from './templates/common.ts';
import { renderRss, renderSitemap } from './templates/feeds.ts';
import { type SiteStyle, articlePath, naturalStyle, renderers, sectionPath } from './templates/index.ts';
import { listingLink, renderListing, type ListingLink } from './templates/listing.ts';

export interface SampleSite {
  baseUrl: string;
  close(): Promise<void>;
  /** expected distinct articles (what a clean crawl must write), keyed by article URL */
  expected: { url: string; article: SampleArticle }[];
  duplicateUrls: string[];
  failingUrls: { url: string; reason: string }[];
}

export interface SampleSiteOptions {
  port?: number;
  host?: string;
  style?: 'mixed' | SiteStyle;
  articles?: SampleArticle[];
}

export const ARTICLE_URL_PATTERN = '-post\\d+\\.html$';
export const LISTING_URL_PATTERN = '\\?page=\\d+$';
const HOME_PAGE_SIZE = 8;
const SECTION_PAGE_SIZE = 3;
const SITE_NAME = 'Tin Đối Ngoại - trang mẫu';

// 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const VIDEO_PATH = '/video-le-don-chinh-thuc-tai-phu-chu-tich-post990001.html';

/** The source the demo crawls: the site's home page as the only seed listing. */
export function demoSources(baseUrl: string): Source[] {
  const base = baseUrl.replace(/\/$/, '');
  return [
    {
      id: 'demo',
      name: 'Trang tin mẫu ngoại tuyến',
      urls: [],
      listings: [`${base}/`],
      feeds: [],
      sitemaps: [],
      articleUrlPattern: ARTICLE_URL_PATTERN,
      listingUrlPattern: LISTING_URL_PATTERN,
      maxDepth: 2,
      allowOtherSites: false,
      timezone: 'Asia/Ho_Chi_Minh',
      rateLimit: { perSecond: 50, concurrency: 8 },
      allowPrivateNetworks: true,
      respectRobots: true,
    },
  ];
}

function pages<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

/** A page that matches the article URL pattern but holds no article: a video with a title and one line. */
function renderVideoPage(): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>Video: Lễ đón chính thức tại Phủ Chủ tịch - ${escapeHtml(SITE_NAME)}</title>
<meta property="og:type" content="video.other"><meta property="og:title" content="Video: Lễ đón chính thức tại Phủ Chủ tịch"></head>
<body>
<header><a href="/">${escapeHtml(SITE_NAME)}</a> <nav><a href="/">Trang chủ</a> <a href="/video">Video</a></nav></header>
<main class="video-detail">
  <h1>Video: Lễ đón chính thức tại Phủ Chủ tịch</h1>
  <video controls width="960" poster="/images/video-poster.jpg"><source src="/media/le-don.mp4" type="video/mp4"></video>
  <p class="video-desc">Toàn cảnh lễ đón, thời lượng 2 phút.</p>
  <div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a></div>
</main>
<footer><p>© ${escapeHtml(SITE_NAME)}</p></footer>
</body>
</html>
`;
}

/** Start the offline sample news site on 127.0.0.1 (port 0 = any free port). */
export async function startSampleSite(opts: SampleSiteOptions = {}): Promise<SampleSite> {
  const host = opts.host ?? '127.0.0.1';
  const style = opts.style ?? 'mixed';
  const articles = [...(opts.articles ?? sampleArticles)].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
  if (articles.length === 0) throw new Error('startSampleSite: no articles');
  const styleOf = (a: SampleArticle): SiteStyle => (style === 'mixed' ? naturalStyle(a) : style);

  // The newest article (first on the home page) is also reachable under a "print version" URL,
  // linked only from the last home page, so a crawl meets the original first.
  const duplicated = articles[0];
  const duplicatePath = `/${duplicated.slug}-ban-in-post${duplicated.id}.html`;

  const byPath = new Map<string, SampleArticle>();
  for (const a of articles) byPath.set(articlePath(a), a);
  byPath.set(duplicatePath, duplicated);

  const sections = [...new Set(articles.map((a) => a.section))].map((name) => ({ name, href: sectionPath(name) }));
  const homePages = pages(
    articles.map((a) => listingLink(articlePath(a), a)),
    HOME_PAGE_SIZE,
  );
  homePages[homePages.length - 1].push({ ...listingLink(duplicatePath, duplicated), title: `${duplicated.title} (bản in)` });
  const videoBox = `<section class="box-video"><h2>Video</h2><ul><li><a href="${VIDEO_PATH}">Video: Lễ đón chính thức tại Phủ Chủ tịch</a></li></ul></section>`;

  let baseUrl = '';
  const related = (a: SampleArticle): SampleArticle[] => {
    const i = articles.indexOf(a);
    return [...articles.slice(i + 1), ...articles.slice(0, i)].slice(0, 9);
  };

  function listing(items: ListingLink[][], page: number, heading: string, pageHref: (n: number) => string, extra?: string): string | null {
    if (!Number.isInteger(page) || page < 1 || page > items.length) return null;
    return renderListing({ siteName: SITE_NAME, heading, items: items[page - 1], page, pageCount: items.length, pageHref, sections, extra });
  }

  function route(path: string, query: URLSearchParams): { type: string; body: string | Buffer } | null {
    const page = query.has('page') ? Number(query.get('page')) : 1;
    if (path === '/') {
      const html = listing(homePages, page, 'Tin mới nhất', (n) => (n === 1 ? '/' : `/?page=${n}`), page === 1 ? videoBox : undefined);
      return html === null ? null : { type: 'text/html; charset=utf-8', body: html };
    }
    if (path === '/robots.txt') {
      return { type: 'text/plain; charset=utf-8', body: `User-agent: *\nAllow: /\n\nSitemap: ${baseUrl}/sitemap.xml\n` };
    }
    if (path === '/rss.xml') {
      const items = articles.slice(0, 15).map((a) => ({ url: baseUrl + articlePath(a), article: a }));
      return { type: 'application/rss+xml; charset=utf-8', body: renderRss({ baseUrl, title: SITE_NAME, items }) };
    }
    if (path === '/sitemap.xml') {
      const urls = articles.map((a) => ({ loc: baseUrl + articlePath(a), lastmod: a.publishedAt }));
      urls.push({ loc: baseUrl + VIDEO_PATH, lastmod: articles[0].publishedAt });
      return { type: 'application/xml; charset=utf-8', body: renderSitemap(urls) };
    }
    if (path.startsWith('/images/')) return { type: 'image/png', body: PNG };
    if (path === VIDEO_PATH) return { type: 'text/html; charset=utf-8', body: renderVideoPage() };
    const article = byPath.get(path);
    if (article) {
      const html = renderers[styleOf(article)](article, { baseUrl, related: related(article), url: baseUrl + path });
      return { type: 'text/html; charset=utf-8', body: html };
    }
    const section = sections.find((s) => s.href === path);
    if (section) {
      const items = pages(
        articles.filter((a) => a.section === section.name).map((a) => listingLink(articlePath(a), a)),
        SECTION_PAGE_SIZE,
      );
      const html = listing(items, page, section.name, (n) => `${section.href}?page=${n}`);
      return html === null ? null : { type: 'text/html; charset=utf-8', body: html };
    }
    return null;
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sample.invalid');
    const found = req.method === 'GET' || req.method === 'HEAD' ? route(url.pathname, url.searchParams) : null;
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : '<!DOCTYPE html><html lang="vi"><body><h1>Không tìm thấy trang</h1></body></html>');
      return;
    }
    const body = typeof found.body === 'string' ? Buffer.from(found.body, 'utf8') : found.body;
    res.writeHead(200, { 'content-type': found.type, 'content-length': body.length, 'cache-control': 'max-age=60' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    baseUrl,
    expected: articles.map((article) => ({ url: baseUrl + articlePath(article), article })),
    duplicateUrls: [baseUrl + duplicatePath],
    failingUrls: [{ url: baseUrl + VIDEO_PATH, reason: 'no-article' }],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
