import type { Block, SampleArticle, SampleImage } from '../articles.ts';
import {
  type RenderContext,
  articleUrl,
  creditSuffix,
  escapeHtml,
  finish,
  imagePath,
  imgTag,
  jsonLd,
  link,
  pad2,
  relatedItems,
  renderBody,
  sectionPath,
  titleCaseWeekday,
  titleForHead,
  trackingScript,
  wallClock,
} from './common.ts';

const SITE = 'Tạp chí điện tử Thời Đại';

/** "Thứ Bảy, 13/05/2023 17:27" */
function visibleDate(iso: string): string {
  const t = wallClock(iso);
  return `${titleCaseWeekday(t.weekday)}, ${pad2(t.day)}/${pad2(t.month)}/${t.year} ${pad2(t.hour)}:${pad2(t.minute)}`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'h2':
      return `<p><strong>${escapeHtml(b.text)}</strong></p>`;
    case 'quote':
      return `<blockquote class="quote"><p><em>${escapeHtml(b.text)}</em></p></blockquote>`;
    case 'list':
      return `<ul>${b.items.map((it) => `<li>${escapeHtml(it)}</li>`).join('')}</ul>`;
  }
}

// MasterCMS prints figures as tables: alternately its template table and the older table.image.
function figure(img: SampleImage, index: number, origin: string, lazy: boolean, duplicateCaption: boolean): string {
  const caption = `${escapeHtml(img.caption)}${creditSuffix(img, 'dash')}`;
  // Absolute URLs on the site's own origin, as MasterCMS writes them.
  const src = origin + imagePath(img);
  const table =
    index % 2 === 0
      ? `<table class="MASTERCMS_TPL_TABLE" style="width: 100%;"><tbody>
<tr><td>${imgTag(img, src, { lazy, alt: img.caption })}</td></tr>
<tr><td class="image_desc"><em>${caption}</em></td></tr>
</tbody></table>`
      : `<table class="image center"><tbody>
<tr><td>${imgTag(img, src, { lazy, alt: img.caption })}</td></tr>
<tr><td class="image_caption">${caption}</td></tr>
</tbody></table>`;
  return duplicateCaption ? `${table}\n<p style="text-align: center;"><em>${caption}</em></p>` : table;
}

/**
 * Thời Đại (MasterCMS): div.detail-content.__MASTERCMS_CONTENT, table figures, JSON-LD in @graph,
 * articles syndicated from TG&VN with a "TG&VN." sapo prefix.
 */
export function renderArticle(a: SampleArticle, ctx: RenderContext): string {
  const opts = ctx.options ?? {};
  const url = ctx.url ?? articleUrl(ctx.baseUrl, a);
  const origin = new URL(url).origin;
  const headTitle = titleForHead(a.title, opts);
  const ogImage = a.images[0] ? origin + imagePath(a.images[0]) : `${origin}/images/thoidai-share.png`;
  const related = relatedItems(ctx, 4);
  const others = relatedItems(ctx, 6, 2);
  const body = renderBody(a, block, (img, i) => figure(img, i, origin, opts.lazyImages ?? false, opts.duplicateCaption ?? false));
  const sapo =
    a.lead === null
      ? ''
      : `<div class="detail-sapo __MASTERCMS_LEAD">${a.agencyPrefix ? `<strong>${escapeHtml(a.agencyPrefix)}.</strong> ` : ''}${escapeHtml(a.lead)}</div>`;
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', '@id': `${origin}/#website`, url: `${origin}/`, name: SITE },
      {
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: `${origin}/` },
          { '@type': 'ListItem', position: 2, name: a.section, item: origin + sectionPath(a.section) },
        ],
      },
      {
        '@type': 'NewsArticle',
        '@id': `${url}#article`,
        headline: opts.doubleEncodeTitle ? escapeHtml(a.title) : a.title,
        ...(opts.hideDate ? {} : { datePublished: a.publishedAt, dateModified: a.publishedAt }),
        image: a.images.map((i) => origin + imagePath(i)),
        author: a.authors.map((name) => ({ '@type': 'Person', name })),
        publisher: { '@id': `${origin}/#website` },
        articleSection: a.section,
        keywords: a.tags.join(', '),
        isPartOf: { '@id': `${origin}/#website` },
      },
    ],
  };

  const html = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<title>${headTitle} - ${SITE}</title>
<meta name="description" content="${escapeHtml(a.lead ?? '')}">
<link rel="canonical" href="${url}">
<meta property="og:title" content="${headTitle}">
<meta property="og:url" content="${url}">
<meta property="og:image" content="${ogImage}">
<meta property="og:site_name" content="${SITE}">
<meta property="og:type" content="article">
${jsonLd(graph)}
<style>
  .__MASTERCMS_CONTENT table.MASTERCMS_TPL_TABLE td { text-align: center; }
  .image_desc, .image_caption { font-size: 13px; color: #444; }
</style>
${trackingScript(a, 'thoidai')}
<script>var MASTERCMS = { articleId: ${a.id}, zone: ${JSON.stringify(a.section)} };</script>
</head>
<body>
<div class="site-header">
  <div class="top-bar"><span class="today">Hà Nội, 22°C</span> <a href="/rss">RSS</a> <a href="/lien-he">Liên hệ</a></div>
  <a class="site-logo" href="/"><img src="/images/thoidai-logo.png" alt="Thời Đại"></a>
  <ul class="main-nav"><li><a href="/">Trang chủ</a></li><li><a href="/doi-ngoai">Đối ngoại</a></li><li><a href="/da-phuong">Đa phương</a></li><li><a href="/van-hoa-doi-ngoai">Văn hóa đối ngoại</a></li><li><a href="/kieu-bao">Kiều bào</a></li><li><a href="/multimedia">Multimedia</a></li></ul>
</div>
<div class="site-content">
  <div class="breadcrumbs"><a href="/">Trang chủ</a> <i class="fa fa-angle-right"></i> <a href="${sectionPath(a.section)}" class="active">${escapeHtml(a.section)}</a></div>
  <div class="article-detail">
    <h1 class="detail-title __MASTERCMS_TITLE">${escapeHtml(a.title)}</h1>
    <div class="detail-meta">
      ${opts.hideDate ? '' : `<span class="detail-time"><i class="fa fa-clock-o"></i> ${visibleDate(a.publishedAt)}</span>`}
      <span class="social-share"><a href="#" class="facebook">Facebook</a> <a href="#" class="zalo">Zalo</a> <a href="#" class="twitter">Twitter</a> <a href="#" data-copy-link>Copy link</a> <em>Chia sẻ</em></span>
    </div>
    ${sapo}
    <div class="detail-related-top"><ul>${related
      .slice(0, 3)
      .map((r) => `<li>${link(ctx, r)}</li>`)
      .join('')}</ul></div>
    <div class="detail-content afcbc-body __MASTERCMS_CONTENT">
${body.join('\n')}
    </div>
    ${a.authors.length ? `<div class="detail-author"><strong class="author">${a.authors.map(escapeHtml).join(' - ')}</strong></div>` : ''}
    ${a.trailingCredit ? `<div class="detail-source"><em>${escapeHtml(a.trailingCredit)}</em></div>` : ''}
    <div class="detail-tags"><b>Từ khóa:</b> ${a.tags.map((t) => `<a class="tag-item" href="/tags/${encodeURIComponent(t)}">${escapeHtml(t)}</a>`).join('')}</div>
    <div class="banner-ads" id="mastercms-ads-detail"><a href="#"><img src="/images/ads-300x250.png" alt="Quảng cáo"></a></div>
    <div class="detail-comment"><h3>Bình luận</h3><form><textarea></textarea><input placeholder="Họ và tên"><input placeholder="Email"><button>Gửi bình luận</button></form></div>
  </div>
  <div class="detail-more">
    <h3 class="title-box">Tin bài liên quan</h3>
    ${related.map((r) => `<div class="more-item">${link(ctx, r)}<span class="sapo">${escapeHtml(r.lead ?? '')}</span></div>`).join('\n    ')}
    <h3 class="title-box">Các tin bài khác</h3>
    <ul>${others.map((r) => `<li>${link(ctx, r)}</li>`).join('')}</ul>
  </div>
  <div class="sidebar">
    <div class="box-hot"><h3>Tin đọc nhiều</h3><ul>${others.slice(0, 4).map((r) => `<li>${link(ctx, r)}</li>`).join('')}</ul></div>
    <div class="box-magazine"><h3>Đọc thêm</h3><p>Tạp chí Thời Đại số mới nhất đã phát hành.</p></div>
    <div class="box-newsletter"><h3>Nhận bản tin</h3><form><input type="email" placeholder="Email"><button>Đăng ký</button></form></div>
  </div>
</div>
<div class="site-footer">
  <p>Cơ quan chủ quản: Liên hiệp các tổ chức hữu nghị Việt Nam. Bản quyền thuộc về Tạp chí Thời Đại.</p>
  <p>Địa chỉ: Số 105A Quán Thánh, Ba Đình, Hà Nội. Email: toasoan@example.vn</p>
  <p>Ghi rõ nguồn "Tạp chí Thời Đại" khi phát hành lại thông tin từ website này.</p>
</div>
<script src="/js/mastercms.min.js"></script>
</body>
</html>
`;
  return finish(html, opts);
}
