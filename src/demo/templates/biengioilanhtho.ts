import type { Block, SampleArticle, SampleImage } from '../articles.ts';
import {
  type RenderContext,
  articleUrl,
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
  wallClock,
} from './common.ts';

const SITE = 'Ủy ban Biên giới quốc gia - Bộ Ngoại giao';

/** "24/11/2021 17:34" (no zone printed: local time in Asia/Ho_Chi_Minh). */
function visibleDate(iso: string): string {
  const t = wallClock(iso);
  return `${pad2(t.day)}/${pad2(t.month)}/${t.year} ${pad2(t.hour)}:${pad2(t.minute)}`;
}

const SPAN = `<span style="font-size: 14pt; font-family: 'Times New Roman', serif;">`;

function block(b: Block): string {
  switch (b.kind) {
    case 'p':
      return `<p class="MsoNormal" style="text-align: justify; text-indent: 36pt;">${SPAN}${escapeHtml(b.text)}</span></p>`;
    case 'h2':
      return `<p class="MsoNormal" style="text-align: justify;"><b>${SPAN}${escapeHtml(b.text)}</span></b></p>`;
    case 'quote':
      return `<p class="MsoNormal" style="margin-left: 36pt; text-align: justify;"><i>${SPAN}${escapeHtml(b.text)}</span></i></p>`;
    case 'list':
      return `<ul>${b.items.map((it) => `<li class="MsoNormal">${SPAN}${escapeHtml(it)}</span></li>`).join('')}</ul>`;
  }
}

// Caption in a table row; the credit, when any, in its own right-aligned line after the table.
function figure(img: SampleImage, lazy: boolean, duplicateCaption: boolean): string {
  const caption = escapeHtml(img.caption);
  return `<table align="center" border="0" cellpadding="1" cellspacing="1" style="width: 600px;"><tbody>
<tr><td>${imgTag(img, `..${imagePath(img)}`, { lazy, alt: '' })}</td></tr>
<tr><td style="text-align: center;"><span style="font-size: 12pt;"><i>${caption}</i></span></td></tr>
</tbody></table>
${img.credit ? `<p style="text-align: right;"><i>Ảnh: ${escapeHtml(img.credit)}</i></p>` : ''}${duplicateCaption ? `\n<p style="text-align: center;">${caption}</p>` : ''}`;
}

/**
 * biengioilanhtho.gov.vn style: a plain government CMS laid out with tables, MsoNormal
 * paragraphs pasted from Word, a bold summary, visible date only, credits on their own line.
 * Image paths are document-relative ("../images/x.jpg"): /images/x.jpg for a page at most one folder deep.
 */
export function renderArticle(a: SampleArticle, ctx: RenderContext): string {
  const opts = ctx.options ?? {};
  const url = ctx.url ?? articleUrl(ctx.baseUrl, a);
  const headTitle = titleForHead(a.title, opts);
  const others = relatedItems(ctx, 8);
  const body = renderBody(a, block, (img) => figure(img, opts.lazyImages ?? false, opts.duplicateCaption ?? false));

  const html = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${headTitle} - ${SITE}</title>
<meta property="og:title" content="${headTitle}" />
<meta property="og:url" content="${url}" />
<meta property="og:site_name" content="Biên giới lãnh thổ" />
<meta property="og:image" content="${new URL('/images/ubbg-logo.png', url).href}" />
<link rel="canonical" href="${url}" />
<link href="/Portal/css/style.css" rel="stylesheet" type="text/css" />
<style type="text/css">
  td.content-news { padding: 8px; }
  .menu-top a { color: #fff; padding: 0 10px; }
</style>
<script type="text/javascript">var _gaq = _gaq || []; _gaq.push(['_setAccount', 'UA-000000-1']); _gaq.push(['_trackPageview']);</script>
</head>
<body>
<table width="1000" align="center" cellpadding="0" cellspacing="0" border="0" class="main-table">
<tr><td class="banner"><img src="/images/ubbg-banner.png" alt="ỦY BAN BIÊN GIỚI QUỐC GIA" /></td></tr>
<tr><td class="menu-top"><a href="/">Trang chủ</a><a href="/gioi-thieu">Giới thiệu</a><a href="/bien-gioi-dat-lien">Biên giới đất liền</a><a href="/bien-dao">Biển đảo</a><a href="/hop-tac-quoc-te">Hợp tác quốc tế</a><a href="/van-ban">Văn bản</a><a href="/lien-he">Liên hệ</a></td></tr>
<tr><td>
  <table width="100%" cellpadding="0" cellspacing="0"><tr>
  <td valign="top" class="content-news" width="700">
    <div class="path"><a href="/">Trang chủ</a> &gt; <a href="${sectionPath(a.section)}">${escapeHtml(a.section)}</a></div>
    <h1 class="title-news">${escapeHtml(a.title)}</h1>
    ${opts.hideDate ? '' : `<div class="date-news">${visibleDate(a.publishedAt)}</div>`}
    <div class="tool-news"><a href="javascript:window.print()">In bài viết</a> | <a href="#">Gửi email</a> | <a href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}">Chia sẻ Facebook</a> | <a href="#">Zalo</a> | <a href="#" onclick="navigator.clipboard.writeText(location.href)">Copy link</a></div>
    ${a.lead === null ? '' : `<div class="summary-news"><b>${a.agencyPrefix ? `${escapeHtml(a.agencyPrefix)} - ` : ''}${escapeHtml(a.lead)}</b></div>`}
    <div class="body-news">
${body.join('\n')}
${a.authors.length ? `<p style="text-align: right;"><b>${a.authors.map(escapeHtml).join(', ')}</b></p>` : ''}
${a.trailingCredit ? `<p style="text-align: right;">${escapeHtml(a.trailingCredit)}</p>` : ''}
    </div>
    <div class="keyword-news">Từ khóa: ${a.tags.map((t) => `<a href="/tim-kiem?tu-khoa=${encodeURIComponent(t)}">${escapeHtml(t)}</a>`).join('; ')}</div>
    <div class="other-news"><div class="title-other">Các tin khác</div><ul>${others
      .slice(0, 5)
      .map((r) => `<li>${link(ctx, r)} <span class="date">(${visibleDate(r.publishedAt).slice(0, 10)})</span></li>`)
      .join('')}</ul></div>
  </td>
  <td valign="top" class="right-col" width="300">
    <div class="box-right"><div class="title-box">Tin đọc nhiều</div><ul>${others.map((r) => `<li>${link(ctx, r)}</li>`).join('')}</ul></div>
    <div class="box-right"><div class="title-box">Liên kết website</div><select><option>Bộ Ngoại giao</option><option>Cổng thông tin điện tử Chính phủ</option></select></div>
    <div class="box-right adv"><a href="#"><img src="/images/banner-right.png" alt="Quảng cáo" /></a></div>
  </td></tr></table>
</td></tr>
<tr><td class="footer">
  <p>Bản quyền thuộc Ủy ban Biên giới quốc gia - Bộ Ngoại giao.</p>
  <p>Địa chỉ: Số 2 Lê Quang Đạo, Nam Từ Liêm, Hà Nội. Điện thoại: 024.3799.3000.</p>
  <p>Ghi rõ nguồn "biengioilanhtho.gov.vn" khi phát hành lại thông tin từ website này.</p>
</td></tr>
</table>
</body>
</html>
`;
  return finish(html, opts);
}
