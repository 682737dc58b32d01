import { describe, expect, it } from 'vitest';
import { extractArticle, ExtractionError } from '../../../src/extract/index.ts';
import { page, P1, P2, P3, P4 } from './page.ts';

const URL_ = 'https://bao-mau.example.vn/thoi-su/hoi-thao-post123.html';
const run = (html: string, rules?: Parameters<typeof extractArticle>[2]['rules']) =>
  extractArticle(html, URL_, { timezone: 'Asia/Ho_Chi_Minh', rules, now: new Date('2026-03-20T00:00:00Z') });

describe('boilerplate headings', () => {
  it('drops everything from "Tin liên quan" to the end of its block', () => {
    const html = page(`<div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p>
      <h3>Tin liên quan</h3><p>Một bài khác về hội nghị xúc tiến đầu tư tại các tỉnh miền núi phía Bắc năm nay.</p>
      <ul><li><a href="/b">Bài liên quan số một về hợp tác biên giới</a></li></ul></div>`);
    const a = run(html);
    expect(a.body).toContain(P3);
    expect(a.body).not.toContain('Một bài khác');
    expect(a.body).not.toContain('Tin liên quan');
  });

  it('knows the German and English equivalents', () => {
    const html = page(`<article><p>${P1}</p><p>${P2}</p><div class="box"><h2>Mehr zum Thema</h2><p>Ein anderer Artikel über den Grenzhandel, der hier nur als Anriss erscheint und nicht zum Text gehört.</p></div>
      <p>${P3}</p><h4>Read more:</h4><p>Another story about border trade that appears as a teaser and is not part of this article.</p></article>`);
    const a = run(html);
    expect(a.body).toContain(P2);
    expect(a.body).not.toContain('Ein anderer Artikel');
    expect(a.body).not.toContain('Another story');
  });
});

describe('repeated lines', () => {
  it('drops body lines that repeat a removed related box', () => {
    const teaser = 'Hợp tác thương mại biên giới tăng trưởng mạnh trong quý đầu năm';
    const html = page(`<div class="content"><p>${P1}</p><p><strong>${teaser}</strong></p><p>${P2}</p><p>${P3}</p></div>
      <div class="related-news"><ul><li><a href="/tin/1">${teaser}</a></li><li><a href="/tin/2">Một tin khác trong hộp liên quan ở cuối trang</a></li></ul></div>`);
    const a = run(html);
    expect(a.body.split('\n\n')).toEqual([P1, P2, P3]);
  });
});

describe('link density', () => {
  it('drops link lists inside the article container but keeps paragraphs with a link', () => {
    const html = page(`<div class="article-body"><p>${P1}</p>
      <div><a href="/x1">Tin khác một về thời sự trong nước</a> <a href="/x2">Tin khác hai về kinh tế thị trường</a> <a href="/x3">Tin khác ba về văn hóa</a></div>
      <p>${P2} Xem chi tiết tại <a href="https://example.gov.vn/vb">cổng thông tin</a>.</p><p>${P3}</p></div>`);
    const a = run(html);
    expect(a.body).not.toContain('Tin khác một');
    expect(a.body).toContain('Xem chi tiết tại cổng thông tin.');
    expect(a.bodyHtml).toContain('<a href="https://example.gov.vn/vb">cổng thông tin</a>');
  });
});

describe('figures', () => {
  it('splits caption and photo credit and keeps both out of the body', () => {
    const html = page(`<div class="detail-body"><p>${P1}</p>
      <figure><img src="/images/hoi-thao.jpg" alt=""><figcaption>Quang cảnh hội thảo. Ảnh: TTXVN</figcaption></figure>
      <p>${P2}</p>
      <figure><img src="/images/dai-bieu.jpg"><figcaption>Các đại biểu chụp ảnh lưu niệm (Ảnh: VGP/Hải Minh)</figcaption></figure>
      <p>${P3}</p></div>`);
    const a = run(html);
    expect(a.images).toEqual([
      { url: 'https://bao-mau.example.vn/images/hoi-thao.jpg', caption: 'Quang cảnh hội thảo', credit: 'TTXVN' },
      { url: 'https://bao-mau.example.vn/images/dai-bieu.jpg', caption: 'Các đại biểu chụp ảnh lưu niệm', credit: 'VGP/Hải Minh' },
    ]);
    expect(a.body).not.toContain('Quang cảnh');
    expect(a.body).not.toContain('Ảnh:');
    expect(a.body.split('\n\n')).toEqual([P1, P2, P3]);
  });

  it('keeps a caption printed twice only once (figcaption + paragraph, CMS image tables)', () => {
    const html = page(`<div class="detail-content"><p>${P1}</p>
      <figure><img src="/i/a.jpg"><figcaption>Toàn cảnh phiên họp. Ảnh: TTXVN</figcaption></figure>
      <p style="text-align:center"><em>Toàn cảnh phiên họp. Ảnh: TTXVN</em></p>
      <p>${P2}</p>
      <table class="image center"><tbody><tr><td><img src="/i/b.jpg"></td></tr><tr><td class="image_caption">Lãnh đạo tỉnh thăm gian trưng bày - Ảnh: Minh Đức</td></tr></tbody></table>
      <p>${P3}</p></div>`);
    const a = run(html);
    expect(a.body.split('\n\n')).toEqual([P1, P2, P3]);
    expect(a.images.map((i) => [i.caption, i.credit])).toEqual([
      ['Toàn cảnh phiên họp', 'TTXVN'],
      ['Lãnh đạo tỉnh thăm gian trưng bày', 'Minh Đức'],
    ]);
  });

  it('reads lazy-loaded images: data-src over a placeholder, the largest srcset entry', () => {
    const html = page(`<div class="content"><p>${P1}</p>
      <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/lazy-a.jpg"></figure>
      <p>${P2}</p>
      <figure><img src="/img/blank.gif" data-srcset="/img/b-480.jpg 480w, /img/b-1200.jpg 1200w, /img/b-720.jpg 720w"></figure>
      <figure><img class="lazy" data-original="https://cdn.example.vn/c.jpg"></figure>
      <figure><img data-lazy-src="../d.jpg"></figure>
      <p><img src="https://pixel.example.net/count.gif" width="1" height="1"></p>
      <p>${P3}</p></div>`);
    const a = run(html);
    expect(a.images.map((i) => i.url)).toEqual([
      'https://bao-mau.example.vn/img/lazy-a.jpg',
      'https://bao-mau.example.vn/img/b-1200.jpg',
      'https://cdn.example.vn/c.jpg',
      'https://bao-mau.example.vn/d.jpg',
    ]);
  });
});

describe('lead and agency', () => {
  it('strips an outlet prefix from the sapo and sets agency', () => {
    for (const [prefix, agency] of [['(PLVN) -', 'PLVN'], ['NDO -', 'NDO'], ['(Chinhphu.vn) -', 'Chinhphu.vn'], ['TTXVN –', 'TTXVN'], ['(Dân trí) -', 'Dân trí']]) {
      const html = page(`<h2 class="sapo">${prefix} ${P1}</h2><div class="detail-content"><p>${P2}</p><p>${P3}</p></div>`);
      const a = run(html);
      expect(a.lead).toBe(P1);
      expect(a.agency).toBe(agency);
      expect(a.body.split('\n\n')).toEqual([P2, P3]);
    }
  });

  it('strips the prefix from the first paragraph when there is no separate lead', () => {
    const a = run(page(`<div class="content"><p>VOV.VN - ${P1}</p><p>${P2}</p><p>${P3}</p></div>`));
    expect(a.agency).toBe('VOV.VN');
    expect(a.body.startsWith(P1)).toBe(true);
  });

  it('takes a first bold paragraph as the lead and does not repeat it in the body', () => {
    const a = run(page(`<div class="content"><p><strong>${P1}</strong></p><p>${P2}</p><p>${P3}</p></div>`));
    expect(a.lead).toBe(P1);
    expect(a.body).not.toContain(P1);
  });

  it('leaves a normal sentence alone', () => {
    const a = run(page(`<div class="content"><p>Hà Nội - Thủ đô ngàn năm văn hiến đón hơn hai triệu lượt khách quốc tế trong quý đầu năm, tăng mạnh so với cùng kỳ.</p><p>${P2}</p></div>`));
    expect(a.agency).toBeNull();
  });
});

describe('trailing credits and bylines', () => {
  it('"TTXVN/Báo Tin tức" and "Theo VnExpress" set agency and leave the body', () => {
    let a = run(page(`<div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p style="text-align:right"><strong>TTXVN/Báo Tin tức</strong></p></div>`));
    expect(a.agency).toBe('TTXVN');
    expect(a.body.endsWith(P3)).toBe(true);
    a = run(page(`<div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p><em>Theo VnExpress</em></p></div>`));
    expect(a.agency).toBe('VnExpress');
    expect(a.body).not.toContain('Theo VnExpress');
    a = run(page(`<div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>(Theo Reuters)</p></div>`));
    expect(a.agency).toBe('Reuters');
  });

  it('a byline at the end of the body becomes the authors when metadata has none', () => {
    const a = run(page(`<div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p style="text-align:right"><strong>Thu Hà - Minh Anh</strong></p></div>`));
    expect(a.authors).toEqual(['Thu Hà', 'Minh Anh']);
    expect(a.body.endsWith(P3)).toBe(true);
  });

  it('"Minh Anh/TTXVN" is a reporter and an agency, not two authors', () => {
    const a = run(page(`<div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p style="text-align:right"><strong>Minh Anh/TTXVN</strong></p></div>`));
    expect(a.authors).toEqual(['Minh Anh']);
    expect(a.agency).toBe('TTXVN');
    expect(a.body.endsWith(P3)).toBe(true);
  });
});

describe('bodyHtml', () => {
  it('is minimal sanitized HTML', () => {
    const html = page(`<div class="content" onclick="x()"><p style="color:red" class="x">${P1} <a href="javascript:alert(1)" onclick="y()">bấm</a> <a href="/tin/khac" target="_blank">liên kết</a></p>
      <h2 class="sub" id="a">Tiểu mục <span>một</span></h2><p>${P2}</p><ul class="l"><li>Ý một của danh sách dài</li><li>Ý hai của danh sách dài</li></ul>
      <blockquote class="q"><p>${P3}</p></blockquote><script>alert('x')</script><p>${P4}<img src="x.png" onerror="z()"></p></div>`);
    const a = run(html);
    const tags = [...a.bodyHtml.matchAll(/<([a-z0-9]+)([^>]*)>/g)];
    for (const [, tag, attrs] of tags) {
      expect(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'figure', 'img', 'figcaption', 'a']).toContain(tag);
      for (const [, name] of attrs.matchAll(/\s([a-z-]+)=/g)) expect(['href', 'src', 'alt']).toContain(name);
    }
    expect(a.bodyHtml).not.toContain('javascript');
    expect(a.bodyHtml).not.toContain('alert');
    expect(a.bodyHtml).toContain('<a href="https://bao-mau.example.vn/tin/khac">liên kết</a>');
    expect(a.bodyHtml).toContain('<h2>Tiểu mục một</h2>');
    expect(a.bodyHtml).toContain('<ul><li>Ý một của danh sách dài</li><li>Ý hai của danh sách dài</li></ul>');
    expect(a.bodyHtml).toContain(`<blockquote><p>${P3}</p></blockquote>`);
    expect(a.body.split('\n\n')).toEqual([`${P1} bấm liên kết`, 'Tiểu mục một', P2, 'Ý một của danh sách dài', 'Ý hai của danh sách dài', P3, P4]);
  });
});

describe('rules', () => {
  it('uses lead/body selectors first and falls back to the generic extractor on a miss', () => {
    const html = page(`<div class="my-lead">${P1}</div><div class="my-body"><p>${P2}</p><p>${P3}</p></div><div class="share-x"><p>${P4}</p></div>`);
    const ruled = run(html, { lead: '.my-lead', body: '.my-body', remove: [] });
    expect(ruled.lead).toBe(P1);
    expect(ruled.body).toBe([P2, P3].join('\n\n'));
    expect(ruled.ruleMisses).toEqual([]);
    const missed = run(html, { body: '.does-not-exist', lead: '.nor-this', remove: [] });
    expect(missed.ruleMisses).toEqual(expect.arrayContaining(['body', 'lead']));
    expect(missed.body).toContain(P2);
  });

  it('deletes remove selectors before anything else', () => {
    const html = page(`<div class="content"><p>${P1}</p><div class="box-x"><p>${P4}</p></div><p>${P2}</p></div>`);
    expect(run(html).body).toContain(P4);
    expect(run(html, { remove: ['.box-x'] }).body).not.toContain(P4);
  });
});

describe('pathological markup', () => {
  it('survives thousands of unclosed tags without overflowing the stack', () => {
    const html = page(`<div class="content">${'<div><font>'.repeat(6000)}<p>${P1}</p><p>${P2}</p></div>`);
    const a = run(html);
    expect(a.body).toContain(P1);
    expect(a.body).toContain(P2);
  });
});

describe('errors', () => {
  it('throws no-article when there is no article text', () => {
    const html = page(`<div class="list"><ul><li><a href="/1">Tin một về kinh tế</a></li><li><a href="/2">Tin hai về xã hội</a></li></ul></div>`);
    expect(() => run(html)).toThrowError(ExtractionError);
    try {
      run(html);
    } catch (e) {
      expect((e as ExtractionError).reason).toBe('no-article');
    }
  });

  it('throws no-title when the page has text but no title', () => {
    const html = `<html><body><div class="content"><p>${P1}</p><p>${P2}</p></div></body></html>`;
    try {
      run(html);
      expect.unreachable();
    } catch (e) {
      expect((e as ExtractionError).reason).toBe('no-title');
    }
  });
});

describe('pages that keep their text in unusual places', () => {
  it('reads the <noscript> copy of an article shipped as a script template, not a "enable JavaScript" notice', () => {
    const html = page(
      `<div class="post-body"><script type="text/template"><p>${P1}</p></script>` +
        `<noscript><p>${P1}</p><p>${P2}</p><p>${P3}</p></noscript>` +
        `<noscript><p>Vui lòng bật JavaScript để xem bình luận.</p></noscript></div>`,
    );
    const a = run(html);
    expect(a.body.split('\n\n')).toEqual([P1, P2, P3]);
  });

  it('keeps a short article whose wrapper has a layout class naming a sidebar', () => {
    const share = Array.from({ length: 12 }, (_, i) => `<li><a href="/share/${i}">Chia sẻ bài viết này qua mạng xã hội số ${i}</a></li>`).join('');
    const html = page(`<div class="post-wrap cb-sidebar-right"><div class="entry-content"><p>${P1}</p><p>${P2}</p></div><ul class="x">${share}</ul></div>`, { around: false });
    const a = run(html);
    expect(a.body).toBe(`${P1}\n\n${P2}`);
  });

  it('a brief whose only paragraph is its lead has that paragraph as its body, not an empty record', () => {
    const html = page(`<div class="content"><p class="sapo">${P1} ${P2}</p><div class="audio-player"></div></div>`, { around: false });
    const a = run(html);
    expect(a.lead).toBeNull();
    expect(a.body).toBe(`${P1} ${P2}`);
  });
});
