import { describe, expect, it } from 'vitest';
import { looksLikeArticleUrl, selectLinks } from '../../src/producers/listing.ts';

const PAGE = 'https://tin.example.vn/thoi-su';

const HTML = `<!doctype html><html><head><title>Thời sự</title></head><body>
<nav><a href="/">Trang chủ</a><a href="/kinh-te">Kinh tế</a><a href="/tag/bao-lu">Bão lũ</a></nav>
<article><a href="/thoi-su/cau-moi-thong-xe-truoc-tet-4804001.html"><img src="a.jpg"></a>
  <h3><a href="/thoi-su/cau-moi-thong-xe-truoc-tet-4804001.html#binh-luan">Cầu mới thông xe trước Tết</a></h3></article>
<article><a href="thoi-su/nguoi-dan-vui-mung-don-nuoc-sach-4804002.html?utm_source=home">Người dân vui mừng đón nước sạch</a></article>
<article><a href="https://video.example.vn/clip/xem-lai-tran-dau-kich-tinh-4804003.html">Video</a></article>
<article><a href="https://khac.example.com/bai-viet/mot-bai-tren-trang-khac-4804004.html">Trang khác</a></article>
<a href="mailto:toa-soan@example.vn">Liên hệ</a><a href="javascript:void(0)">x</a><a href="#top">Lên đầu</a>
<div class="pages"><a href="/thoi-su?page=2">2</a><a href="/thoi-su?page=3">3</a><a href="/thoi-su?page=1">1</a></div>
</body></html>`;

const sites = new Set(['example.vn']);

describe('looksLikeArticleUrl (default heuristic)', () => {
  it.each([
    ['https://tin.example.vn/thoi-su/gia-xang-giam-lan-thu-ba-4801234.html', true],
    ['https://tin.example.vn/gia-xang-giam-lan-thu-ba.html', true],
    ['https://tin.example.vn/kinh-te/gia-xang-giam-lan-thu-ba-4801234', true],
    ['https://blog.example.vn/2026/09/mua-nuoc-noi-o-mien-tay-nam-bo', true],
    ['https://tin.example.vn/thoi-su', false],
    ['https://tin.example.vn/thoi-su.html', false],
    ['https://tin.example.vn/thoi-su-p2', false],
    ['https://tin.example.vn/trang-2.html', false],
    ['https://tin.example.vn/tag/gia-xang-giam-lan-thu-ba-4801234.html', false],
    ['https://tin.example.vn/tac-gia/nguyen-van-an-nguoi-viet-bao-123456', false],
    ['https://tin.example.vn/', false],
    ['https://tin.example.vn/files/bao-cao-tai-chinh-nam-2026-123456.pdf', false],
  ])('%s -> %s', (url, expected) => {
    expect(looksLikeArticleUrl(url)).toBe(expected);
  });
});

describe('selectLinks', () => {
  it('default heuristic: same-site articles, canonical, deduplicated, in page order; no listings without pattern or rel=next', () => {
    expect(selectLinks(HTML, PAGE, { sites })).toEqual({
      articles: [
        'https://tin.example.vn/thoi-su/cau-moi-thong-xe-truoc-tet-4804001.html',
        'https://tin.example.vn/thoi-su/nguoi-dan-vui-mung-don-nuoc-sach-4804002.html',
        'https://video.example.vn/clip/xem-lai-tran-dau-kich-tinh-4804003.html',
      ],
      listings: [],
    });
  });

  it('other sites are kept when sites is null (allowOtherSites)', () => {
    expect(selectLinks(HTML, PAGE, { sites: null }).articles).toContain('https://khac.example.com/bai-viet/mot-bai-tren-trang-khac-4804004.html');
  });

  it('articleUrlPattern replaces the heuristic; listingUrlPattern selects pages to follow', () => {
    const links = selectLinks(HTML, PAGE, {
      sites,
      articleUrlPattern: /^https:\/\/tin\.example\.vn\/thoi-su\/.+-\d+\.html$/,
      listingUrlPattern: /[?&]page=\d+/,
    });
    expect(links.articles).toEqual([
      'https://tin.example.vn/thoi-su/cau-moi-thong-xe-truoc-tet-4804001.html',
      'https://tin.example.vn/thoi-su/nguoi-dan-vui-mung-don-nuoc-sach-4804002.html',
    ]);
    expect(links.listings).toEqual(['https://tin.example.vn/thoi-su?page=2', 'https://tin.example.vn/thoi-su?page=3', 'https://tin.example.vn/thoi-su?page=1']);
  });

  it('resolves against <base href>', () => {
    const html = '<html><head><base href="https://tin.example.vn/kinh-te/"></head><body><a href="lai-suat-tiet-kiem-giam-nhe-4805001.html">x</a></body></html>';
    expect(selectLinks(html, 'https://tin.example.vn/trang-chu', { sites }).articles).toEqual(['https://tin.example.vn/kinh-te/lai-suat-tiet-kiem-giam-nhe-4805001.html']);
  });

  it('follows rel="next" pagination when no listingUrlPattern is set, never the page itself', () => {
    const html = `<html><head><link rel="next" href="/thoi-su/trang-2"></head><body>
      <a href="/thoi-su">Thời sự</a><a rel="next nofollow" href="/thoi-su/trang-2">Sau</a><a href="/thoi-su/trang-3">3</a></body></html>`;
    expect(selectLinks(html, PAGE, { sites }).listings).toEqual(['https://tin.example.vn/thoi-su/trang-2']);
  });
});
