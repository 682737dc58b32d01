import { describe, expect, it } from 'vitest';
import { canonicalText, hammingDistance, simhash64 } from '../../src/dedupe/index.ts';
import { type Article, BRIDGE, BRIDGE_OTHER_REPORT, goldBulletin, RATES, RICE, STORM, toNewStyle } from './fixtures/articles.ts';

const text = (a: Article) => `${a.lead ?? ''}\n\n${a.body}`;
const ARTICLES = { BRIDGE, BRIDGE_OTHER_REPORT, RICE, STORM, RATES };

function referenceDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  for (; x > 0n; x >>= 1n) n += Number(x & 1n);
  return n;
}

describe('hammingDistance', () => {
  it.each([
    ['0000000000000000', '0000000000000000', 0],
    ['0000000000000000', 'ffffffffffffffff', 64],
    ['8000000000000001', '0000000000000000', 2],
    ['00000000ffffffff', 'ffffffff00000000', 64],
    ['0123456789abcdef', 'fedcba9876543210', referenceDistance('0123456789abcdef', 'fedcba9876543210')],
  ])('%s vs %s = %i', (a, b, d) => {
    expect(hammingDistance(a, b)).toBe(d);
  });

  it('agrees with a BigInt popcount on the article simhashes', () => {
    const hashes = Object.values(ARTICLES).map((a) => simhash64(text(a)));
    for (const a of hashes) for (const b of hashes) expect(hammingDistance(a, b)).toBe(referenceDistance(a, b));
  });

  it('rejects malformed input', () => {
    expect(() => hammingDistance('abc', '0000000000000000')).toThrow(RangeError);
  });
});

describe('simhash64', () => {
  it('is 16 hex chars, deterministic, and computed over canonicalText', () => {
    const h = simhash64(text(BRIDGE));
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash64(text(BRIDGE))).toBe(h);
    expect(simhash64(canonicalText(text(BRIDGE)))).toBe(h);
    expect(simhash64(`(PLVN) - ${toNewStyle(text(BRIDGE)).normalize('NFD')}\n\nTheo TTXVN`)).toBe(h);
  });

  it('handles empty and very short texts', () => {
    expect(simhash64('')).toBe('0000000000000000');
    expect(simhash64('Mưa')).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash64('Mưa to')).not.toBe(simhash64('Mưa nhỏ'));
  });

  it('keeps different articles far apart (>= 20 bits), including the same event reported twice', () => {
    const names = Object.keys(ARTICLES) as Array<keyof typeof ARTICLES>;
    const distances: number[] = [];
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++) distances.push(hammingDistance(simhash64(text(ARTICLES[names[i]])), simhash64(text(ARTICLES[names[j]]))));
    // Measured: 26 (same event) and 28..40 for unrelated pairs; random 64-bit hashes average 32.
    expect(Math.min(...distances)).toBeGreaterThanOrEqual(20);
  });

  // Distances measured with this implementation are in the comments.
  const SMALL_EDITS: Array<[string, Article, (s: string) => string]> = [
    ['one number (2)', BRIDGE, (s) => s.replace('khoảng 5,4 km', 'khoảng 5,5 km')],
    ['a misspelt name (3)', RICE, (s) => s.replace('Ông Trần Văn Lộc', 'Ông Trần Văn Lục')],
    ['one word dropped (3)', STORM, (s) => s.replace('hàng chục nghìn', 'hàng nghìn')],
    ['a corrected rate (3)', RATES, (s) => s.replace('4,5%', '4,25%')],
    ['a photo caption added (3)', RATES, (s) => s.replace('\n\n', '\n\nToàn cảnh phiên họp báo. Ảnh: Minh Đức\n\n')],
  ];
  const LARGER_EDITS: Array<[string, Article, (s: string) => string]> = [
    ['a closing sentence added (4)', BRIDGE, (s) => `${s}\n\nThông tin chi tiết sẽ được cập nhật trong các bản tin tiếp theo.`],
    ['one number (5)', STORM, (s) => s.replace('cấp 11', 'cấp 12')],
    ['a photo caption added (4)', STORM, (s) => s.replace('\n\n', '\n\nLực lượng cứu hộ giúp dân sơ tán. Ảnh: TTXVN\n\n')],
  ];
  const distanceAfter = (article: Article, edit: (s: string) => string) => {
    const original = text(article);
    const edited = edit(original);
    expect(edited).not.toBe(original);
    return hammingDistance(simhash64(original), simhash64(edited));
  };

  it.each(SMALL_EDITS)('near-identical copy within 3 bits: %s', (_name, article, edit) => {
    expect(distanceAfter(article, edit)).toBeLessThanOrEqual(3);
  });

  // On ~250-word articles one changed word moves ~3 bits on average, so some small edits
  // land just past 3: they stay far below the distance between different articles.
  it.each(LARGER_EDITS)('near-identical copy past 3 but within 6 bits: %s', (_name, article, edit) => {
    const d = distanceAfter(article, edit);
    expect(d).toBeGreaterThan(3);
    expect(d).toBeLessThanOrEqual(6);
  });

  it('templated bulletins of consecutive days stay beyond 7 bits; a one-word reversal does not', () => {
    const monday = goldBulletin('12/3', '88,5', '90,5', '2.650', 'tăng 500.000 đồng');
    const tuesday = goldBulletin('13/3', '88,1', '90,1', '2.641', 'giảm 400.000 đồng');
    const reversed = goldBulletin('12/3', '88,5', '90,5', '2.650', 'giảm 500.000 đồng');
    // Measured 15: different articles, not near even at the largest guaranteed k (7).
    expect(hammingDistance(simhash64(text(monday)), simhash64(text(tuesday)))).toBeGreaterThan(7);
    // Measured 3: a SimHash cannot see that "tăng" -> "giảm" reverses the meaning, which is
    // why a near verdict is linked or dropped by policy but never merged into the original.
    expect(hammingDistance(simhash64(text(monday)), simhash64(text(reversed)))).toBeLessThanOrEqual(3);
  });

  it('grows with the size of the edit (one word vs a whole paragraph)', () => {
    const original = text(STORM);
    const oneWord = hammingDistance(simhash64(original), simhash64(original.replace('cấp 11', 'cấp 12')));
    const lastParagraphDropped = hammingDistance(simhash64(original), simhash64(original.split('\n\n').slice(0, -1).join('\n\n')));
    expect(lastParagraphDropped).toBeGreaterThan(oneWord);
    expect(lastParagraphDropped).toBeGreaterThan(3);
  });

  it('one-word substitutions: most land within 3 bits on ~250-370-word articles', () => {
    // Statistics over every 7th word of each article replaced by a nonsense word. Measured:
    // 113 of 194 within 3, max 8 (a 64-bit SimHash over ~300 shingles flips ~3 bits per 3 changed shingles).
    const buckets = { within3: 0, total: 0, max: 0 };
    for (const article of Object.values(ARTICLES)) {
      const original = text(article);
      const base = simhash64(original);
      const words = original.split(' ');
      for (let i = 5; i < words.length; i += 7) {
        const edited = [...words];
        edited[i] = 'xyz';
        const d = hammingDistance(base, simhash64(edited.join(' ')));
        buckets.total++;
        if (d <= 3) buckets.within3++;
        buckets.max = Math.max(buckets.max, d);
      }
    }
    expect(buckets.within3 / buckets.total).toBeGreaterThan(0.5);
    expect(buckets.max).toBeLessThan(12);
  });
});
