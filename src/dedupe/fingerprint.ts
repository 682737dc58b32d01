import { createHash } from 'node:crypto';
import { canonicalText, countCanonicalWords } from './canonical.ts';
import { simhashOfCanonical } from './simhash.ts';

export type ArticleParts = { title: string; lead: string | null; body: string };

/**
 * Below this many canonical words of lead + body, the title joins the hash: photo and
 * video pages often carry the same stock body ("Mời quý vị xem video"), and only the
 * title tells them apart. Longer articles hash lead + body only, because syndicated
 * copies are often retitled.
 */
export const MIN_WORDS_WITHOUT_TITLE = 50;
/** Below this many words a SimHash says little (a handful of shingles), so none is computed. */
export const MIN_WORDS_FOR_SIMHASH = 20;

function articleText(parts: ArticleParts): string {
  return parts.lead ? `${parts.lead}\n${parts.body}` : parts.body;
}

function hashInput(parts: ArticleParts, canonical: string, words = countCanonicalWords(canonical)): string {
  if (words >= MIN_WORDS_WITHOUT_TITLE) return canonical;
  return `${canonicalText(parts.title)}\n${canonical}`;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * sha256 hex of canonicalText(lead + body). The title is excluded (syndicated copies
 * retitle) unless lead + body is shorter than MIN_WORDS_WITHOUT_TITLE words.
 */
export function contentHash(parts: ArticleParts): string {
  const canonical = canonicalText(articleText(parts));
  return sha256Hex(hashInput(parts, canonical));
}

/** contentHash and simhash of one article in one canonicalization; simhash is null for stubs. */
export function fingerprint(parts: ArticleParts): { contentHash: string; simhash: string | null } {
  const canonical = canonicalText(articleText(parts));
  const words = countCanonicalWords(canonical);
  return {
    contentHash: sha256Hex(hashInput(parts, canonical, words)),
    simhash: words >= MIN_WORDS_FOR_SIMHASH ? simhashOfCanonical(canonical) : null,
  };
}
