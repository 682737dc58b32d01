import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/extract/page.ts';
import { extractArticle } from '../../../src/extract/index.ts';
import { builtinRules, detectTemplate, rulesForUrl } from '../../../src/extract/rules/index.ts';
import { P1, P2, P3, P4 } from './page.ts';

const opts = { timezone: 'Asia/Ho_Chi_Minh', now: new Date('2026-03-20T00:00:00Z') };

// Invented pages in the markup families of vnexpress.net and tuoitre.vn.
const vnexpressLike = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Hội thảo phát triển vùng biên - VnExpress</title>
<meta property="og:title" content="Hội thảo phát triển vùng biên"></head><body>
<section class="section page-detail top-detail"><div class="container"><div class="sidebar-1">
<span class="date">Thứ năm, 12/3/2026, 09:15 (GMT+7)</span>
<h1 class="title-detail">Hội thảo phát triển vùng biên</h1>
<p class="description"><span class="location-stamp">Hà Nội</span>${P1}</p>
<article class="fck_detail">
<p class="Normal">${P2}</p>
<figure data-size="true" itemprop="associatedMedia image" class="tplCaption action_thumb_added"><div class="fig-picture"><picture><source data-srcset="https://i1.example-cdn.vn/hoi-thao-680x0.jpg 1x, https://i1.example-cdn.vn/hoi-thao-1360x0.jpg 2x"><img itemprop="contentUrl" class="lazy" alt="Đại biểu dự hội thảo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></picture></div>
<figcaption itemprop="description"><p class="Image">Đại biểu dự hội thảo sáng 12/3. Ảnh: Ngọc Thành</p></figcaption></figure>
<p class="Normal">${P3}</p>
<div class="box-tinlienquanv2"><article class="item-news"><h4 class="title-news"><a href="/bai-khac-1.html">Một bài liên quan về kinh tế cửa khẩu năm nay</a></h4><p class="description"><a href="/bai-khac-1.html">Tóm tắt của bài liên quan được in ngay dưới tiêu đề để dẫn người đọc.</a></p></article></div>
<p class="Normal">${P4}</p>
<p class="Normal" style="text-align:right;"><strong>Minh Anh</strong></p>
</article>
<div class="footer-content"><div class="tags"><h4 class="item-tag"><a href="/tag/bien-gioi">Biên giới</a></h4></div></div>
</div></div></section>
<section class="section section_comment"><h3>Ý kiến bạn đọc</h3><div class="content-comment"><p class="full_content">Một ý kiến bạn đọc rất dài để thử xem phần bình luận có bị lẫn vào nội dung bài viết hay không, nhất là khi nó dài.</p></div></section>
</body></html>`;

const tuoitreLike = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Hội thảo phát triển vùng biên - Tuổi Trẻ Online</title>
<meta property="og:title" content="Hội thảo phát triển vùng biên"></head><body>
<div class="detail__section"><div class="detail-cmain">
<h1 class="detail-title article-title" data-role="title">Hội thảo phát triển vùng biên</h1>
<div class="detail-top"><div class="detail-time"><div data-role="publishdate">12/03/2026 09:15 GMT+7</div></div><div class="detail-share"><a href="#">Chia sẻ</a></div></div>
<h2 class="detail-sapo" data-role="sapo">TTO - ${P1}</h2>
<div class="detail-content afcbc-body" data-role="content" itemprop="articleBody">
<p>${P2}</p>
<div class="VCSortableInPreviewMode" type="RelatedNewsBox"><div class="kbwscwl-relatedbox"><div class="kbwscwlrl-title">Đọc thêm</div><ul><li><a href="/x.htm">Bài đọc thêm về hội nhập kinh tế quốc tế và thương mại biên giới</a></li></ul></div></div>
<div class="VCSortableInPreviewMode" type="Photo"><div><img src="https://cdn.example.vn/2026/3/12/anh-hoi-thao.jpg" alt=""></div><div class="PhotoCMS_Caption"><p data-placeholder="Nhập chú thích ảnh">Quang cảnh hội thảo - Ảnh: T.T.D.</p></div></div>
<p>${P3}</p>
<p>${P4}</p>
<p style="text-align:right"><strong>THU HÀ (theo Reuters)</strong></p>
</div>
<div class="detail-tab"><span>Từ khóa:</span><a href="/bien-gioi.htm">biên giới</a></div>
</div></div></body></html>`;

describe('Vietnamese template families', () => {
  it('recognises families by markup and knows their domains', () => {
    expect(detectTemplate(parsePage(vnexpressLike))).toBe(builtinRules.vnexpress);
    expect(detectTemplate(parsePage(tuoitreLike))).toBe(builtinRules.detail);
    expect(rulesForUrl('https://tuoitre.vn/hoi-thao-2026031209.htm')).toBe(builtinRules.detail);
    expect(rulesForUrl('https://www.nhandan.vn/post.html')).toBe(builtinRules.articleBem);
    expect(rulesForUrl('https://example.com/x')).toBeUndefined();
  });

  for (const [name, html, url] of [
    ['vnexpress-like', vnexpressLike, 'https://vnexpress.net/hoi-thao-phat-trien-vung-bien-123.html'],
    ['tuoitre-like', tuoitreLike, 'https://tuoitre.vn/hoi-thao-phat-trien-vung-bien-2026031209.htm'],
  ] as const) {
    for (const rules of [undefined, rulesForUrl(url)]) {
      it(`${name} ${rules ? 'with' : 'without'} site rules: body, lead, figure, byline`, () => {
        const a = extractArticle(html, url, { ...opts, rules });
        expect(a.title).toBe('Hội thảo phát triển vùng biên');
        expect(a.body.split('\n\n')).toEqual([P2, P3, P4]);
        expect(a.lead?.endsWith(P1)).toBe(true);
        expect(a.images).toHaveLength(1);
        expect(a.images[0].credit).toBe(name === 'vnexpress-like' ? 'Ngọc Thành' : 'T.T.D.');
        expect(a.ruleMisses).not.toContain('body');
        expect(a.ruleMisses).not.toContain('lead');
        if (name === 'tuoitre-like') {
          expect(a.lead).toBe(P1);
          expect(a.agency).toBe('Reuters');
          expect(a.authors).toEqual(['THU HÀ']);
          expect(a.images[0]).toEqual({ url: 'https://cdn.example.vn/2026/3/12/anh-hoi-thao.jpg', caption: 'Quang cảnh hội thảo', credit: 'T.T.D.' });
        } else {
          expect(a.images[0].url).toBe('https://i1.example-cdn.vn/hoi-thao-1360x0.jpg');
          expect(a.authors).toEqual(['Minh Anh']);
        }
      });
    }
  }
});
