import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/extract/page.ts';
import { extractMetadata } from '../../../src/extract/metadata/index.ts';

const meta = (body: string) =>
  extractMetadata(parsePage(`<html lang="vi"><head><title>Tin bài - Cổng thông tin</title></head><body>${body}</body></html>`), 'https://example.gov.vn/vi/tin-123.html', { timezone: 'Asia/Ho_Chi_Minh' });

describe('section and tags printed without breadcrumb/tag markup', () => {
  it('reads a trail of links that starts at the home page as the breadcrumb', () => {
    const m = meta('<div class="path"><a href="/">Trang chủ</a> &gt; <a href="/hop-tac">Hợp tác quốc tế</a></div><h1>Tin bài</h1>');
    expect(m.section).toBe('Hợp tác quốc tế');
  });

  it('accepts ›, » and / separators and English home labels', () => {
    expect(meta('<p><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/asia">Asia</a></p><h1>Tin bài</h1>').section).toBe('Asia');
    expect(meta('<nav><a href="/">Trang chủ</a> / <a href="/the-gioi">Thế giới</a></nav><h1>Tin bài</h1>').section).toBe('Thế giới');
  });

  it('does not take a menu whose first link is the home page but with words between links', () => {
    expect(meta('<div><a href="/">Trang chủ</a> xem tin <a href="/the-gioi">Thế giới</a> và <a href="/kinh-te">Kinh tế</a></div><h1>Tin bài</h1>').section).toBeNull();
  });

  it('reads tags from a box whose own text is a label and the separators between its links', () => {
    const m = meta('<h1>Tin bài</h1><div class="keyword-news">Từ khóa: <a href="/t?q=a">Quảng Trị</a>; <a href="/t?q=b">Savannakhet</a>; <a href="/t?q=c">biên giới</a></div>');
    expect(m.tags).toEqual(['Quảng Trị', 'Savannakhet', 'biên giới']);
  });

  it('does not read the links of a paragraph that merely mentions the word', () => {
    const m = meta('<h1>Tin bài</h1><p>Tags: xem thêm tại <a href="/a">đây</a> và <a href="/b">kia</a></p>');
    expect(m.tags).toEqual([]);
  });
});
