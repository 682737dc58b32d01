import type { FetchKind } from './types.ts';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FEED_TYPES = new Set(['application/gzip', 'application/x-gzip', 'application/octet-stream', 'application/json', 'application/feed+json']);

export function mimeType(contentType: string | null): string | null {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  return mime || null;
}

/** Whether a response of this Content-Type can be what `kind` asked for; null (absent) is judged later by sniffing. */
export function acceptsContentType(kind: FetchKind, mime: string | null): boolean {
  if (mime === null || kind === 'robots') return true;
  if (kind === 'article' || kind === 'listing') return HTML_TYPES.has(mime);
  return mime.endsWith('/xml') || mime.endsWith('+xml') || mime.startsWith('text/') || FEED_TYPES.has(mime);
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b/i.test(text.slice(0, 2048));
}

export function acceptHeader(kind: FetchKind): string {
  switch (kind) {
    case 'article':
    case 'listing':
      return 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';
    case 'feed':
      return 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';
    case 'sitemap':
      return 'application/xml,text/xml;q=0.9,application/gzip;q=0.8,text/plain;q=0.5,*/*;q=0.3';
    case 'robots':
      return 'text/plain,*/*;q=0.5';
  }
}
