import type { SampleArticle } from '../articles.ts';
import { escapeHtml, imagePath, pad2, wallClock } from './common.ts';

export interface ListingLink {
  /** Path or URL of the page, as linked. */
  href: string;
  title: string;
  lead?: string | null;
  publishedAt?: string;
  image?: string;
}

export interface ListingPage {
  siteName: string;
  heading: string;
  items: ListingLink[];
  page: number;
  pageCount: number;
  /** Link to page n of this listing (e.g. "/the-gioi?page=2"). */
  pageHref: (n: number) => string;
  sections: { name: string; href: string }[];
  /** Extra boxes (e.g. a video box) printed after the list. */
  extra?: string;
}

export function listingLink(href: string, a: SampleArticle): ListingLink {
  return { href, title: a.title, lead: a.lead, publishedAt: a.publishedAt, image: a.images[0] ? imagePath(a.images[0]) : undefined };
}

function shortDate(iso: string): string {
  const t = wallClock(iso);
  return `${pad2(t.day)}/${pad2(t.month)}/${t.year}`;
}

/** A section or home listing: article teasers and a numbered pager. */
export function renderListing(p: ListingPage): string {
  const teasers = p.items
    .map(
      (it) => `<article class="story">
  ${it.image ? `<a class="story__thumb" href="${it.href}"><img src="${it.image}" alt=""></a>` : ''}
  <h3 class="story__title"><a href="${it.href}">${escapeHtml(it.title)}</a></h3>
  ${it.publishedAt ? `<span class="story__time">${shortDate(it.publishedAt)}</span>` : ''}
  ${it.lead ? `<p class="story__sapo">${escapeHtml(it.lead)}</p>` : ''}
</article>`,
    )
    .join('\n');
  const pager: string[] = [];
  if (p.page > 1) pager.push(`<a class="prev" href="${p.pageHref(p.page - 1)}">Trang trước</a>`);
  for (let n = 1; n <= p.pageCount; n++) {
    pager.push(n === p.page ? `<span class="current">${n}</span>` : `<a href="${p.pageHref(n)}">${n}</a>`);
  }
  if (p.page < p.pageCount) pager.push(`<a class="next" href="${p.pageHref(p.page + 1)}">Trang sau</a>`);
  return `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>${escapeHtml(p.heading)} - ${escapeHtml(p.siteName)}</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml" title="RSS"></head>
<body>
<header><a href="/">${escapeHtml(p.siteName)}</a>
<nav>${p.sections.map((s) => `<a href="${s.href}">${escapeHtml(s.name)}</a>`).join(' ')}</nav></header>
<main>
<h1>${escapeHtml(p.heading)}</h1>
${teasers}
<div class="pagination">${pager.join(' ')}</div>
${p.extra ?? ''}
</main>
<footer><p>© ${escapeHtml(p.siteName)} - trang tin mẫu ngoại tuyến của tinflow.</p></footer>
</body>
</html>
`;
}
