import { canonicalText } from './canonical.ts';

export const SHINGLE_WORDS = 3;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MURMUR_M = 0x5bd1e995;

/** murmur3's finalizer: spreads every input bit over the whole word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Counts the set bits of one shingle's 64-bit hash (hi:lo) per position. */
function count(ones: Int32Array, hi: number, lo: number): void {
  for (let bit = 0; bit < 32; bit++) {
    ones[bit] += (lo >>> bit) & 1;
    ones[bit + 32] += (hi >>> bit) & 1;
  }
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/**
 * SimHash of a text that is already canonical (words joined by single spaces).
 * Each shingle of three consecutive words is hashed in place (no substring) into two
 * independent 32-bit halves, FNV-1a and a murmur2-style mix, both finalized with fmix32.
 */
export function simhashOfCanonical(canonical: string): string {
  if (!canonical) return '0000000000000000';
  const starts: number[] = [0];
  for (let i = 0; i < canonical.length; i++) if (canonical.charCodeAt(i) === 32) starts.push(i + 1);
  const words = starts.length;
  const ones = new Int32Array(64);
  const shingles = Math.max(1, words - SHINGLE_WORDS + 1);
  for (let s = 0; s < shingles; s++) {
    const from = starts[s];
    const last = s + SHINGLE_WORDS;
    const to = last < words ? starts[last] - 1 : canonical.length;
    let a = FNV_OFFSET;
    let b = 0x9747b28c;
    for (let i = from; i < to; i++) {
      const c = canonical.charCodeAt(i);
      a = Math.imul(a ^ c, FNV_PRIME);
      b = Math.imul(b ^ c, MURMUR_M);
      b ^= b >>> 15;
    }
    count(ones, fmix32(b ^ (to - from)), fmix32(a));
  }
  // A bit is set when more than half of the shingles vote for it.
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * ones[bit] > shingles) lo |= 1 << bit;
    if (2 * ones[bit + 32] > shingles) hi |= 1 << bit;
  }
  return hex8(hi) + hex8(lo);
}

/** 64-bit SimHash (16 hex chars) over 3-word shingles of canonicalText(text). */
export function simhash64(text: string): string {
  return simhashOfCanonical(canonicalText(text));
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

const HEX64 = /^[0-9a-f]{16}$/i;

/** Number of differing bits between two 16-hex-char SimHashes. */
export function hammingDistance(a: string, b: string): number {
  if (!HEX64.test(a) || !HEX64.test(b)) throw new RangeError(`not a 64-bit hex simhash: ${a} / ${b}`);
  const hi = parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16);
  const lo = parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16);
  return popcount32(hi) + popcount32(lo);
}
