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

const SITE = 'Báo Nhân Dân điện tử';

/** "07/03/2026 08:01 GMT+7" */
function visibleDate(iso: string): string {
  const t = wallClock(iso);
  return `${pad2(t.day)}/${pad2(t.month)}/${t.year} ${pad2(t.hour)}:${pad2(t.minute)} GMT+7`;
}

function figure(img: SampleImage, lazy: boolean, duplicateCaption: boolean): string {
  const caption = `${escapeHtml(img.caption)}${creditSuffix(img, 'paren')}`;
  const fig = `<figure class="picture">
  ${imgTag(img, imagePath(img), { lazy, cls: 'cms-photo' })}
  <figcaption class="image-caption">${caption}</figcaption>
</figure>`;
  return duplicateCaption ? `${fig}\n<p class="caption-text"><em>${caption}</em></p>` : fig;
}

/** Nhân Dân style: article__title / article__sapo / article__body, "NDO -" sapo prefix, lazy images. */
export function renderArticle(a: SampleArticle, ctx: RenderContext): string {
  const opts = ctx.options ?? {};
  const url = ctx.url ?? articleUrl(ctx.baseUrl, a);
  const origin = new URL(url).origin;
  const lazy = opts.lazyImages ?? true;
  const headTitle = titleForHead(a.title, opts);
  const firstImage = a.images[0];
  const ogImage = firstImage ? origin + imagePath(firstImage) : `${origin}/images/nhandan-share-logo.png`;
  const related = relatedItems(ctx, 3);
  const mostRead = relatedItems(ctx, 5, 3);
  const sapo = a.lead === null ? '' : `<div class="article__sapo cms-desc">${a.agencyPrefix ? `<strong>${escapeHtml(a.agencyPrefix)} -</strong> ` : ''}${escapeHtml(a.lead)}</div>`;
  const bodyParts = renderBody(
    a,
    (b) => plainBlock(b, { quote: 'quote-box' }),
    (img) => figure(img, lazy, opts.duplicateCaption ?? false),
  );
  // A "Tin liên quan" box sits inside the body after the second fragment, as on the real site.
  const inlineRelated = related.length
    ? `<div class="box-related-inline"><span class="label">Tin liên quan</span><ul>${related
        .slice(0, 2)
        .map((r) => `<li>${link(ctx, r)}</li>`)
        .join('')}</ul></div>`
    : '';
  bodyParts.splice(Math.min(2, bodyParts.length), 0, inlineRelated);

  const meta = opts.hideDate
    ? ''
    : `<meta property="article:published_time" content="${a.publishedAt}">\n<meta property="article:modified_time" content="${a.publishedAt}">`;
  const ld = opts.hideDate
    ? ''
    : `<script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: opts.doubleEncodeTitle ? escapeHtml(a.title) : a.title,
        description: a.lead ?? undefined,
        datePublished: a.publishedAt,
        image: firstImage ? [origin + imagePath(firstImage)] : undefined,
        author: a.authors.map((name) => ({ '@type': 'Person', name })),
        publisher: { '@type': 'Organization', name: SITE, logo: { '@type': 'ImageObject', url: `${origin}/images/logo.png` } },
        mainEntityOfPage: url,
      })}</script>`;

  const html = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${headTitle} - ${SITE}</title>
<meta name="description" content="${escapeHtml(a.lead ?? a.title)}">
<meta name="keywords" content="${escapeHtml(a.tags.join(', '))}">
<link rel="canonical" href="${url}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${SITE}">
<meta property="og:title" content="${headTitle}">
<meta property="og:url" content="${url}">
<meta property="og:image" content="${ogImage}">
<meta property="og:description" content="${escapeHtml(a.lead ?? '')}">
${meta}
${ld}
<style>
  .article__body p { line-height: 1.6; margin: 0 0 1em; }
  .picture figcaption { font-size: 14px; color: #555; text-align: center; }
  .box-related-inline { border-left: 3px solid #c00; padding-left: 12px; }
</style>
${trackingScript(a, 'nhandan')}
</head>
<body class="detail-page">
<header class="header">
  <div class="header__top"><a class="logo" href="/"><img src="/images/logo.png" alt="Nhân Dân"></a>
    <div class="header__date">Chủ nhật, 22/11/2026</div>
    <form class="search" action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"></form></div>
  <nav class="main-menu"><ul>
    <li><a href="/">Trang chủ</a></li><li><a href="/chinh-tri">Chính trị</a></li><li><a href="/the-gioi">Thế giới</a></li>
    <li><a href="/kinh-te">Kinh tế</a></li><li><a href="/thoi-su">Thời sự</a></li><li><a href="/xa-hoi">Xã hội</a></li>
    <li><a href="/video">Video</a></li><li><a href="/e-magazine">E-magazine</a></li></ul></nav>
</header>
<main class="main-detail">
  <div class="breadcrumbs"><a href="/">Trang chủ</a><span class="sep">›</span><a class="breadcrumb-item" href="${sectionPath(a.section)}">${escapeHtml(a.section)}</a></div>
  <article class="article article--detail" data-id="${a.id}">
    <h1 class="article__title cms-title">${escapeHtml(a.title)}</h1>
    <div class="article__meta">
      ${opts.hideDate ? '' : `<time class="time" datetime="${a.publishedAt}">${visibleDate(a.publishedAt)}</time>`}
      <div class="article__social share-bar"><span>Chia sẻ</span>
        <a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}">Facebook</a>
        <a class="share-zalo" href="https://zalo.me/share?u=${encodeURIComponent(url)}">Zalo</a>
        <button type="button" data-copy-link>Copy link</button></div>
    </div>
    ${sapo}
    <div class="article__body zce-content-body cms-body" itemprop="articleBody">
${bodyParts.join('\n')}
    </div>
    ${a.authors.length ? `<div class="article__author"><span class="name">${a.authors.map(escapeHtml).join(' - ')}</span></div>` : ''}
    ${a.trailingCredit ? `<p class="article__source">${escapeHtml(a.trailingCredit)}</p>` : ''}
    <div class="article__tag"><span>Từ khóa:</span> ${a.tags.map((t) => `<a href="/tag/${encodeURIComponent(t)}">${escapeHtml(t)}</a>`).join(' ')}</div>
    <div class="article__social share-bar bottom"><span>Chia sẻ</span> <a href="#">Facebook</a> <a href="#">Zalo</a> <button type="button" data-copy-link>Copy link</button></div>
  </article>
  <div class="ads ad-slot" id="ad-article-bottom"><span>Quảng cáo</span><iframe title="ad" src="about:blank" width="728" height="90"></iframe></div>
  <section class="box-comment"><h3>Bình luận</h3>
    <form><textarea placeholder="Mời bạn để lại bình luận"></textarea><input placeholder="Họ tên"><button>Gửi bình luận</button></form></section>
  <section class="box-related"><h3 class="box-title">Tin liên quan</h3><ul>${related.map((r) => `<li>${link(ctx, r)}</li>`).join('')}</ul></section>
  <section class="box-same-category"><h3 class="box-title">Cùng chuyên mục</h3>${mostRead
    .slice(0, 3)
    .map((r) => `<article class="story"><h4 class="story__heading">${link(ctx, r)}</h4><p class="story__summary">${escapeHtml(r.lead ?? '')}</p></article>`)
    .join('')}<a class="view-more" href="${sectionPath(a.section)}">Xem thêm</a></section>
</main>
<aside class="sidebar">
  <section class="box-most-read"><h3>Tin đọc nhiều</h3><ol>${mostRead.map((r) => `<li>${link(ctx, r)}</li>`).join('')}</ol></section>
  <section class="newsletter"><h3>Đăng ký nhận bản tin</h3><p>Nhận tin nóng mỗi sáng qua email.</p><form><input type="email" placeholder="Email của bạn"><button>Đăng ký</button></form></section>
</aside>
<footer class="footer">
  <p>© Bản quyền thuộc về Báo Nhân Dân. Cơ quan Trung ương của Đảng Cộng sản Việt Nam, tiếng nói của Đảng, Nhà nước và nhân dân Việt Nam.</p>
  <p>Địa chỉ: số 71 Hàng Trống, Hoàn Kiếm, Hà Nội. Điện thoại: (024) 3825 4231.</p>
  <p>Không sao chép khi chưa có sự đồng ý bằng văn bản của Báo Nhân Dân.</p>
</footer>
${SHARE_SCRIPT}
<script async src="/js/ads.js"></script>
</body>
</html>
`;
  return finish(html, opts);
}

