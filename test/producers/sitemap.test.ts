import { describe, expect, it } from 'vitest';
import { DiscoveryError } from '../../src/producers/errors.ts';
import { parseSitemap } from '../../src/producers/sitemap.ts';
import { sitemapsFromRobots } from '../../src/producers/robots.ts';

const VN = 'Asia/Ho_Chi_Minh';

const URLSET = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://tin.example.vn/the-thao/doi-tuyen-thang-dam-4802001.html</loc>
    <lastmod>2026-09-14T20:00:00+07:00</lastmod>
    <image:image><image:loc>https://cdn.example.vn/a.jpg</image:loc><image:title>Ảnh</image:title></image:image>
  </url>
  <url><loc> https://tin.example.vn/giai-tri/le-hoi-den-long-4802002.html?utm_source=sitemap </loc><lastmod>2026-09-01</lastmod></url>
  <url><loc>mailto:toa-soan@example.vn</loc></url>
</urlset>`;

const NEWS = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://tin.example.vn/thoi-su/bao-so-5-do-bo-4803001.html</loc>
    <news:news>
      <news:publication><news:name>Tin Ví Dụ</news:name><news:language>vi</news:language></news:publication>
      <news:publication_date>2026-09-14T06:15:00+07:00</news:publication_date>
      <news:title>Bão số 5 đổ bộ vào các tỉnh miền Trung</news:title>
    </news:news>
  </url>
</urlset>`;

const INDEX = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://tin.example.vn/sitemaps/2026-09.xml</loc><lastmod>2026-09-14T00:00:00+07:00</lastmod></sitemap>
  <sitemap><loc>/sitemaps/news.xml</loc></sitemap>
</sitemapindex>`;

describe('parseSitemap', () => {
  it('reads a urlset: canonical locs and lastmod, invalid locs dropped', () => {
    expect(parseSitemap(URLSET, 'https://tin.example.vn/sitemap.xml', VN)).toEqual({
      entries: [
        { url: 'https://tin.example.vn/the-thao/doi-tuyen-thang-dam-4802001.html', lastmod: '2026-09-14T20:00:00+07:00', news: null },
        { url: 'https://tin.example.vn/giai-tri/le-hoi-den-long-4802002.html', lastmod: '2026-09-01T00:00:00+07:00', news: null },
      ],
      sitemaps: [],
    });
  });

  it('reads the Google News extension', () => {
    const { entries } = parseSitemap(NEWS, 'https://tin.example.vn/news.xml', VN);
    expect(entries).toEqual([
      {
        url: 'https://tin.example.vn/thoi-su/bao-so-5-do-bo-4803001.html',
        lastmod: null,
        news: { publicationDate: '2026-09-14T06:15:00+07:00', title: 'Bão số 5 đổ bộ vào các tỉnh miền Trung', language: 'vi' },
      },
    ]);
  });

  it('reads the news extension whatever its namespace prefix', () => {
    const other = NEWS.replaceAll('news:', 'n:').replace('xmlns:news=', 'xmlns:n=');
    expect(parseSitemap(other, 'https://tin.example.vn/news.xml', VN).entries[0].news?.publicationDate).toBe('2026-09-14T06:15:00+07:00');
  });

  it('reads a sitemap index with relative locs', () => {
    expect(parseSitemap(INDEX, 'https://tin.example.vn/sitemap.xml', VN)).toEqual({
      entries: [],
      sitemaps: [
        { url: 'https://tin.example.vn/sitemaps/2026-09.xml', lastmod: '2026-09-14T00:00:00+07:00' },
        { url: 'https://tin.example.vn/sitemaps/news.xml', lastmod: null },
      ],
    });
  });

  it('reads a plain-text sitemap, one URL per line', () => {
    const text = '\uFEFFhttps://tin.example.vn/a-b-c-d-100001.html\r\n\n# ghi chú\nhttps://tin.example.vn/e-f-g-h-100002.html#x\nftp://x\n';
    expect(parseSitemap(text, 'https://tin.example.vn/sitemap.txt', VN, 'text/plain').entries.map((e) => e.url)).toEqual([
      'https://tin.example.vn/a-b-c-d-100001.html',
      'https://tin.example.vn/e-f-g-h-100002.html',
    ]);
  });

  it('rejects HTML, broken XML and foreign XML with a reason', () => {
    const reason = (body: string) => {
      try {
        parseSitemap(body, 'https://tin.example.vn/sitemap.xml', VN);
        return 'no error';
      } catch (err) {
        return (err as DiscoveryError).reason;
      }
    };
    expect(reason('<!doctype html><html><body>404</body></html>')).toBe('sitemap-is-html');
    expect(reason('<urlset><url><loc></url></urlset>')).toBe('unparseable-xml');
    expect(reason('<rss version="2.0"><channel/></rss>')).toBe('not-a-sitemap');
  });
});

describe('sitemapsFromRobots', () => {
  it('returns the Sitemap: lines, canonical and resolved', () => {
    const robots = 'User-agent: *\nDisallow: /tim-kiem\n\nSitemap: https://tin.example.vn/sitemap.xml\nsitemap: /news-sitemap.xml\nSitemap: https://tin.example.vn/sitemap.xml\n';
    expect(sitemapsFromRobots(robots, 'https://tin.example.vn/robots.txt')).toEqual([
      'https://tin.example.vn/sitemap.xml',
      'https://tin.example.vn/news-sitemap.xml',
    ]);
    expect(sitemapsFromRobots('User-agent: *\nDisallow:\n', 'https://tin.example.vn/robots.txt')).toEqual([]);
  });
});
