import { describe, expect, it } from 'vitest';
import { DiscoveryError } from '../../src/producers/errors.ts';
import { parseFeed } from '../../src/producers/feed.ts';

const VN = 'Asia/Ho_Chi_Minh';
const FEED_URL = 'https://tin.example.vn/rss/thoi-su.rss';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Thời sự</title>
    <link>https://tin.example.vn/thoi-su</link>
    <atom:link href="https://tin.example.vn/rss/thoi-su.rss" rel="self" type="application/rss+xml"/>
    <item>
      <title><![CDATA[Hà Nội mở thêm ba tuyến buýt điện nối sân bay]]></title>
      <link>https://tin.example.vn/thoi-su/ha-noi-mo-them-ba-tuyen-buyt-dien-4801001.html?utm_source=rss&amp;utm_medium=feed</link>
      <pubDate>Mon, 14 Sep 2026 18:48:23 +07:00</pubDate>
      <description><![CDATA[<p>Ba tuyến mới <b>bắt đầu chạy</b> từ tuần sau.<br></p>]]></description>
    </item>
    <item>
      <title>Giá lúa gạo tăng &amp; nông dân phấn khởi</title>
      <link>/kinh-te/gia-lua-gao-tang-4801002.html</link>
      <pubDate>Mon, 14 Sep 26 07:30:00 +0700</pubDate>
    </item>
    <item>
      <title>Chỉ có guid</title>
      <guid isPermaLink="true">https://tin.example.vn/xa-hoi/chi-co-guid-4801003.html</guid>
      <dc:date>2026-09-13T10:00:00+07:00</dc:date>
    </item>
    <item>
      <title>Guid không phải liên kết</title>
      <guid isPermaLink="false">https://tin.example.vn/khong-dung.html</guid>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.vn/">
  <title>Nhật ký</title>
  <link href="https://blog.example.vn/" rel="alternate"/>
  <link href="https://blog.example.vn/atom.xml" rel="self"/>
  <entry>
    <title type="html">Mùa nước nổi &lt;em&gt;miền Tây&lt;/em&gt;</title>
    <link rel="alternate" type="text/html" href="/2026/09/mua-nuoc-noi-mien-tay"/>
    <link rel="edit" href="/api/entries/1"/>
    <id>tag:blog.example.vn,2026:1</id>
    <published>2026-09-12T08:00:00+07:00</published>
    <updated>2026-09-13T09:00:00+07:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Nội dung</p></div></content>
  </entry>
  <entry>
    <title>Chỉ có updated</title>
    <link href="https://blog.example.vn/2026/09/chi-co-updated#top"/>
    <updated>2026-09-13T01:00:00Z</updated>
  </entry>
</feed>`;

describe('parseFeed: RSS 2.0', () => {
  const items = parseFeed(RSS, FEED_URL, VN);

  it('reads item links (canonicalized, relative resolved, guid permalinks), titles and dates', () => {
    expect(items).toEqual([
      { url: 'https://tin.example.vn/thoi-su/ha-noi-mo-them-ba-tuyen-buyt-dien-4801001.html', title: 'Hà Nội mở thêm ba tuyến buýt điện nối sân bay', date: '2026-09-14T18:48:23+07:00' },
      { url: 'https://tin.example.vn/kinh-te/gia-lua-gao-tang-4801002.html', title: 'Giá lúa gạo tăng & nông dân phấn khởi', date: '2026-09-14T07:30:00+07:00' },
      { url: 'https://tin.example.vn/xa-hoi/chi-co-guid-4801003.html', title: 'Chỉ có guid', date: '2026-09-13T10:00:00+07:00' },
    ]);
  });

  it('reads US-style dates in the source time zone', () => {
    const rss = RSS.replace('Mon, 14 Sep 2026 18:48:23 +07:00', '9/14/2026 6:44:00 PM');
    expect(parseFeed(rss, FEED_URL, VN)[0].date).toBe('2026-09-14T18:44:00+07:00');
    expect(parseFeed(rss, FEED_URL, 'UTC')[0].date).toBe('2026-09-14T18:44:00+00:00');
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://tin.example.vn/"><title>T</title></channel>
  <item rdf:about="https://tin.example.vn/a-b-c-d-123456.html"><title>Một</title><link>https://tin.example.vn/a-b-c-d-123456.html</link><dc:date>2026-09-14T01:02:03Z</dc:date></item>
</rdf:RDF>`;
    expect(parseFeed(rdf, FEED_URL, VN)).toEqual([{ url: 'https://tin.example.vn/a-b-c-d-123456.html', title: 'Một', date: '2026-09-14T01:02:03+00:00' }]);
  });
});

describe('parseFeed: Atom', () => {
  it('takes the alternate link resolved against xml:base, the title and published else updated', () => {
    expect(parseFeed(ATOM, 'https://blog.example.vn/atom.xml', VN)).toEqual([
      { url: 'https://blog.example.vn/2026/09/mua-nuoc-noi-mien-tay', title: 'Mùa nước nổi <em>miền Tây</em>', date: '2026-09-12T08:00:00+07:00' },
      { url: 'https://blog.example.vn/2026/09/chi-co-updated', title: 'Chỉ có updated', date: '2026-09-13T01:00:00+00:00' },
    ]);
  });
});

describe('parseFeed: errors', () => {
  const reason = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(DiscoveryError);
      return (err as DiscoveryError).reason;
    }
    return 'no error';
  };

  it('an HTML page served as a feed is feed-is-html', () => {
    const html = '<!DOCTYPE html><html lang="vi"><head><title>Trang chủ</title></head><body><p>Xin chào</p></body></html>';
    expect(reason(() => parseFeed(html, FEED_URL, VN))).toBe('feed-is-html');
    expect(reason(() => parseFeed(`\uFEFF\n  <html><body>Lỗi</body></html>`, FEED_URL, VN))).toBe('feed-is-html');
    expect(reason(() => parseFeed('<div>bị chặn</div>', FEED_URL, VN, 'text/html; charset=utf-8'))).toBe('feed-is-html');
  });

  it('broken XML is unparseable-xml, other XML is not-a-feed', () => {
    expect(reason(() => parseFeed('<rss><channel><item></channel>', FEED_URL, VN))).toBe('unparseable-xml');
    expect(reason(() => parseFeed('<?xml version="1.0"?><urlset><url><loc>https://a.vn/</loc></url></urlset>', FEED_URL, VN))).toBe('not-a-feed');
  });

  it('reads a not well-formed feed leniently when items come out of it', () => {
    const sloppy = `<rss version="2.0"><channel><item><title>Giá&nbsp;vàng giảm</title>
      <link>https://tin.example.vn/kinh-te/gia-vang-giam-4812001.html?id=1&ref=rss</link></item></channel></rss>`;
    expect(parseFeed(sloppy, FEED_URL, VN)).toEqual([
      { url: 'https://tin.example.vn/kinh-te/gia-vang-giam-4812001.html?id=1&ref=rss', title: 'Giá\u00a0vàng giảm', date: null },
    ]);
  });

  it('an empty channel is no items, not an error', () => {
    expect(parseFeed('<rss version="2.0"><channel><title>T</title></channel></rss>', FEED_URL, VN)).toEqual([]);
  });
});
