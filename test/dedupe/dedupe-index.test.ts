import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DedupeIndex, fingerprint, MAX_GUARANTEED_DISTANCE } from '../../src/dedupe/index.ts';
import { metrics } from '../../src/ops/metrics.ts';
import { BRIDGE, RICE } from './fixtures/articles.ts';
import { connect, deletePrefix, flipBits, hashOf, uniquePrefix } from './helpers.ts';

const PREFIX = uniquePrefix('dedupe-index');
const BASE = '9e3779b97f4a7c15';
let redis: Redis;
let other: Redis;
let index: DedupeIndex;
let n = 0;

/** A fresh test namespace so cases do not see each other's records. */
function freshIndex(options?: { bucketCap?: number }): DedupeIndex {
  return new DedupeIndex(redis, `${PREFIX}:${n++}`, options);
}

async function duplicatesCount(source: string, kind: string): Promise<number> {
  const { values } = await metrics.duplicates.get();
  return values.find((v) => v.labels.source === source && v.labels.kind === kind)?.value ?? 0;
}

beforeAll(() => {
  redis = connect();
  other = connect();
  index = freshIndex();
});

afterAll(async () => {
  await deletePrefix(redis, PREFIX);
  expect(await redis.keys(`${PREFIX}:*`)).toEqual([]);
  redis.disconnect();
  other.disconnect();
});

describe('DedupeIndex.claim: exact', () => {
  it('first claim is new, a second record with the same hash is an exact duplicate of the first', async () => {
    const fp = fingerprint(BRIDGE);
    const simhash = fp.simhash!;
    expect(await index.claim({ recordId: 'a1', source: 'plvn', contentHash: fp.contentHash, simhash, nearDistance: 3 })).toEqual({ kind: 'new' });
    expect(await index.claim({ recordId: 'b1', source: 'ndo', contentHash: fp.contentHash, simhash, nearDistance: 3 })).toEqual({ kind: 'exact', of: 'a1' });
  });

  it('is idempotent for the same recordId (a retried job gets new again)', async () => {
    const idx = freshIndex();
    const claim = { recordId: 'r1', source: 's', contentHash: hashOf('retry'), simhash: BASE, nearDistance: 3 };
    expect(await idx.claim(claim)).toEqual({ kind: 'new' });
    expect(await idx.claim(claim)).toEqual({ kind: 'new' });
    // The retry must not have indexed anything twice or matched itself as near.
    expect(await idx.claim({ ...claim, recordId: 'r2' })).toEqual({ kind: 'exact', of: 'r1' });
  });

  it('an edited version of the same record (same id, new content) is new, not a near copy of itself', async () => {
    const idx = freshIndex();
    await idx.claim({ recordId: 'url-key', source: 's', contentHash: hashOf('v1'), simhash: BASE, nearDistance: 3 });
    expect(await idx.claim({ recordId: 'url-key', source: 's', contentHash: hashOf('v2'), simhash: flipBits(BASE, [1]), nearDistance: 3 })).toEqual({ kind: 'new' });
    // Another outlet's copy of either version points at that record.
    expect(await idx.claim({ recordId: 'other', source: 's', contentHash: hashOf('v1'), simhash: BASE, nearDistance: 3 })).toEqual({ kind: 'exact', of: 'url-key' });
  });

  it('an unrelated article is new', async () => {
    const fp = fingerprint(RICE);
    expect(await index.claim({ recordId: 'c1', source: 's', contentHash: fp.contentHash, simhash: fp.simhash, nearDistance: 3 })).toEqual({ kind: 'new' });
  });

  it('counts exact and near verdicts in tinflow_duplicates_total by source and kind', async () => {
    const idx = freshIndex();
    const source = `metrics-${process.pid}`;
    const before = { exact: await duplicatesCount(source, 'exact'), near: await duplicatesCount(source, 'near') };
    await idx.claim({ recordId: 'm1', source, contentHash: hashOf('m'), simhash: BASE, nearDistance: 3 });
    await idx.claim({ recordId: 'm2', source, contentHash: hashOf('m'), simhash: BASE, nearDistance: 3 });
    await idx.claim({ recordId: 'm3', source, contentHash: hashOf('m3'), simhash: flipBits(BASE, [0]), nearDistance: 3 });
    expect(await duplicatesCount(source, 'exact')).toBe(before.exact + 1);
    expect(await duplicatesCount(source, 'near')).toBe(before.near + 1);
  });

  it('rejects malformed hashes', async () => {
    await expect(index.claim({ recordId: 'x', source: 's', contentHash: 'nothex', simhash: BASE, nearDistance: 3 })).rejects.toThrow(RangeError);
    await expect(index.claim({ recordId: 'x', source: 's', contentHash: hashOf('x'), simhash: 'ABC', nearDistance: 3 })).rejects.toThrow(RangeError);
  });
});

describe('DedupeIndex.claim: near', () => {
  it.each([
    ['1 bit', [5]],
    ['3 bits in one band', [0, 1, 2]],
    ['3 bits in three bands (shares only band 3)', [0, 16, 32]],
    ['2 bits in two bands', [20, 40]],
  ])('finds a record within k=3: %s', async (_name, bits) => {
    const idx = freshIndex();
    await idx.claim({ recordId: 'orig', source: 's', contentHash: hashOf('orig'), simhash: BASE, nearDistance: 3 });
    const verdict = await idx.claim({ recordId: 'copy', source: 's', contentHash: hashOf('copy'), simhash: flipBits(BASE, bits), nearDistance: 3 });
    expect(verdict).toEqual({ kind: 'near', of: 'orig', distance: bits.length });
  });

  it('does not call a record beyond k near (4 bits, one per band: no shared band)', async () => {
    const idx = freshIndex();
    await idx.claim({ recordId: 'orig', source: 's', contentHash: hashOf('orig'), simhash: BASE, nearDistance: 3 });
    expect(await idx.claim({ recordId: 'far', source: 's', contentHash: hashOf('far'), simhash: flipBits(BASE, [0, 16, 32, 48]), nearDistance: 3 })).toEqual({
      kind: 'new',
    });
  });

  it('verifies candidates by exact distance (4 bits in one band share three bands but are beyond k)', async () => {
    const idx = freshIndex();
    await idx.claim({ recordId: 'orig', source: 's', contentHash: hashOf('orig'), simhash: BASE, nearDistance: 3 });
    const simhash = flipBits(BASE, [0, 1, 2, 3]);
    expect(await idx.claim({ recordId: 'far', source: 's', contentHash: hashOf('far'), simhash, nearDistance: 3 })).toEqual({ kind: 'new' });
    // The same pair is near when the caller allows distance 4.
    expect(await idx.claim({ recordId: 'far2', source: 's', contentHash: hashOf('far2'), simhash, nearDistance: 4 })).toEqual({ kind: 'near', of: 'far', distance: 0 });
  });

  it('returns the closest candidate, and the earliest among equally close ones', async () => {
    const idx = freshIndex();
    await idx.claim({ recordId: 'd2', source: 's', contentHash: hashOf('d2'), simhash: flipBits(BASE, [1, 2]), nearDistance: 0 });
    await idx.claim({ recordId: 'd1-early', source: 's', contentHash: hashOf('d1e'), simhash: flipBits(BASE, [3]), nearDistance: 0 });
    await idx.claim({ recordId: 'd1-late', source: 's', contentHash: hashOf('d1l'), simhash: flipBits(BASE, [4]), nearDistance: 0 });
    expect(await idx.claim({ recordId: 'q', source: 's', contentHash: hashOf('q'), simhash: BASE, nearDistance: 3 })).toEqual({
      kind: 'near',
      of: 'd1-early',
      distance: 1,
    });
  });

  it('does not index near duplicates: a third copy points at the original', async () => {
    const idx = freshIndex();
    await idx.claim({ recordId: 'orig', source: 's', contentHash: hashOf('o'), simhash: BASE, nearDistance: 3 });
    expect(await idx.claim({ recordId: 'n1', source: 's', contentHash: hashOf('n1'), simhash: flipBits(BASE, [9]), nearDistance: 3 })).toMatchObject({ of: 'orig' });
    // 3 bits from the original, 2 from n1: n1 would win if it had been indexed.
    expect(await idx.claim({ recordId: 'n2', source: 's', contentHash: hashOf('n2'), simhash: flipBits(BASE, [9, 10, 11]), nearDistance: 3 })).toEqual({
      kind: 'near',
      of: 'orig',
      distance: 3,
    });
  });

  it('skips the near lookup when simhash is null (stubs), still claiming the exact hash', async () => {
    const idx = freshIndex();
    await idx.claim({ recordId: 'orig', source: 's', contentHash: hashOf('o'), simhash: BASE, nearDistance: 3 });
    expect(await idx.claim({ recordId: 'stub', source: 's', contentHash: hashOf('stub'), simhash: null, nearDistance: 3 })).toEqual({ kind: 'new' });
    expect(await idx.claim({ recordId: 'stub2', source: 's', contentHash: hashOf('stub'), simhash: null, nearDistance: 3 })).toEqual({ kind: 'exact', of: 'stub' });
  });

  it('keeps at most bucketCap members per band bucket, the most recent ones', async () => {
    const idx = freshIndex({ bucketCap: 2 });
    for (let i = 0; i < 3; i++) {
      // Same band 3 (top 16 bits) for all, distance 16+ from each other elsewhere.
      const simhash = `aaaa${['0000', 'ffff', '0f0f'][i]}${['0000', 'ffff', 'f0f0'][i]}${['0000', 'ffff', '0ff0'][i]}`;
      expect(await idx.claim({ recordId: `r${i}`, source: 's', contentHash: hashOf(`cap${i}`), simhash, nearDistance: 0 })).toEqual({ kind: 'new' });
    }
    const bucket = await redis.zrange(`${PREFIX}:${n - 1}:dd:b0:aaaa`, '0', '-1');
    expect(bucket.map((m) => m.slice(17))).toEqual(['r1', 'r2']);
    // 3 bits from r0, sharing only band 0 with it: r0 fell out of that bucket, so it is not found.
    expect(await idx.claim({ recordId: 'q', source: 's', contentHash: hashOf('q'), simhash: 'aaaa000100010001', nearDistance: 3 })).toEqual({ kind: 'new' });
    // Control: with a larger cap the same query finds r0.
    const roomy = freshIndex({ bucketCap: 8 });
    await roomy.claim({ recordId: 'r0', source: 's', contentHash: hashOf('cap0'), simhash: 'aaaa000000000000', nearDistance: 0 });
    expect(await roomy.claim({ recordId: 'q', source: 's', contentHash: hashOf('q'), simhash: 'aaaa000100010001', nearDistance: 3 })).toEqual({
      kind: 'near',
      of: 'r0',
      distance: 3,
    });
  });
});

describe('DedupeIndex.claim: 4 < k <= 7 (one-bit neighbour probes)', () => {
  it.each([
    ['7 bits spread 2,2,2,1 over the bands', 7, [0, 1, 16, 17, 32, 33, 48]],
    ['6 bits spread 2,2,1,1', 6, [3, 9, 20, 30, 40, 60]],
    ['4 bits, one per band', 4, [0, 16, 32, 48]],
  ])('finds a record sharing no band: %s', async (_name, k, bits) => {
    const idx = freshIndex();
    await idx.claim({ recordId: 'orig', source: 's', contentHash: hashOf('orig'), simhash: BASE, nearDistance: k });
    expect(await idx.claim({ recordId: 'copy', source: 's', contentHash: hashOf('copy'), simhash: flipBits(BASE, bits), nearDistance: k })).toEqual({
      kind: 'near',
      of: 'orig',
      distance: bits.length,
    });
  });

  it('does not probe neighbours for k <= 3', async () => {
    const idx = freshIndex();
    await idx.claim({ recordId: 'orig', source: 's', contentHash: hashOf('orig'), simhash: BASE, nearDistance: 3 });
    expect(await idx.claim({ recordId: 'copy', source: 's', contentHash: hashOf('copy'), simhash: flipBits(BASE, [0, 16, 32, 48]), nearDistance: 3 })).toEqual({
      kind: 'new',
    });
  });

  it('beyond 7 it is best effort: 8 bits spread 2 per band are not found', async () => {
    const idx = freshIndex();
    await idx.claim({ recordId: 'orig', source: 's', contentHash: hashOf('orig'), simhash: BASE, nearDistance: 8 });
    const bits = [0, 1, 16, 17, 32, 33, 48, 49];
    expect(await idx.claim({ recordId: 'copy', source: 's', contentHash: hashOf('copy'), simhash: flipBits(BASE, bits), nearDistance: 8 })).toEqual({ kind: 'new' });
    expect(MAX_GUARANTEED_DISTANCE).toBe(7);
  });

  it('finds every pair within k over 300 random pairs (k = 0..7, random bit positions)', async () => {
    const idx = freshIndex();
    let seed = 0x2545f491;
    const random = () => {
      // mulberry32: deterministic, so a failure replays.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
    const missed: string[] = [];
    for (let trial = 0; trial < 300; trial++) {
      const k = trial % 8;
      const base = Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('');
      const bits = new Set<number>();
      while (bits.size < k) bits.add(Math.floor(random() * 64));
      await idx.claim({ recordId: `o${trial}`, source: 's', contentHash: hashOf(`o${trial}`), simhash: base, nearDistance: k });
      const verdict = await idx.claim({ recordId: `c${trial}`, source: 's', contentHash: hashOf(`c${trial}`), simhash: flipBits(base, [...bits]), nearDistance: k });
      if (verdict.kind !== 'near' || verdict.of !== `o${trial}` || verdict.distance !== k) missed.push(`${trial}: ${JSON.stringify(verdict)}`);
    }
    expect(missed).toEqual([]);
  });
});

describe('DedupeIndex.release', () => {
  it('frees the hash and unindexes the simhash of the releasing record only', async () => {
    const idx = freshIndex();
    const claim = { recordId: 'w1', source: 's', contentHash: hashOf('rel'), simhash: BASE, nearDistance: 3 };
    expect(await idx.claim(claim)).toEqual({ kind: 'new' });
    // A record that does not hold the hash cannot release it.
    await idx.release('intruder', claim.contentHash, BASE);
    expect(await idx.claim({ ...claim, recordId: 'w2' })).toEqual({ kind: 'exact', of: 'w1' });
    await idx.release('w1', claim.contentHash, BASE);
    expect(await idx.claim({ ...claim, recordId: 'w3', contentHash: hashOf('rel-near'), simhash: flipBits(BASE, [7]) })).toEqual({ kind: 'new' });
    expect(await idx.claim({ ...claim, recordId: 'w2' })).toEqual({ kind: 'near', of: 'w3', distance: 1 });
  });
});

describe('DedupeIndex concurrency', () => {
  it('two connections claiming the same content at once: exactly one new', async () => {
    const prefix = `${PREFIX}:race-conn`;
    const a = new DedupeIndex(redis, prefix);
    const b = new DedupeIndex(other, prefix);
    const rounds = 200;
    const results = await Promise.all(
      Array.from({ length: rounds }, (_, i) => {
        const content = { source: 's', contentHash: hashOf(`race${i}`), simhash: hashOf(`race${i}`).slice(0, 16), nearDistance: 0 };
        return Promise.all([a.claim({ ...content, recordId: `a${i}` }), b.claim({ ...content, recordId: `b${i}` })]);
      }),
    );
    for (const [i, [va, vb]] of results.entries()) {
      const kinds = [va.kind, vb.kind].sort();
      expect(kinds).toEqual(['exact', 'new']);
      const loser = va.kind === 'exact' ? va : vb;
      expect(loser).toEqual({ kind: 'exact', of: va.kind === 'new' ? `a${i}` : `b${i}` });
    }
  });

  it('two connections claiming near-identical content at once: one new, the other near it', async () => {
    const prefix = `${PREFIX}:race-near`;
    const a = new DedupeIndex(redis, prefix);
    const b = new DedupeIndex(other, prefix);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const simhash = hashOf(`near${i}`).slice(0, 16);
        return Promise.all([
          a.claim({ recordId: `a${i}`, source: 's', contentHash: hashOf(`na${i}`), simhash, nearDistance: 3 }),
          b.claim({ recordId: `b${i}`, source: 's', contentHash: hashOf(`nb${i}`), simhash: flipBits(simhash, [i % 64, (i + 20) % 64]), nearDistance: 3 }),
        ]);
      }),
    );
    for (const [i, [va, vb]] of results.entries()) {
      const winner = va.kind === 'new' ? `a${i}` : `b${i}`;
      const loser = va.kind === 'new' ? vb : va;
      expect(loser).toEqual({ kind: 'near', of: winner, distance: 2 });
    }
  });
});
