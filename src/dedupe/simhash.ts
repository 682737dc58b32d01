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

/**
 * SPREAD[b] puts bit j of the byte b into the 4-bit lane j of a 32-bit word, so adding spread
 * bytes counts 8 bit positions at once (a lane holds up to 15 before it must be flushed).
 */
const SPREAD = new Uint32Array(256);
for (let b = 0; b < 256; b++) {
  let v = 0;
  for (let j = 0; j < 8; j++) if ((b >>> j) & 1) v |= 1 << (4 * j);
  SPREAD[b] = v >>> 0;
}
const LANE_MAX = 15;

/** Adds the 8 lane counts of `acc` (byte k of the hash at bit offset `base`) into ones. */
function flush(ones: Int32Array, base: number, acc: number): void {
  for (let j = 0; j < 8; j++) ones[base + j] += (acc >>> (4 * j)) & 15;
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
  // ones[i]: shingles whose hash has bit i set (bits 0-31: low half, 32-63: high half),
  // counted 8 positions at a time in lanes (l0-l3: bytes of the low half, h0-h3: of the high).
  const ones = new Int32Array(64);
  let l0 = 0, l1 = 0, l2 = 0, l3 = 0, h0 = 0, h1 = 0, h2 = 0, h3 = 0;
  let pending = 0;
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
    const hi = fmix32(b ^ (to - from));
    const lo = fmix32(a);
    l0 += SPREAD[lo & 255];
    l1 += SPREAD[(lo >>> 8) & 255];
    l2 += SPREAD[(lo >>> 16) & 255];
    l3 += SPREAD[lo >>> 24];
    h0 += SPREAD[hi & 255];
    h1 += SPREAD[(hi >>> 8) & 255];
    h2 += SPREAD[(hi >>> 16) & 255];
    h3 += SPREAD[hi >>> 24];
    if (++pending === LANE_MAX || s === shingles - 1) {
      flush(ones, 0, l0), flush(ones, 8, l1), flush(ones, 16, l2), flush(ones, 24, l3);
      flush(ones, 32, h0), flush(ones, 40, h1), flush(ones, 48, h2), flush(ones, 56, h3);
      l0 = l1 = l2 = l3 = h0 = h1 = h2 = h3 = 0;
      pending = 0;
    }
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
