import type { Block, SampleArticle, SampleImage } from '../articles.ts';
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
  relatedItems,
  renderBody,
  sectionPath,
  titleForHead,
  trackingScript,
  wallClock,
} from './common.ts';

const SITE = 'Báo Tin tức - TTXVN';

/** "Thứ bảy, 7/3/2026, 00:05 (GMT+7)" */
function visibleDate(iso: string): string {
  const t = wallClock(iso);
  return `${t.weekday}, ${t.day}/${t.month}/${t.year}, ${pad2(t.hour)}:${pad2(t.minute)} (GMT+7)`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p style="text-align: justify;">${escapeHtml(b.text)}</p>`;
    case 'h2':
      return `<p style="text-align: justify;"><strong>${escapeHtml(b.text)}</strong></p>`;
    case 'quote':
      return `<div class="quote"><p><em>${escapeHtml(b.text)}</em></p></div>`;
    case 'list':
      return `<ul>${b.items.map((it) => `<li style="text-align: justify;">${escapeHtml(it)}</li>`).join('')}</ul>`;
  }
}

function figure(img: SampleImage, lazy: boolean, duplicateCaption: boolean): string {
  const caption = `${escapeHtml(img.caption)}${creditSuffix(img, 'dot')}`;
  // The visually hidden "Chú thích ảnh" label leaks into naive text dumps, as in the real pages.
  const fig = `<figure class="image align-center">
  ${imgTag(img, imagePath(img), { lazy, alt: 'Chú thích ảnh' })}
  <figcaption><span class="sr-only">Chú thích ảnh</span><span class="desc">${caption}</span></figcaption>
</figure>`;
  return duplicateCaption ? `${fig}\n<p style="text-align: center;"><em>${caption}</em></p>` : fig;
}

/**
 * Báo Tin tức (TTXVN) style: div.boxdetail / h2.sapo / div.contents; sub-headings as bold
 * paragraphs, bold right-aligned byline and "TTXVN/Báo Tin tức" credit at the end.
 * The date exists only as visible text.
 */
export function renderArticle(a: SampleArticle, ctx: RenderContext): string {
  const opts = ctx.options ?? {};
  const url = ctx.url ?? articleUrl(ctx.baseUrl, a);
  const origin = new URL(url).origin;
  const headTitle = titleForHead(a.title, opts);
  const ogImage = a.images[0] ? origin + imagePath(a.images[0]) : `${origin}/images/baotintuc-logo.png`;
  const related = relatedItems(ctx, 4);
  const readMore = relatedItems(ctx, 4, 4);
  const body = renderBody(a, block, (img) => figure(img, opts.lazyImages ?? false, opts.duplicateCaption ?? false));
  const sapo =
    a.lead === null
      ? ''
      : `<h2 class="sapo">${a.agencyPrefix ? `${escapeHtml(a.agencyPrefix)} - ` : ''}${escapeHtml(a.lead)}</h2>`;
  const byline = a.authors.length ? `<p class="author" style="text-align: right;"><strong>${a.authors.map(escapeHtml).join(', ')}</strong></p>` : '';
  const credit = a.trailingCredit ? `<p style="text-align: right;"><strong>${escapeHtml(a.trailingCredit)}</strong></p>` : '';

  const html = `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi-VN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${headTitle} - ${SITE}</title>
<meta name="description" content="${escapeHtml(a.lead ?? '')}" />
<meta name="news_keywords" content="${escapeHtml(a.tags.join(','))}" />
<link rel="canonical" href="${url}" />
<meta property="og:site_name" content="Báo Tin tức" />
<meta property="og:type" content="article" />
<meta property="og:title" content="${headTitle}" />
<meta property="og:url" content="${url}" />
<meta property="og:image" content="${ogImage}" />
<link rel="stylesheet" href="/css/main.css?v=20260301" />
<style type="text/css">
  .boxdetail .contents p { font-size: 17px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
</style>
${trackingScript(a, 'baotintuc')}
</head>
<body>
<div id="wrapper">
  <div class="header"><a href="/" class="logo"><img src="/images/baotintuc-logo.png" alt="Báo Tin tức" /></a>
    <div class="menu"><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/the-gioi">Thế giới</a> <a href="/kinh-te">Kinh tế</a> <a href="/xa-hoi">Xã hội</a> <a href="/phap-luat">Pháp luật</a> <a href="/van-hoa">Văn hóa</a> <a href="/the-thao">Thể thao</a></div>
    <div class="hotline">Đường dây nóng: 0915 44 2828</div>
  </div>
  <div class="adv" id="adv-top"><a href="https://quangcao.example.vn/"><img src="/images/banner-top.png" alt="Quảng cáo" /></a></div>
  <div class="container">
    <div class="col-left">
      <div class="breadcrumb"><ul><li><a href="/">Trang chủ</a></li><li class="active"><a href="${sectionPath(a.section)}">${escapeHtml(a.section)}</a></li></ul></div>
      <div class="boxdetail">
        <h1 class="detail-title">${escapeHtml(a.title)}</h1>
        <div class="date-ctrl">
          ${opts.hideDate ? '' : `<span class="txt-date">${visibleDate(a.publishedAt)}</span>`}
          <div class="share"><span>Chia sẻ:</span> <a class="fb" href="#">Facebook</a> <a class="zalo" href="#">Zalo</a> <a class="copy" data-copy-link href="#">Copy link</a></div>
        </div>
        ${sapo}
        <div class="contents">
${body.join('\n')}
${byline}
${credit}
        </div>
        <div class="keyword"><span>Từ khóa:</span> ${a.tags.map((t) => `<a href="/tags/${encodeURIComponent(t)}.htm">${escapeHtml(t)}</a>`).join(', ')}</div>
        <div class="share bottom"><span>Chia sẻ:</span> <a class="fb" href="#">Facebook</a> <a class="zalo" href="#">Zalo</a></div>
        <div class="box-tinlienquan"><h3>Tin liên quan</h3>${related
          .slice(0, 2)
          .map((r) => `<div class="item">${link(ctx, r)}<p class="sapo-lq">${escapeHtml(r.lead ?? '')}</p></div>`)
          .join('')}</div>
      </div>
      <div class="adv" id="adv-detail"><span>Quảng cáo</span><script>googletag.cmd.push(function(){ googletag.display('div-gpt-ad-detail'); });</script></div>
      <div class="box-comment"><h3>Bình luận</h3><textarea placeholder="Ý kiến của bạn"></textarea><button>Gửi</button></div>
      <div class="box-xemthem"><h3>Xem thêm</h3><ul>${readMore.map((r) => `<li>${link(ctx, r)}</li>`).join('')}</ul></div>
    </div>
    <div class="col-right">
      <div class="box-docnhieu"><h3>Tin đọc nhiều</h3><ul>${related.map((r) => `<li>${link(ctx, r)}</li>`).join('')}</ul></div>
      <div class="box-newsletter"><h3>Nhận tin mới</h3><p>Đăng ký để nhận bản tin Báo Tin tức hằng ngày.</p><input type="email" /><button>Đăng ký</button></div>
    </div>
  </div>
  <div class="footer">
    <p>Các đơn vị thông tin của TTXVN</p>
    <p>© Bản quyền thuộc về Thông tấn xã Việt Nam. Tổng Biên tập: Nguyễn Văn Minh.</p>
    <p>Tòa soạn: Số 11 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội. Điện thoại: 024.3933.0000.</p>
  </div>
</div>
${SHARE_SCRIPT}
</body>
</html>
`;
  return finish(html, opts);
}
