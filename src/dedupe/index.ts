export { canonicalText } from './canonical.ts';
export { unifyToneMarks } from './tone.ts';
export { contentHash, fingerprint, MIN_WORDS_FOR_SIMHASH, MIN_WORDS_WITHOUT_TITLE, type ArticleParts } from './fingerprint.ts';
export { simhash64, hammingDistance } from './simhash.ts';
export { DedupeIndex, BANDS, DEFAULT_BUCKET_CAP, MAX_GUARANTEED_DISTANCE, type ClaimInput, type DedupeIndexOptions, type DedupeVerdict } from './dedupe-index.ts';
