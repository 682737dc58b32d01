import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DiscoveryError } from './errors.ts';

export type XmlNode = Record<string, unknown>;

/** Elements read as lists even when they occur once. */
const LIST_ELEMENTS = new Set(['item', 'entry', 'link', 'url', 'sitemap']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true, // <news:title>, <n:title> and <dc:date> read the same whatever the prefix
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  // Item bodies are not needed and often hold broken markup: keep them as opaque text.
  stopNodes: ['*.description', '*.encoded', '*.summary', '*.content'],
  isArray: (name) => LIST_ELEMENTS.has(name),
});

/** Strip a byte order mark and leading whitespace. */
export function trimBody(body: string): string {
  return body.replace(/^\uFEFF/, '').trimStart();
}

/** Markup that is HTML rather than XML (an error page, a consent wall, a listing page). */
export function looksLikeHtml(body: string, contentType: string | null): boolean {
  const head = trimBody(body).slice(0, 1024).toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype html|html[\s>])/.test(head)) return true;
  return (contentType ?? '').toLowerCase().includes('text/html') && !/<(rss|feed|rdf:rdf|urlset|sitemapindex)[\s>]/.test(head);
}

/** What an XML body is, from its root element: a feed, a sitemap, or neither. */
export function sniffXmlKind(body: string): 'feed' | 'sitemap' | null {
  const head = trimBody(body).slice(0, 2048);
  const root = /^(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<\?[^>]*\?>|<!DOCTYPE[^>]*>)\s*)*<([A-Za-z_][\w.:-]*)/.exec(head)?.[1]?.toLowerCase();
  if (!root) return null;
  const local = root.slice(root.indexOf(':') + 1);
  if (local === 'rss' || local === 'feed' || local === 'rdf') return 'feed';
  if (local === 'urlset' || local === 'sitemapindex') return 'sitemap';
  return null;
}

/**
 * Gzip bytes that reached us as text: the fetch stage decompresses .xml.gz and
 * Content-Encoding: gzip, so this means a fetcher bug or a mislabelled response.
 */
export function looksGzipped(body: string): boolean {
  return body.charCodeAt(0) === 0x1f && (body.charCodeAt(1) === 0x8b || body.charCodeAt(1) === 0xfffd);
}

export interface ParsedXml {
  doc: XmlNode;
  /** Why the body is not well-formed XML, or null. Feeds in the wild often are not (a bare "&" in a link). */
  invalid: string | null;
}

/**
 * Lenient parse: a body that is not well-formed is still read, and the caller throws
 * unparseableXml(...) only when nothing usable came out of it.
 */
export function parseXml(body: string, url: string): ParsedXml {
  const text = trimBody(body);
  const valid = XMLValidator.validate(text);
  const invalid = valid === true ? null : `${valid.err.msg} (line ${valid.err.line})`;
  try {
    return { doc: parser.parse(text) as XmlNode, invalid };
  } catch (err) {
    throw unparseableXml(url, invalid ?? (err as Error).message);
  }
}

export function unparseableXml(url: string, why: string): DiscoveryError {
  return new DiscoveryError('unparseable-xml', `${url}: not well-formed XML: ${why}`);
}

/** Text content of a parsed element: a string, or the #text of an element with attributes. */
export function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') return textOf((value as XmlNode)['#text']);
  return undefined;
}

export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function asNode(value: unknown): XmlNode | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v && typeof v === 'object' ? (v as XmlNode) : undefined;
}
