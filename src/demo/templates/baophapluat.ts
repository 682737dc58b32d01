import type { SampleArticle, SampleImage } from '../articles.ts';
import {
  type RenderContext,
  SHARE_SCRIPT,
  articleUrl,
  creditSuffix,
  escapeHtml,
  finish,
  imagePath,
  imgTag,
  link,
  pad2,
  plainBlock,
  relatedItems,
  renderBody,
  sectionPath,
  titleForHead,
  trackingScript,
  wallClock,
} from './common.ts';

const SITE = 'Báo Pháp luật Việt Nam điện tử';

/** "12:47 | 07/07/2025" */
function visibleDate(iso: string): string {
  const t = wallClock(iso);
  return `${pad2(t.hour)}:${pad2(t.minute)} | ${pad2(t.day)}/${pad2(t.month)}/${t.year}`;
}

// This CMS prints every caption twice: in the figcaption and again as an italic paragraph.
function figure(img: SampleImage, lazy: boolean): string {
  const caption = `${escapeHtml(img.caption)}${creditSuffix(img, 'dot')}`;
  return `<figure class="image">
  ${imgTag(img, `${imagePath(img)}`, { lazy })}
  <figcaption>${caption}</figcaption>
</figure>
<p class="image-caption-dup" style="text-align: center;"><em>${caption}</em></p>`;
}

/** Pháp luật Việt Nam: the Nhân Dân family of markup (article__*), "(PLVN) -" sapo, byline bold at the end of the body. */
export function renderArticle(a: SampleArticle, ctx: RenderContext): string {
  const opts = ctx.options ?? {};
  const url = ctx.url ?? articleUrl(ctx.baseUrl, a);
  const origin = new URL(url).origin;
  const headTitle = titleForHead(a.title, opts);
  const ogImage = a.images[0] ? origin + imagePath(a.images[0]) : `${origin}/images/plvn-share.png`;
  const related = relatedItems(ctx, 3);
  const readMore = relatedItems(ctx, 4, 3);
  const body = renderBody(a, (b) => plainBlock(b), (img) => figure(img, opts.lazyImages ?? true));
  const sapo =
    a.lead === null
      ? ''
      : `<h2 class="article__sapo">${a.agencyPrefix ? `${escapeHtml(a.agencyPrefix)} - ` : ''}${escapeHtml(a.lead)}</h2>`;

  const html = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${headTitle} - ${SITE}</title>
<meta name="description" content="${escapeHtml(a.lead ?? '')}">
<link rel="canonical" href="${url}">
<meta property="og:site_name" content="Báo Pháp luật Việt Nam">
<meta property="og:title" content="${headTitle}">
<meta property="og:url" content="${url}">
<meta property="og:image" content="${ogImage}">
<meta property="og:type" content="article">
${opts.hideDate ? '' : `<meta property="article:published_time" content="${a.publishedAt}">`}
<meta property="article:section" content="${escapeHtml(a.section)}">
${a.tags.map((t) => `<meta property="article:tag" content="${escapeHtml(t)}">`).join('\n')}
<style>.article__body { font-family: Arial; } .article__body figcaption { font-style: italic; }</style>
${trackingScript(a, 'baophapluat')}
</head>
<body>
<header class="site-header">
  <a href="/" class="logo"><img src="/images/plvn-logo.png" alt="Pháp luật Việt Nam"></a>
  <nav class="menu"><a href="/">Trang chủ</a><a href="/thoi-su">Thời sự</a><a href="/phap-luat">Pháp luật</a><a href="/the-gioi">Thế giới</a><a href="/ban-doc">Bạn đọc</a><a href="/kinh-te">Kinh tế</a></nav>
</header>
<div class="ads ads-top">Quảng cáo</div>
<main class="container">
  <ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="${sectionPath(a.section)}">${escapeHtml(a.section)}</a></li></ol>
  <article class="article">
    <h1 class="article__title">${escapeHtml(a.title)}</h1>
    <div class="article__meta">
      ${opts.hideDate ? '' : `<span class="article__time">${visibleDate(a.publishedAt)}</span>`}
      <div class="article__share"><a href="#">Facebook</a><a href="#">Zalo</a><a href="#" data-copy-link>Copy link</a><span>Chia sẻ</span></div>
    </div>
    ${sapo}
    <div class="article__body">
${body.join('\n')}
${a.authors.length ? `<p style="text-align: right;"><strong>${a.authors.map(escapeHtml).join(' - ')}</strong></p>` : ''}
${a.trailingCredit ? `<p style="text-align: right;"><em>${escapeHtml(a.trailingCredit)}</em></p>` : ''}
    </div>
    <div class="article__tags"><strong>Từ khóa:</strong> <ul>${a.tags.map((t) => `<li><a href="/tags/${encodeURIComponent(t)}">${escapeHtml(t)}</a></li>`).join('')}</ul></div>
  </article>
  <section class="related"><h3>Tin liên quan</h3><ul>${related.map((r) => `<li>${link(ctx, r)}</li>`).join('')}</ul></section>
  <section class="read-more"><h3>Đọc thêm</h3>${readMore
    .map((r) => `<div class="story"><h4>${link(ctx, r)}</h4><p>${r.agencyPrefix ? `${escapeHtml(r.agencyPrefix)} - ` : ''}${escapeHtml(r.lead ?? '')}</p></div>`)
    .join('\n')}</section>
  <section class="comment"><h3>Bình luận</h3><form><textarea placeholder="Nhập bình luận của bạn"></textarea><button>Gửi</button></form></section>
</main>
<aside><div class="most-read"><h3>Tin đọc nhiều</h3><ol>${related.map((r) => `<li>${link(ctx, r)}</li>`).join('')}</ol></div>
  <div class="subscribe"><h3>Nhận bản tin</h3><p>Đăng ký nhận tin pháp luật mới nhất.</p><input type="email"><button>Đăng ký</button></div></aside>
<footer>
  <p>Cơ quan chủ quản: Bộ Tư pháp. © Bản quyền thuộc về Báo Pháp luật Việt Nam.</p>
  <p>Trụ sở: 42/86 Phố Lê Đức Thọ, Hà Nội. Đường dây nóng: 0918 000 000.</p>
</footer>
${SHARE_SCRIPT}
</body>
</html>
`;
  return finish(html, opts);
}
