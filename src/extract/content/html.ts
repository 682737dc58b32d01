import { escapeAttribute, escapeText } from 'entities';
import { normalizeText } from '../../normalize/text.ts';
import type { Block } from './collect.ts';

// Inline html of a block holds only escaped text and <a href="http(s)...">; fold its whitespace like the text.
const inline = (html: string) => normalizeText(html);

/** Minimal sanitized HTML of the article: p, h2-h4, ul/ol/li, blockquote, figure/img/figcaption, a[href]. */
export function renderBodyHtml(blocks: Block[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i];
    if (b.kind === 'li' && b.list) {
      const tag = b.ordered ? 'ol' : 'ul';
      const items: string[] = [];
      while (i < blocks.length && blocks[i].kind === 'li' && blocks[i].list === b.list) items.push(`<li>${inline(blocks[i++].html)}</li>`);
      out.push(`<${tag}>${items.join('')}</${tag}>`);
      continue;
    }
    if (b.kind === 'quote') {
      const paras: string[] = [];
      while (i < blocks.length && blocks[i].kind === 'quote' && blocks[i].quote === b.quote) paras.push(`<p>${inline(blocks[i++].html)}</p>`);
      out.push(`<blockquote>${paras.join('')}</blockquote>`);
      continue;
    }
    i++;
    if (b.kind === 'figure' && b.image) {
      const alt = b.image.caption ? ` alt="${escapeAttribute(b.image.caption)}"` : '';
      out.push(`<figure><img src="${escapeAttribute(b.image.url)}"${alt}>${b.image.caption ? `<figcaption>${escapeText(b.image.caption)}</figcaption>` : ''}</figure>`);
      continue;
    }
    if (b.kind === 'h') {
      const lv = b.level ?? 3;
      out.push(`<h${lv}>${inline(b.html)}</h${lv}>`);
      continue;
    }
    out.push(`<p>${inline(b.html)}</p>`);
  }
  return out.join('\n');
}
