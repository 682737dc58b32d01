import { describe, expect, it } from 'vitest';
import { DiscoveryError, MAX_CHILD_SITEMAPS, MAX_SITEMAP_DEPTH, discoverFromPage, seedJobs } from '../../src/producers/index.ts';
import { ArticleJobSchema, DiscoverJobSchema, type DiscoverJob } from '../../src/schemas/job.ts';
import { makeSource } from './source.ts';

const NOW = new Date('2026-09-15T00:00:00Z');
const job = (kind: DiscoverJob['kind'], url: string, depth = 0): DiscoverJob => ({ url, source: 'tin-test', kind, depth });

describe('seedJobs', () => {
  it('turns urls into articles and listings/feeds/sitemaps/robots.txt into depth-0 discover jobs', () => {
    const source = makeSource({
      urls: ['https://tin.example.vn/thoi-su/bai-mot-hai-ba-4806001.html?utm_source=x', 'https://tin.example.vn/thoi-su/bai-mot-hai-ba-4806001.html'],
      listings: ['https://tin.example.vn/thoi-su'],
      feeds: ['https://tin.example.vn/rss/tin-moi.rss'],
      sitemaps: ['https://tin.example.vn/sitemap.xml', 'https://tin.example.vn/robots.txt'],
    });
    const seeded = seedJobs(source);
    expect(seeded.articles).toEqual([{ url: 'https://tin.example.vn/thoi-su/bai-mot-hai-ba-4806001.html', source: 'tin-test', depth: 0 }]);
    expect(seeded.discover).toEqual([
      { url: 'https://tin.example.vn/thoi-su', source: 'tin-test', kind: 'listing', depth: 0 },
      { url: 'https://tin.example.vn/rss/tin-moi.rss', source: 'tin-test', kind: 'feed', depth: 0 },
      { url: 'https://tin.example.vn/sitemap.xml', source: 'tin-test', kind: 'sitemap', depth: 0 },
      { url: 'https://tin.example.vn/robots.txt', source: 'tin-test', kind: 'robots', depth: 0 },
    ]);
    for (const a of seeded.articles) ArticleJobSchema.parse(a);
    for (const d of seeded.discover) DiscoverJobSchema.parse(d);
  });
});

describe('discoverFromPage: feeds', () => {
  const rss = `<rss version="2.0"><channel>
    <item><link>https://tin.example.vn/a/moi-dang-sang-nay-4807001.html</link><pubDate>Mon, 14 Sep 2026 08:00:00 +0700</pubDate></item>
    <item><link>https://tin.example.vn/a/tu-thang-truoc-4807002.html</link><pubDate>Fri, 14 Aug 2026 08:00:00 +0700</pubDate></item>
    <item><link>https://tin.example.vn/a/khong-co-ngay-4807003.html</link></item>
    <item><link>https://trang-khac.com/a/bai-ngoai-4807004.html</link><pubDate>Mon, 14 Sep 2026 08:00:00 +0700</pubDate></item>
  </channel></rss>`;
  const feedUrl = 'https://tin.example.vn/rss/tin-moi.rss';

  it('emits same-site items with dateHint, skipping dated items older than maxAgeDays', () => {
    const source = makeSource({ feeds: [feedUrl], maxAgeDays: 7 });
    const found = discoverFromPage(job('feed', feedUrl), { url: feedUrl, body: rss, contentType: 'application/rss+xml' }, source, NOW);
    expect(found.discover).toEqual([]);
    expect(found.articles).toEqual([
      { url: 'https://tin.example.vn/a/moi-dang-sang-nay-4807001.html', source: 'tin-test', depth: 1, from: feedUrl, dateHint: '2026-09-14T08:00:00+07:00' },
      { url: 'https://tin.example.vn/a/khong-co-ngay-4807003.html', source: 'tin-test', depth: 1, from: feedUrl },
    ]);
  });

  it('keeps everything without maxAgeDays and with allowOtherSites; applies articleUrlPattern', () => {
    const open = makeSource({ feeds: [feedUrl], allowOtherSites: true });
    expect(discoverFromPage(job('feed', feedUrl), { url: feedUrl, body: rss, contentType: null }, open, NOW).articles).toHaveLength(4);
    const patterned = makeSource({ feeds: [feedUrl], articleUrlPattern: 'khong-co-ngay' });
    expect(discoverFromPage(job('feed', feedUrl), { url: feedUrl, body: rss, contentType: null }, patterned, NOW).articles.map((a) => a.url)).toEqual([
      'https://tin.example.vn/a/khong-co-ngay-4807003.html',
    ]);
  });

  it('throws feed-is-html for an HTML page', () => {
    const source = makeSource({ feeds: [feedUrl] });
    const page = { url: feedUrl, body: '<!DOCTYPE html><html><body>Trang lỗi</body></html>', contentType: 'text/html' };
    expect(() => discoverFromPage(job('feed', feedUrl), page, source, NOW)).toThrow(DiscoveryError);
    expect(() => discoverFromPage(job('feed', feedUrl), page, source, NOW)).toThrow(expect.objectContaining({ reason: 'feed-is-html' }));
  });
});

describe('discoverFromPage: sitemaps', () => {
  const smUrl = 'https://tin.example.vn/sitemap.xml';
  const source = makeSource({ sitemaps: [smUrl], maxAgeDays: 3 });

  it('filters urlset entries on news publication date, else lastmod; news date becomes dateHint', () => {
    const body = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://tin.example.vn/a/tin-nong-4808001.html</loc><news:news><news:publication_date>2026-09-14T21:00:00+07:00</news:publication_date><news:title>Tin nóng</news:title></news:news></url>
      <url><loc>https://tin.example.vn/a/tin-cu-sua-lai-4808002.html</loc><lastmod>2026-09-14</lastmod><news:news><news:publication_date>2026-08-01T09:00:00+07:00</news:publication_date></news:news></url>
      <url><loc>https://tin.example.vn/a/sua-gan-day-4808003.html</loc><lastmod>2026-09-13T10:00:00+07:00</lastmod></url>
      <url><loc>https://tin.example.vn/a/lau-roi-4808004.html</loc><lastmod>2026-06-01</lastmod></url>
      <url><loc>https://tin.example.vn/a/khong-ngay-4808005.html</loc></url>
    </urlset>`;
    const found = discoverFromPage(job('sitemap', smUrl), { url: smUrl, body, contentType: 'application/xml' }, source, NOW);
    expect(found.articles).toEqual([
      { url: 'https://tin.example.vn/a/tin-nong-4808001.html', source: 'tin-test', depth: 1, from: smUrl, dateHint: '2026-09-14T21:00:00+07:00' },
      { url: 'https://tin.example.vn/a/sua-gan-day-4808003.html', source: 'tin-test', depth: 1, from: smUrl },
      { url: 'https://tin.example.vn/a/khong-ngay-4808005.html', source: 'tin-test', depth: 1, from: smUrl },
    ]);
  });

  it('turns an index into child sitemap jobs at depth+1: fresh first, old skipped, bounded count and depth', () => {
    const children = Array.from({ length: MAX_CHILD_SITEMAPS + 10 }, (_, i) => `<sitemap><loc>/sm/undated-${i}.xml</loc></sitemap>`).join('');
    const body = `<sitemapindex>
      <sitemap><loc>/sm/2026-06.xml</loc><lastmod>2026-06-30</lastmod></sitemap>
      ${children}
      <sitemap><loc>/sm/2026-09-14.xml</loc><lastmod>2026-09-14T23:00:00+07:00</lastmod></sitemap>
      <sitemap><loc>https://trang-khac.com/sm.xml</loc></sitemap>
    </sitemapindex>`;
    const found = discoverFromPage(job('sitemap', smUrl, 1), { url: smUrl, body, contentType: 'application/xml' }, source, NOW);
    expect(found.articles).toEqual([]);
    expect(found.discover).toHaveLength(MAX_CHILD_SITEMAPS);
    expect(found.discover[0]).toEqual({ url: 'https://tin.example.vn/sm/2026-09-14.xml', source: 'tin-test', kind: 'sitemap', depth: 2, from: smUrl });
    expect(found.discover.map((d) => d.url)).not.toContain('https://tin.example.vn/sm/2026-06.xml');
    expect(found.discover.every((d) => d.url.startsWith('https://tin.example.vn/'))).toBe(true);

    const tooDeep = discoverFromPage(job('sitemap', smUrl, MAX_SITEMAP_DEPTH), { url: smUrl, body, contentType: null }, source, NOW);
    expect(tooDeep.discover).toEqual([]);
  });

  it('robots.txt Sitemap: lines become sitemap jobs (same site only)', () => {
    const robotsUrl = 'https://tin.example.vn/robots.txt';
    const body = 'User-agent: *\nDisallow: /admin\nSitemap: https://tin.example.vn/sitemap-news.xml\nSitemap: https://spam.example.com/sm.xml\n';
    expect(discoverFromPage(job('robots', robotsUrl), { url: robotsUrl, body, contentType: 'text/plain' }, source, NOW).discover).toEqual([
      { url: 'https://tin.example.vn/sitemap-news.xml', source: 'tin-test', kind: 'sitemap', depth: 0, from: robotsUrl },
    ]);
  });
});

describe('discoverFromPage: listings', () => {
  const listUrl = 'https://tin.example.vn/the-thao';
  const html = `<html><body>
    <a href="/the-thao/chien-thang-kich-tinh-phut-cuoi-4809001.html">1</a>
    <a href="/the-thao/hlv-noi-gi-sau-tran-dau-4809002.html">2</a>
    <a href="/the-thao/chien-thang-kich-tinh-phut-cuoi-4809001.html?utm_source=box">1 lại</a>
    <a href="/the-thao">Thể thao</a>
    <a href="/the-thao?p=2">2</a>
    <a href="https://trang-khac.com/the-thao/bai-ngoai-site-4809003.html">ngoài</a>
  </body></html>`;
  const page = { url: listUrl, body: html, contentType: 'text/html' };

  it('article links become articles at depth+1; listing links are followed while depth+1 <= maxDepth', () => {
    const source = makeSource({ listings: [listUrl], listingUrlPattern: '/the-thao', maxDepth: 2 });
    const first = discoverFromPage(job('listing', listUrl, 0), page, source, NOW);
    expect(first.articles.map((a) => [a.url, a.depth])).toEqual([
      ['https://tin.example.vn/the-thao/chien-thang-kich-tinh-phut-cuoi-4809001.html', 1],
      ['https://tin.example.vn/the-thao/hlv-noi-gi-sau-tran-dau-4809002.html', 1],
    ]);
    expect(first.discover).toEqual([{ url: 'https://tin.example.vn/the-thao?p=2', source: 'tin-test', kind: 'listing', depth: 1, from: listUrl }]);
    expect(discoverFromPage(job('listing', listUrl, 1), page, source, NOW).discover.map((d) => d.depth)).toEqual([2]);
    const atMax = discoverFromPage(job('listing', listUrl, 2), page, source, NOW);
    expect(atMax.discover).toEqual([]);
    expect(atMax.articles).toHaveLength(2);
  });

  it('maxDepth 0 reads the seed listing only', () => {
    const source = makeSource({ listings: [listUrl], listingUrlPattern: '\\?p=\\d+', maxDepth: 0 });
    expect(discoverFromPage(job('listing', listUrl), page, source, NOW).discover).toEqual([]);
  });

  it('resolves links against the final URL after a redirect', () => {
    const source = makeSource({ listings: [listUrl] });
    const moved = { ...page, url: 'https://tin.example.vn/chuyen-muc/' , body: '<a href="bai-viet-moi-ve-bong-da-4809010.html">x</a>' };
    expect(discoverFromPage(job('listing', listUrl), moved, source, NOW).articles.map((a) => a.url)).toEqual([
      'https://tin.example.vn/chuyen-muc/bai-viet-moi-ve-bong-da-4809010.html',
    ]);
  });
});

describe('discoverFromPage: robustness', () => {
  it('reads a body by its XML root when the job kind is wrong (sitemap under feeds, feed under sitemaps)', () => {
    const url = 'https://tin.example.vn/sitemap-moi.xml';
    const source = makeSource({ feeds: [url] });
    const sitemap = '<urlset><url><loc>https://tin.example.vn/a/bai-trong-sitemap-4811001.html</loc></url></urlset>';
    expect(discoverFromPage(job('feed', url), { url, body: sitemap, contentType: 'text/xml' }, source, NOW).articles.map((a) => a.url)).toEqual([
      'https://tin.example.vn/a/bai-trong-sitemap-4811001.html',
    ]);
    const feed = '<?xml version="1.0"?><!-- rss --><rss version="2.0"><channel><item><link>https://tin.example.vn/a/bai-trong-rss-4811002.html</link></item></channel></rss>';
    expect(discoverFromPage(job('sitemap', url), { url, body: feed, contentType: 'text/xml' }, source, NOW).articles.map((a) => a.url)).toEqual([
      'https://tin.example.vn/a/bai-trong-rss-4811002.html',
    ]);
  });

  it('reports a sitemap that is still gzip data instead of finding nothing', () => {
    const url = 'https://tin.example.vn/sitemap.xml.gz';
    const body = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]).toString('latin1');
    expect(() => discoverFromPage(job('sitemap', url), { url, body, contentType: 'application/gzip' }, makeSource({ sitemaps: [url] }), NOW)).toThrow(
      expect.objectContaining({ reason: 'sitemap-still-gzipped' }),
    );
  });

  it('does not trust the site a listing redirected to', () => {
    const listUrl = 'https://tin.example.vn/moi-nhat';
    const body = '<a href="https://cong-dong-y.com/thong-bao/chap-nhan-cookie-de-tiep-tuc-doc-4811003.html">x</a>';
    const page = { url: 'https://cong-dong-y.com/consent', body, contentType: 'text/html' };
    expect(discoverFromPage(job('listing', listUrl), page, makeSource({ listings: [listUrl] }), NOW).articles).toEqual([]);
  });
});

