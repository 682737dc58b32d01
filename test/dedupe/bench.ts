// Throughput of the hashing functions and latency of DedupeIndex.claim on a filled index.
// Run: node --import tsx test/dedupe/bench.ts [records]   (uses REDIS_URL or the local Redis; cleans up)
import { performance } from 'node:perf_hooks';
import { canonicalText, contentHash, DedupeIndex, fingerprint, simhash64 } from '../../src/dedupe/index.ts';
import { BRIDGE, BRIDGE_OTHER_REPORT, RATES, RICE, STORM } from './fixtures/articles.ts';
import { connect, deletePrefix, hashOf, uniquePrefix } from './helpers.ts';

const articles = [BRIDGE, BRIDGE_OTHER_REPORT, RICE, STORM, RATES];
const texts = articles.map((a) => `${a.lead}\n\n${a.body}`);
const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;

function rate(name: string, fn: (i: number) => unknown, iterations = 4000): void {
  for (let i = 0; i < 200; i++) fn(i);
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const ms = (performance.now() - t0) / iterations;
  console.log(`${name.padEnd(16)} ${(ms * 1000).toFixed(1)} µs/article  (${Math.round(1000 / ms)} articles/s, ~${Math.round(chars)} chars)`);
}

rate('canonicalText', (i) => canonicalText(texts[i % 5]));
rate('simhash64', (i) => simhash64(texts[i % 5]));
rate('contentHash', (i) => contentHash(articles[i % 5]));
rate('fingerprint', (i) => fingerprint(articles[i % 5]));

const records = Number(process.argv[2] ?? 50_000);
const redis = connect();
const prefix = uniquePrefix('dedupe-bench');
const index = new DedupeIndex(redis, prefix);
try {
  const fill = performance.now();
  for (let i = 0; i < records; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, records - i) }, (_, j) => {
        const h = hashOf(`fill${i + j}`);
        return index.claim({ recordId: `f${i + j}`, source: 'bench', contentHash: h, simhash: h.slice(0, 16), nearDistance: 3 });
      }),
    );
  }
  console.log(`filled ${records} records in ${((performance.now() - fill) / 1000).toFixed(1)} s`);
  for (const k of [3, 7]) {
    const n = 2000;
    const latencies: number[] = [];
    for (let i = 0; i < n; i++) {
      const h = hashOf(`probe${k}-${i}`);
      const t0 = performance.now();
      await index.claim({ recordId: `p${k}-${i}`, source: 'bench', contentHash: h, simhash: h.slice(0, 16), nearDistance: k });
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.floor(q * (n - 1))].toFixed(3);
    console.log(`claim k=${k} (${k > 3 ? 68 : 4} bucket lookups), sequential round trips: p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`);
  }
  const info = await redis.info('memory');
  console.log(info.split('\n').find((l) => l.startsWith('used_memory_human')));
} finally {
  await deletePrefix(redis, prefix);
  redis.disconnect();
}
