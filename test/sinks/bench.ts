// Throughput of the three sinks on this machine: `npx tsx test/sinks/bench.ts` (N=3000 by default).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openSink } from '../../src/sinks/index.ts';
import { makeRecord } from './fixtures.ts';

async function main() {
const N = Number(process.env.N ?? 3000);
const dir = mkdtempSync(join(tmpdir(), 'tf-bench-'));
const schema = `tf_bench_${process.pid}`;
const urls = [`sqlite:${join(dir, 'b.db')}`, `jsonl:${join(dir, 'b.jsonl')}`, `postgres://postgres@127.0.0.1:5432/test?schema=${schema}`];
const records = Array.from({ length: N }, (_, i) => makeRecord(i));
for (const url of urls) {
  const sink = await openSink(url);
  await sink.ping();
  let t = performance.now();
  for (const r of records) await sink.write(r);
  const seqMs = performance.now() - t;
  t = performance.now();
  for (const r of records.slice(0, 1000)) await sink.write(r);
  const reMs = performance.now() - t;
  // 8 writes in flight at once, as a worker with concurrency 8 would do.
  const more = Array.from({ length: 1000 }, (_, i) => makeRecord(N + i));
  t = performance.now();
  for (let i = 0; i < more.length; i += 8) await Promise.all(more.slice(i, i + 8).map((r) => sink.write(r)));
  const parMs = performance.now() - t;
  t = performance.now();
  let cursor: string | null = null, n = 0;
  for (;;) { const p = await sink.read({ since: cursor, limit: 500 }); if (!p.records.length) break; n += p.records.length; cursor = p.nextCursor; }
  const readMs = performance.now() - t;
  t = performance.now();
  let m = 0; cursor = null;
  for (;;) { const p = await sink.read({ since: cursor, limit: 100, source: 'bao-b' }); if (!p.records.length) break; m += p.records.length; cursor = p.nextCursor; }
  const srcMs = performance.now() - t;
  console.log(`${sink.kind.padEnd(8)} write ${N}: ${(N / seqMs * 1000).toFixed(0)}/s (${seqMs.toFixed(0)} ms) | re-write 1000 (updated): ${(1000 / reMs * 1000).toFixed(0)}/s | 1000 more, 8 in flight: ${(1000 / parMs * 1000).toFixed(0)}/s | read all ${n} (limit 500): ${readMs.toFixed(0)} ms | source filter ${m} (limit 100): ${srcMs.toFixed(0)} ms`);
  await sink.close();
}
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
await c.connect(); await c.query(`DROP SCHEMA "${schema}" CASCADE`); await c.end();
rmSync(dir, { recursive: true, force: true });
}
await main();
