const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Vertical whitespace is handled by the caller (paragraph boundaries); this folds spaces inside a line.
const INLINE_SPACE = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

const NON_ASCII = /[^\x00-\x7f]/;

/** NFC, no zero-width characters or soft hyphens, whitespace collapsed to single spaces, trimmed. */
export function normalizeText(text: string): string {
  // normalize() is costly even on text that is already NFC; ASCII text has no composition or zero-width characters.
  const cleaned = NON_ASCII.test(text) ? text.normalize('NFC').replace(ZERO_WIDTH, '') : text;
  return cleaned.replace(INLINE_SPACE, ' ').trim();
}

/** Normalize each paragraph and join with a blank line; empty paragraphs are dropped. */
export function joinParagraphs(paragraphs: Iterable<string>): string {
  const out: string[] = [];
  for (const p of paragraphs) {
    const t = normalizeText(p);
    if (t) out.push(t);
  }
  return out.join('\n\n');
}

/** Words as a reader counts them (letters/digits runs, any script). */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu);
  return m ? m.length : 0;
}
