import { normalizeText } from '../normalize/text.ts';
import { stripOutletPrefix, stripTrailingCredits } from './credits.ts';
import { unifyToneMarks } from './tone.ts';

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\v\f\u0085]/;
// Icelandic eth (Ð/ð) is a common stand-in for Vietnamese đ in retyped text.
const ETH = /[\u00D0\u00F0\u0189]/g;
// Everything that is not part of a word: punctuation, symbols, spaces. Replaced by one
// space, so "1.5" and "15" stay different while "“A”" and "\"A\"" meet.
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

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
  return unifyToneMarks(kept.join(' '))
    .replace(ETH, 'đ')
    .toLowerCase()
    .replace(NON_WORD, ' ')
    .trim();
}

/** Words of a canonical text (it is already single-space separated). */
export function countCanonicalWords(canonical: string): number {
  if (!canonical) return 0;
  let n = 1;
  for (let i = 0; i < canonical.length; i++) if (canonical.charCodeAt(i) === 32) n++;
  return n;
}
