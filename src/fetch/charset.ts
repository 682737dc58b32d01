import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

const SNIFF_BYTES = 4096;

// WHATWG Encoding: these labels all mean windows-1252, a superset that decodes real pages right.
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'cp819', 'ibm819']);

/** A charset label reduced to a name iconv-lite can decode, or null when unknown. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  let name = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!name) return null;
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') name = 'utf-8';
  if (WINDOWS_1252_ALIASES.has(name)) name = 'windows-1252';
  if (name === 'utf-16') name = 'utf-16le';
  return iconv.encodingExists(name) ? name : null;
}

export function charsetFromContentType(contentType: string | null): string | null {
  const m = contentType?.match(/charset\s*=\s*("[^"]*"|[^;\s]*)/i);
  return m ? normalizeCharset(m[1]) : null;
}

function charsetFromBom(buf: Buffer): { charset: string; length: number } | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** <meta charset>, <meta http-equiv=Content-Type content="...; charset=">, or <?xml encoding=?> in the first 4 KB. */
export function charsetFromMarkup(buf: Buffer): string | null {
  const head = buf.subarray(0, SNIFF_BYTES).toString('latin1');
  const xml = head.match(/^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i);
  const meta = head.match(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:+-]+)/i);
  const declared = normalizeCharset(xml?.[1] ?? meta?.[1]);
  // Bytes that were readable as ASCII to find this declaration cannot be UTF-16.
  if (declared?.startsWith('utf-16')) return 'utf-8';
  return declared;
}

function sniffCharset(buf: Buffer): string {
  if (isUtf8(buf)) return 'utf-8';
  const guess = normalizeCharset(chardet.detect(buf.subarray(0, 64 * 1024)));
  return guess ?? 'windows-1252';
}

/** UTF-8, nearly every page, through V8's own decoder: iconv-lite streams it through a StringDecoder at about twice the cost. Same U+FFFD for bad bytes. */
function decodeAs(buf: Buffer, charset: string): string {
  // No BOM stripping here: decodeBody has already taken off the one byte-order mark a body can have.
  return charset === 'utf-8' ? buf.toString('utf8') : iconv.decode(buf, charset, { stripBOM: false });
}

/**
 * Decodes a body to text. Order follows the HTML encoding sniffing algorithm: a BOM wins,
 * then the Content-Type charset, then an in-document declaration, then a guess.
 * Never throws on bad bytes: they become U+FFFD.
 */
export function decodeBody(buf: Buffer, contentType: string | null): { text: string; charset: string } {
  const bom = charsetFromBom(buf);
  if (bom) return { text: decodeAs(buf.subarray(bom.length), bom.charset), charset: bom.charset };
  const charset = charsetFromContentType(contentType) ?? charsetFromMarkup(buf) ?? sniffCharset(buf);
  return { text: decodeAs(buf, charset), charset };
}
