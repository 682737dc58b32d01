import { normalizeText } from '../normalize/text.ts';
import { stripOutletPrefix, stripTrailingCredits } from './credits.ts';
import { unifyToneMarks } from './tone.ts';

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\v\f\u0085]/;
// Icelandic eth (Ð/ð) is a common stand-in for Vietnamese đ in retyped text.
const ETH = /[\u00D0\u00F0\u0189]/g;
// Word characters: letters, digits, combining marks. Everything else (punctuation, symbols,
// spaces) separates words, so "1.5" and "15" stay different while "“A”" and "\"A\"" meet.
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
// Per UTF-16 unit outside ASCII: 0 = not looked up yet, 1 = word, 2 = separator.
const UNIT_CLASS = new Uint8Array(0x10000);

function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let k = UNIT_CLASS[c];
  if (k === 0) UNIT_CLASS[c] = k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/**
 * The words of a text joined by single spaces: text.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim(),
 * without the Unicode-property regex (the slowest step of canonicalText). Astral characters
 * (surrogate pairs) are classified as whole code points, as the /u regex does.
 */
export function wordsOnly(text: string): string {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        width = 2;
        word = WORD_CHAR.test(text.slice(i, i + 2));
      } else word = false;
    } else word = isWordUnit(c);
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) words.push(text.slice(start));
  return words.join(' ');
}

/**
 * The form that is hashed: NFC, no zero-width characters, outlet prefix and trailing
 * credits removed, one tone-mark placement (new style), lowercase, punctuation dropped
 * and words separated by single spaces.
 */
export function canonicalText(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split(LINE_BREAK)) {
    const line = normalizeText(raw);
    if (line) lines.push(line);
  }
  if (lines.length === 0) return '';
  lines[0] = stripOutletPrefix(lines[0]);
  const kept = stripTrailingCredits(lines);
  return wordsOnly(unifyToneMarks(kept.join(' ')).replace(ETH, 'đ').toLowerCase());
}

/** Words of a canonical text (it is already single-space separated). */
export function countCanonicalWords(canonical: string): number {
  if (!canonical) return 0;
  let n = 1;
  for (let i = 0; i < canonical.length; i++) if (canonical.charCodeAt(i) === 32) n++;
  return n;
}
