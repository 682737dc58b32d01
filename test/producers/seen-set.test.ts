import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSeenSetBench } from '../../bench/seen-set.ts';
import { SeenSet } from '../../src/producers/seen-set.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `tf-test-seen-${process.pid}-${Date.now()}`;
const DAY = 86_400_000;

let redis: Redis;
let clock = new Date('2026-09-15T03:00:00Z');
const sets: SeenSet[] = [];
const makeSet = (name: string, perBucket?: number) => {
  const set = new SeenSet(redis, `${PREFIX}-${name}`, { now: () => clock, perBucket });
  sets.push(set);
  return set;
};
const urls = (n: number, tag = 'a') => Array.from({ length: n }, (_, i) => `https://tin.example.vn/${tag}/bai-viet-so-${i}-${4810000 + i}.html`);

beforeAll(() => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  for (const set of sets) {
    const keys = await set.keys();
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
});

describe('SeenSet', () => {
  it('returns only unseen URLs, per source, in input order without duplicates', async () => {
    const seen = makeSet('basic');
    const [a, b, c, d] = urls(4);
    expect(await seen.filterUnseen('tin-a', [a, b, c])).toEqual([a, b, c]);
    await seen.markSeen('tin-a', [a, c]);
    expect(await seen.filterUnseen('tin-a', [d, a, b, c, b])).toEqual([d, b]);
    expect(await seen.filterUnseen('tin-b', [a, c])).toEqual([a, c]);
    expect(await seen.filterUnseen('tin-a', [])).toEqual([]);
  });

  it('counts each URL once in size()', async () => {
    const seen = makeSet('size');
    await seen.markSeen('tin-a', urls(300));
    await seen.markSeen('tin-a', urls(310)); // 10 new, 300 refreshed
    await seen.markSeen('tin-b', urls(5, 'b'));
    expect(await seen.size('tin-a')).toBe(310);
    expect(await seen.size('tin-b')).toBe(5);
    expect(await seen.size('tin-none')).toBe(0);
    expect(await seen.size()).toBe(315);
  });

  it('lets a URL through again after recrawlDays days, not before', async () => {
    const seen = makeSet('recrawl');
    const [a] = urls(1);
    clock = new Date('2026-09-15T03:00:00Z');
    await seen.markSeen('tin-a', [a]);
    clock = new Date(clock.getTime() + 2 * DAY);
    expect(await seen.filterUnseen('tin-a', [a], { recrawlDays: 3 })).toEqual([]);
    expect(await seen.filterUnseen('tin-a', [a])).toEqual([]);
    clock = new Date(clock.getTime() + 1 * DAY);
    expect(await seen.filterUnseen('tin-a', [a], { recrawlDays: 3 })).toEqual([a]);
    expect(await seen.filterUnseen('tin-a', [a])).toEqual([]); // without recrawlDays: never again
    await seen.markSeen('tin-a', [a]); // fetched again: the clock restarts
    expect(await seen.filterUnseen('tin-a', [a], { recrawlDays: 3 })).toEqual([]);
  });

  it('expire(maxAgeDays) forgets URLs last seen too long ago and updates the counts', async () => {
    const seen = makeSet('expire');
    const old = urls(40, 'cu');
    const fresh = urls(25, 'moi');
    clock = new Date('2026-09-01T03:00:00Z');
    await seen.markSeen('tin-a', old);
    await seen.markSeen('tin-b', old.slice(0, 10));
    clock = new Date('2026-09-10T03:00:00Z');
    await seen.markSeen('tin-a', fresh);
    clock = new Date('2026-09-12T03:00:00Z');
    expect(await seen.expire(5)).toBe(50);
    expect(await seen.size('tin-a')).toBe(25);
    expect(await seen.size('tin-b')).toBe(0);
    expect(await seen.filterUnseen('tin-a', [...old.slice(0, 2), ...fresh.slice(0, 2)])).toEqual(old.slice(0, 2));
    expect(await seen.expire(5)).toBe(0);
  });

  it('keeps its hashes in the compact listpack encoding', async () => {
    const seen = makeSet('encoding');
    await seen.markSeen('tin-a', urls(2000));
    const keys = (await seen.keys()).filter((k) => k.includes(':seen:'));
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys.slice(0, 50)) expect(await redis.object('ENCODING', key)).toBe('listpack');
  });

  it('moves a growing source to wider bucket levels and still finds URLs of every level', async () => {
    const seen = makeSet('levels', 2); // level capacities 512, 2048, 8192...: 3000 URLs span three levels
    const all = urls(3000, 'lv');
    for (let i = 0; i < all.length; i += 400) await seen.markSeen('tin-a', all.slice(i, i + 400));
    const bucketKeys = (await seen.keys()).filter((k) => k.includes(':seen:'));
    const levels = new Set(bucketKeys.map((k) => k.split(':').at(-1)!.split('-')[0]));
    expect([...levels].sort()).toEqual(['1', '2', '3']);
    expect(await seen.size('tin-a')).toBe(3000);
    await seen.markSeen('tin-a', all.slice(0, 600)); // known URLs, on levels 1 and 2: no new entries
    expect(await seen.size('tin-a')).toBe(3000);
    const probe = [...all.filter((_, i) => i % 97 === 0), ...urls(5, 'chua-thay')];
    expect(await seen.filterUnseen('tin-a', probe)).toEqual(urls(5, 'chua-thay'));
    clock = new Date(clock.getTime() + 30 * DAY);
    expect(await seen.expire(10)).toBe(3000); // reaches every level
    expect(await seen.size('tin-a')).toBe(0);
    expect((await seen.keys()).filter((k) => k.includes(':seen:'))).toEqual([]);
  });

  it('uses one Redis command (one round trip) per filterUnseen and markSeen batch', async () => {
    const seen = makeSet('trips');
    const batch = urls(500, 'rt');
    await seen.filterUnseen('tin-a', batch.slice(0, 1)); // loads the scripts on the server if needed
    await seen.markSeen('tin-a', batch.slice(0, 1));
    const spy = vi.spyOn(redis, 'sendCommand');
    try {
      await seen.markSeen('tin-a', batch.slice(0, 250));
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockClear();
      expect(await seen.filterUnseen('tin-a', batch)).toEqual(batch.slice(250));
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('bench: measures bytes per URL and deletes every key it wrote', async () => {
    const result = await runSeenSetBench({ redisUrl: REDIS_URL, urls: 5000, concurrency: 2 });
    expect(result.urls).toBe(5000);
    expect(result.nonListpackKeys).toBe(0);
    expect(result.bytesPerUrl).toBeGreaterThan(10); // 8-byte fingerprint + day number at least
    expect(result.bytesPerUrl).toBeLessThan(60);
    const left: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `tfb-${process.pid}-*`, 'COUNT', 10_000);
      cursor = next;
      left.push(...keys);
    } while (cursor !== '0');
    expect(left).toEqual([]);
  });
});
