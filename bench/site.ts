/**
 * A large generated news site, served in-process: N article pages rendered on demand by the
 * sample site's five templates from seeded random Vietnamese-like text (so the same N gives
 * the same pages in every run), a sitemap index with child sitemaps, and robots.txt.
 * Used by the benchmarks and the reliability tests. Pages are rendered on demand; with `cache`
 * all of them are rendered once at start and served from memory (the benchmarks: every crawler
 * in a run gets the same bytes, and the server's CPU goes to serving, not rendering).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Block, SampleArticle } from '../src/demo/articles.ts';
import { renderSitemap } from '../src/demo/templates/feeds.ts';
import { articlePath, renderers, siteStyles } from '../src/demo/templates/index.ts';
import type { Source } from '../src/schemas/config.ts';

export const GENERATED_ARTICLE_PATTERN = '-post\\d+\\.html$';
const FIRST_ID = 500_000;
const SITEMAP_PAGE = 5_000;

// Syllables and words in the register of Vietnamese foreign-affairs news, written for this generator.
const WORDS = (
  'hợp tác phát triển quan hệ đối tác chiến lược toàn diện hai nước khu vực quốc tế kinh tế thương mại đầu tư ' +
  'ngoại giao hội đàm đoàn đại biểu Bộ trưởng Thứ trưởng Chủ tịch Thủ tướng đại sứ quán lãnh sự cộng đồng người Việt ' +
  'biên giới hòa bình ổn định an ninh biển đảo văn hóa giáo dục khoa học công nghệ năng lượng nông nghiệp thủy sản ' +
  'diễn đàn hội nghị thượng đỉnh tuyên bố chung thỏa thuận ký kết triển khai thúc đẩy tăng cường củng cố mở rộng ' +
  'nhất trí khẳng định đánh giá cao ghi nhận đề nghị mong muốn sẵn sàng tiếp tục phối hợp chặt chẽ hiệu quả thực chất ' +
  'kim ngạch song phương tăng trưởng doanh nghiệp du lịch lao động chuyển đổi số xanh bền vững chuỗi cung ứng ' +
  'Liên hợp quốc ASEAN Mê Kông châu Âu châu Phi Trung Đông Nam Á Đông Bắc Á Thái Bình Dương Ấn Độ Dương ' +
  'chính phủ nhân dân địa phương tỉnh thành phố cửa khẩu hải quan xuất khẩu nhập khẩu hàng hóa dịch vụ ' +
  'năm nay tháng tới giai đoạn tầm nhìn kế hoạch hành động chương trình dự án nguồn lực chính sách cơ chế'
).split(' ');
const FIRST_NAMES = ['Minh', 'Hà', 'Lan', 'Khang', 'Thảo', 'Dũng', 'Hương', 'Quang', 'Trang', 'Bình', 'Ngọc', 'Tuấn'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const SECTIONS = ['Thế giới', 'Chính trị', 'Kinh tế', 'Biên giới', 'Người Việt bốn phương'];
const AGENCIES: [string | null, string | null][] = [
  ['NDO', 'NDO'],
  ['TTXVN', 'TTXVN'],
  ['(PLVN)', 'PLVN'],
  [null, null],
];

/** mulberry32: small, fast, seedable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(r: () => number, min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(r() * WORDS.length)]);
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function paragraph(r: () => number): string {
  const n = 2 + Math.floor(r() * 3);
  return Array.from({ length: n }, () => sentence(r, 12, 24)).join(' ');
}

const slugOf = (i: number) => `bai-viet-tong-hop-so-${i}-hop-tac-khu-vuc`;

/** The article URLs of a generated site with `count` pages at baseUrl, in id order. */
export function generatedArticleUrls(baseUrl: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => baseUrl + articlePath({ slug: slugOf(i), id: FIRST_ID + i }));
}

/** Article number i (0-based) of a generated site: deterministic. */
export function generatedArticle(i: number): SampleArticle {
  const r = rng(i * 2654435761 + 17);
  const [agencyPrefix, agency] = AGENCIES[i % AGENCIES.length];
  const blocks: Block[] = [];
  const paragraphs = 4 + Math.floor(r() * 4);
  for (let k = 0; k < paragraphs; k++) {
    if (k === 3) blocks.push({ kind: 'h2', text: sentence(r, 5, 9).slice(0, -1) });
    blocks.push({ kind: 'p', text: paragraph(r) });
  }
  const minute = i % 60;
  const day = 1 + (i % 28);
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  return {
    id: FIRST_ID + i,
    slug: slugOf(i),
    title: `${sentence(r, 8, 14).slice(0, -1)} (số ${i})`,
    lead: sentence(r, 20, 32),
    agencyPrefix,
    agency,
    blocks,
    images: [{ file: `anh-${i}.jpg`, caption: sentence(r, 6, 10).slice(0, -1), credit: 'Ảnh tư liệu', afterBlock: 1 }],
    authors: [`${pick(FAMILY)} ${pick(FIRST_NAMES)}`],
    publishedAt: `2026-10-${String(day).padStart(2, '0')}T${String(6 + (i % 14)).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`,
    section: SECTIONS[i % SECTIONS.length],
    tags: [pick(WORDS), pick(WORDS)],
  };
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface GeneratedSiteOptions {
  /** Article pages (default 20,000). */
  pages?: number;
  /** Extra paths served by the caller (fault pages in the reliability tests). */
  routes?: Record<string, RouteHandler>;
  /** robots.txt body (default: allow all). */
  robots?: string;
  /** Render every article page up front and serve it from memory (about 10 KB per page). */
  cache?: boolean;
}

export interface GeneratedSite {
  baseUrl: string;
  pages: number;
  /** Every article URL, in id order. */
  articleUrls(): string[];
  /** Article page requests served so far (all clients). */
  hits(): number;
  close(): Promise<void>;
}

/** A config source for the site with politeness limits off (local benchmarks and tests only). */
export function generatedSource(baseUrl: string, over: Partial<Source> = {}): Source {
  return {
    id: 'gen',
    urls: [],
    listings: [],
    feeds: [],
    sitemaps: [`${baseUrl}/sitemap.xml`],
    articleUrlPattern: GENERATED_ARTICLE_PATTERN,
    maxDepth: 1,
    allowOtherSites: false,
    timezone: 'Asia/Ho_Chi_Minh',
    rateLimit: false,
    allowPrivateNetworks: true,
    respectRobots: false,
    ...over,
  };
}

export async function startGeneratedSite(opts: GeneratedSiteOptions = {}): Promise<GeneratedSite> {
  const count = opts.pages ?? 20_000;
  const sitemapCount = Math.max(1, Math.ceil(count / SITEMAP_PAGE));
  let baseUrl = '';
  let hits = 0;
  const urlOf = (i: number) => baseUrl + articlePath({ slug: slugOf(i), id: FIRST_ID + i });
  const indexOfPath = (path: string): number | null => {
    const m = /^\/bai-viet-tong-hop-so-(\d+)-hop-tac-khu-vuc-post(\d+)\.html$/.exec(path);
    if (!m) return null;
    const i = Number(m[1]);
    return i < count && Number(m[2]) === FIRST_ID + i ? i : null;
  };

  function route(path: string): { type: string; body: string } | null {
    if (path === '/robots.txt') return { type: 'text/plain', body: opts.robots ?? `User-agent: *\nAllow: /\nSitemap: ${baseUrl}/sitemap.xml\n` };
    if (path === '/sitemap.xml') {
      const items = Array.from({ length: sitemapCount }, (_, k) => `  <sitemap><loc>${baseUrl}/sitemap-${k + 1}.xml</loc></sitemap>`);
      return { type: 'application/xml', body: `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n` };
    }
    const sm = /^\/sitemap-(\d+)\.xml$/.exec(path);
    if (sm) {
      const k = Number(sm[1]) - 1;
      if (k < 0 || k >= sitemapCount) return null;
      const urls = [];
      for (let i = k * SITEMAP_PAGE; i < Math.min(count, (k + 1) * SITEMAP_PAGE); i++) urls.push({ loc: urlOf(i) });
      return { type: 'application/xml', body: renderSitemap(urls) };
    }
    const i = indexOfPath(path);
    if (i === null) return null;
    hits++;
    const a = generatedArticle(i);
    const related = [1, 2, 3].map((d) => generatedArticle((i + d) % count));
    const style = siteStyles[i % siteStyles.length];
    return { type: 'text/html; charset=utf-8', body: renderers[style](a, { baseUrl, related, url: urlOf(i) }) };
  }

  const cache = new Map<string, { type: string; body: Buffer }>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://generated.invalid').pathname;
    const custom = opts.routes?.[path];
    if (custom) return custom(req, res);
    let hit = req.method === 'GET' && opts.cache ? cache.get(path) : undefined;
    if (hit) {
      if (indexOfPath(path) !== null) hits++;
    } else {
      const found = req.method === 'GET' ? route(path) : null;
      if (!found) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html lang="vi"><body><h1>Không tìm thấy trang</h1></body></html>');
        return;
      }
      hit = { type: found.type, body: Buffer.from(found.body, 'utf8') };
      if (opts.cache) cache.set(path, hit);
    }
    res.writeHead(200, { 'content-type': hit.type, 'content-length': hit.body.length });
    res.end(hit.body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (opts.cache) {
    for (let i = 0; i < count; i++) {
      const path = new URL(urlOf(i)).pathname;
      const found = route(path)!;
      cache.set(path, { type: found.type, body: Buffer.from(found.body, 'utf8') });
    }
    hits = 0;
  }
  return {
    baseUrl,
    pages: count,
    articleUrls: () => generatedArticleUrls(baseUrl, count),
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
