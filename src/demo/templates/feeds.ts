import type { SampleArticle } from '../articles.ts';
import { escapeHtml, pad2, wallClock } from './common.ts';

export interface FeedItem {
  url: string;
  article: SampleArticle;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RSS pubDate as Vietnamese CMSes print it: "Mon, 14 Sep 2026 18:48:23 +07:00" (offset with a colon). */
export function rssDate(iso: string): string {
  const t = wallClock(iso);
  const day = DAYS[new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay()];
  const seconds = /T\d{2}:\d{2}:(\d{2})/.exec(iso)?.[1] ?? '00';
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(iso)?.[1] ?? '+07:00';
  return `${day}, ${pad2(t.day)} ${MONTHS[t.month - 1]} ${t.year} ${pad2(t.hour)}:${pad2(t.minute)}:${seconds} ${offset === 'Z' ? '+00:00' : offset}`;
}

export function renderRss(opts: { baseUrl: string; title: string; items: FeedItem[] }): string {
  const items = opts.items
    .map(
      ({ url, article: a }) => `    <item>
      <title><![CDATA[${a.title}]]></title>
      <link>${escapeHtml(url)}</link>
      <guid isPermaLink="true">${escapeHtml(url)}</guid>
      <description><![CDATA[${a.lead ?? ''}]]></description>
      <category>${escapeHtml(a.section)}</category>
      <pubDate>${rssDate(a.publishedAt)}</pubDate>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeHtml(opts.title)}</title>
    <link>${escapeHtml(opts.baseUrl)}/</link>
    <description>Tin tức đối ngoại mới nhất</description>
    <language>vi</language>
    <atom:link href="${escapeHtml(opts.baseUrl)}/rss.xml" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

export function renderSitemap(urls: { loc: string; lastmod?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `  <url><loc>${escapeHtml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
}
