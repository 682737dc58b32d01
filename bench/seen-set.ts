import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { SeenSet } from '../src/producers/seen-set.ts';

export interface SeenSetBenchOptions {
  redisUrl?: string;
  /** URLs inserted (default 1,000,000). */
  urls?: number;
  /** URLs per markSeen call (default 2,000). */
  batch?: number;
  /** markSeen calls in flight at once (default 4). */
  concurrency?: number;
  /** Sources the URLs are spread over (default 1: the worst case for bucket fill). */
  sources?: number;
  /** SeenSetOptions.perBucket (default 64). */
  perBucket?: number;
}

export interface SeenSetBenchResult {
  urls: number;
  sources: number;
  perBucket: number;
  keys: number;
  /** Keys not in listpack encoding (should be 0: each converted hash costs ~5x). */
  nonListpackKeys: number;
  /** Sum of MEMORY USAGE over the set's keys, per URL: exact, unaffected by other clients. */
  bytesPerUrl: number;
  /** INFO memory used_memory delta per URL: includes allocator effects and any other client's writes. */
  usedMemoryBytesPerUrl: number;
  insertSeconds: number;
  urlsPerSecond: number;
  /** Time for expire() to forget all N URLs (run two days later on the set's clock). */
  expireSeconds: number;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

/**
 * Insert N synthetic article URLs into a private prefix, measure the memory they take, then
 * delete every key written. `npm run bench` calls this; `npx tsx bench/seen-set.ts [urls] [sources] [perBucket]`
 * runs it alone.
 */
export async function runSeenSetBench(opts: SeenSetBenchOptions = {}): Promise<SeenSetBenchResult> {
  const total = opts.urls ?? 1_000_000;
  const batch = opts.batch ?? 2_000;
  const concurrency = opts.concurrency ?? 4;
  const sources = opts.sources ?? 1;
  const perBucket = opts.perBucket ?? 64;
  const redis = new Redis(opts.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const prefix = `tfb-${process.pid}-${Date.now().toString(36)}`;
  const seen = new SeenSet(redis, prefix, { perBucket });
  try {
    const before = await usedMemory(redis);
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const from = next;
        next = Math.min(total, next + batch);
        const urls: string[] = [];
        for (let i = from; i < next; i++) urls.push(`https://bench.example.vn/chuyen-muc-${i % 37}/bai-viet-mau-so-${i}-${(i * 7919) % 1_000_003}.html`);
        await seen.markSeen(`bench-${(from / batch) % sources}`, urls);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const insertSeconds = (performance.now() - started) / 1000;
    const after = await usedMemory(redis);

    const keys = await seen.keys();
    let keyBytes = 0;
    let nonListpackKeys = 0;
    for (let i = 0; i < keys.length; i += 1000) {
      const chunk = keys.slice(i, i + 1000);
      const pipe = redis.pipeline();
      for (const k of chunk) pipe.memory('USAGE', k, 'SAMPLES', 0).object('ENCODING', k);
      const replies = (await pipe.exec()) ?? [];
      for (let j = 0; j < replies.length; j += 2) {
        keyBytes += Number(replies[j][1] ?? 0);
        const isBucket = chunk[j / 2].includes(':seen:');
        if (isBucket && replies[j + 1][1] !== 'listpack') nonListpackKeys++;
      }
    }
    const stored = await seen.size();
    if (stored !== total) throw new Error(`seen-set holds ${stored} URLs, expected ${total} (fingerprint collision or lost write)`);
    const expireStarted = performance.now();
    const later = new SeenSet(redis, prefix, { perBucket, now: () => new Date(Date.now() + 2 * 86_400_000) });
    const expired = await later.expire(1);
    const expireSeconds = (performance.now() - expireStarted) / 1000;
    if (expired !== total) throw new Error(`expire forgot ${expired} URLs, expected ${total}`);
    return {
      urls: total,
      sources,
      perBucket,
      keys: keys.length,
      nonListpackKeys,
      bytesPerUrl: keyBytes / total,
      usedMemoryBytesPerUrl: (after - before) / total,
      insertSeconds,
      urlsPerSecond: total / insertSeconds,
      expireSeconds,
    };
  } finally {
    const keys = await seen.keys();
    for (let i = 0; i < keys.length; i += 1000) await redis.unlink(...keys.slice(i, i + 1000));
    await redis.quit();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const urls = process.argv[2] ? Number(process.argv[2]) : undefined;
  const sources = process.argv[3] ? Number(process.argv[3]) : undefined;
  const perBucket = process.argv[4] ? Number(process.argv[4]) : undefined;
  const result = await runSeenSetBench({ urls, sources, perBucket });
  console.log(JSON.stringify({ ...result, bytesPerUrl: +result.bytesPerUrl.toFixed(2), usedMemoryBytesPerUrl: +result.usedMemoryBytesPerUrl.toFixed(2) }, null, 2));
}
