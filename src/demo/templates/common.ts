import type { Block, SampleArticle, SampleImage } from '../articles.ts';
import { slugify } from '../slug.ts';

/** Page-level quirks a fixture can ask for on top of a template's own habits. */
export interface RenderOptions {
  /** Emit the whole page NFD-decomposed (as some CMS exports do). */
  nfd?: boolean;
  /** Escape the title twice in <title>, og:title and JSON-LD ("&amp;quot;"). */
  doubleEncodeTitle?: boolean;
  /** Print each caption a second time as a paragraph after the figure. */
  duplicateCaption?: boolean;
  /** Lazy images: placeholder src, real URL in data-src and a data-srcset. */
  lazyImages?: boolean;
  /** Print no publication date anywhere on the page. */
  hideDate?: boolean;
}

export interface RenderContext {
  baseUrl: string;
  related: SampleArticle[];
  /** The page's own URL (canonical, og:url); default articleUrl(baseUrl, a). */
  url?: string;
  options?: RenderOptions;
}

export type ArticleRenderer = (a: SampleArticle, ctx: RenderContext) => string;

export function articlePath(a: Pick<SampleArticle, 'slug' | 'id'>): string {
  return `/${a.slug}-post${a.id}.html`;
}

export function articleUrl(baseUrl: string, a: Pick<SampleArticle, 'slug' | 'id'>): string {
  return baseUrl.replace(/\/$/, '') + articlePath(a);
}

export function imagePath(img: Pick<SampleImage, 'file'>): string {
  return `/images/${img.file}`;
}

export function sectionPath(section: string): string {
  return `/${slugify(section)}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function titleForHead(title: string, opts: RenderOptions | undefined): string {
  const once = escapeHtml(title);
  return opts?.doubleEncodeTitle ? escapeHtml(once) : once;
}

/** JSON inside <script type="application/ld+json">: "</" must not close the element. */
export function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value, null, 2).replace(/<\//g, '<\\/')}</script>`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: string;
}

/** Wall-clock fields of an ISO string exactly as written (its own offset, +07:00 here). */
export function wallClock(iso: string): WallClock {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date-time: ${iso}`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return { year, month, day, hour, minute, weekday };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "Thứ Bảy" from "Thứ bảy" (thoidai capitalises both words). */
export function titleCaseWeekday(w: string): string {
  return w.replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
}

export function blocksBefore(a: SampleArticle, n: number): SampleImage[] {
  return a.images.filter((i) => i.afterBlock === n);
}

/** Blocks and images in reading order, one HTML fragment each; the template supplies the markup. */
export function renderBody(
  a: SampleArticle,
  block: (b: Block) => string,
  image: (img: SampleImage, index: number) => string,
): string[] {
  const out: string[] = [];
  let imageIndex = 0;
  for (let i = 0; i <= a.blocks.length; i++) {
    for (const img of blocksBefore(a, i)) out.push(image(img, imageIndex++));
    if (i < a.blocks.length) out.push(block(a.blocks[i]));
  }
  return out;
}

export function plainBlock(b: Block, classes: { quote?: string; list?: string } = {}): string {
  switch (b.kind) {
    case 'p':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'h2':
      return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'quote':
      return `<blockquote${classes.quote ? ` class="${classes.quote}"` : ''}><p>${escapeHtml(b.text)}</p></blockquote>`;
    case 'list':
      return `<ul${classes.list ? ` class="${classes.list}"` : ''}>${b.items.map((it) => `<li>${escapeHtml(it)}</li>`).join('')}</ul>`;
  }
}

const PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** <img> markup: eager with a plain src, or lazy with the real URL in data-src/data-srcset. */
export function imgTag(img: SampleImage, src: string, opts: { lazy: boolean; alt?: string; cls?: string }): string {
  const alt = escapeHtml(opts.alt ?? img.caption);
  const cls = opts.cls ? ` class="${opts.cls}"` : '';
  if (!opts.lazy) return `<img${cls} src="${src}" alt="${alt}" width="960" height="640">`;
  const srcset = `${src}?w=480 480w, ${src}?w=720 720w, ${src} 960w`;
  return `<img${cls ? cls.replace('"', '"lazyload ') : ' class="lazyload"'} src="${PLACEHOLDER}" data-src="${src}" data-srcset="${srcset}" alt="${alt}" loading="lazy">`;
}

export function creditSuffix(img: SampleImage, style: 'dot' | 'dash' | 'paren'): string {
  if (!img.credit) return '';
  const c = escapeHtml(img.credit);
  if (style === 'dash') return ` - Ảnh: ${c}`;
  if (style === 'paren') return ` (Ảnh: ${c})`;
  return `. Ảnh: ${c}`;
}

export function relatedItems(ctx: RenderContext, max: number, skip = 0): SampleArticle[] {
  return ctx.related.slice(skip, skip + max);
}

export function link(ctx: RenderContext, a: SampleArticle, inner?: string): string {
  return `<a href="${articlePath(a)}" title="${escapeHtml(a.title)}">${inner ?? escapeHtml(a.title)}</a>`;
}

export const SHARE_SCRIPT = `<script>
  (function () {
    var btn = document.querySelectorAll('[data-copy-link]');
    for (var i = 0; i < btn.length; i++) btn[i].addEventListener('click', function () { navigator.clipboard.writeText(location.href); });
  })();
</script>`;

export function trackingScript(a: SampleArticle, site: string): string {
  // Real CMSes leak the title and category into inline scripts; extractors must ignore them.
  return `<script>
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push({ event: 'pageview', site: ${JSON.stringify(site)}, articleId: ${a.id}, category: ${JSON.stringify(a.section)}, title: ${JSON.stringify(a.title).replace(/<\//g, '<\\/')} });
</script>`;
}

export function finish(html: string, opts: RenderOptions | undefined): string {
  return opts?.nfd ? html.normalize('NFD') : html;
}
