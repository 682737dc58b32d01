/**
 * tinflow end to end on the generated site: article jobs queued in Redis, N real
 * `tinflow worker` processes, records in a JSONL file or a PostgreSQL schema.
 * bench/run.ts drives it; the numbers go to BENCHMARKS.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { stringify } from 'yaml';
import type { Redis } from 'ioredis';
import { connectRedis, deleteKeysUnder, openQueues } from '../src/queues/index.ts';
import { urlKey } from '../src/urls/canonical.ts';
import { generatedSource } from './site.ts';

const BIN = join(import.meta.dirname, '../bin/tinflow.mjs');
export const PG_BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PipelineRunOptions {
  baseUrl: string;
  urls: string[];
  processes: number;
  /** Article jobs in parallel per process. */
  concurrency: number;
  sink: 'jsonl' | 'postgres';
  redisUrl: string;
  workDir: string;
  /** Node flags for the worker processes only (e.g. --cpu-prof, --max-old-space-size=N). */
  workerNodeArgs?: string[];
}

export interface RssSample {
  startMb: number;
  middleMb: number;
  endMb: number;
}

export interface StageTimes {
  /** stage -> total seconds over all jobs, and observations */
  [stage: string]: { seconds: number; count: number };
}

export interface PipelineRunResult {
  processes: number;
  concurrency: number;
  sink: string;
  pages: number;
  records: number;
  failed: number;
  /** From the first completed job to the last (worker start-up excluded). */
  seconds: number;
  /** From spawning the workers to the last job (start-up included). */
  wallSeconds: number;
  pagesPerSecond: number;
  recordsPerSecond: number;
  rss: RssSample[];
  /** used_memory growth per queued article job (before any worker ran). */
  redisBytesPerQueuedJob: number;
  enqueueSeconds: number;
  stages: StageTimes;
  jobSeconds: { seconds: number; count: number };
}

export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

export async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? NaN);
}

interface MetricValue {
  labels: Record<string, string>;
  value: number;
  metricName?: string;
}

/** Sums the stage and job histograms every worker pushed to Redis (see src/ops/metrics-push.ts). */
async function pushedHistograms(redis: Redis, prefix: string): Promise<{ stages: StageTimes; job: { seconds: number; count: number } }> {
  const stages: StageTimes = {};
  const job = { seconds: 0, count: 0 };
  const entries = Object.values(await redis.hgetall(`${prefix}:metrics:workers`));
  for (const raw of entries) {
    const metrics = (JSON.parse(raw) as { metrics: { name: string; values: MetricValue[] }[] }).metrics;
    for (const m of metrics) {
      if (m.name !== 'tinflow_stage_duration_seconds' && m.name !== 'tinflow_job_duration_seconds') continue;
      for (const v of m.values) {
        const kind = v.metricName?.endsWith('_sum') ? 'seconds' : v.metricName?.endsWith('_count') ? 'count' : null;
        if (!kind) continue;
        if (m.name === 'tinflow_stage_duration_seconds') {
          const s = (stages[v.labels.stage] ??= { seconds: 0, count: 0 });
          s[kind] += v.value;
        } else if (v.labels.queue === 'articles') job[kind] += v.value;
      }
    }
  }
  return { stages, job };
}

export async function runPipelineBench(o: PipelineRunOptions): Promise<PipelineRunResult> {
  const tag = `${o.processes}p-${o.sink}-${Date.now().toString(36)}`;
  const prefix = `tfbench-${tag}`;
  const schema = `tf_bench_${tag.replace(/-/g, '_')}`;
  // JSONL: one file per worker process (the JSONL sink is a single-writer format); PostgreSQL: one schema for all.
  const jsonlPath = (i: number) => join(o.workDir, `records-${tag}-${i}.jsonl`);
  const sinkUrlOf = (i: number) => (o.sink === 'jsonl' ? `jsonl:${jsonlPath(i)}` : `${PG_BENCH_URL}?schema=${schema}`);
  const config = join(o.workDir, `config-${tag}.yaml`);
  writeFileSync(config, stringify({ sources: [generatedSource(o.baseUrl)] }));

  const redis = connectRedis(o.redisUrl);
  const queues = openQueues(redis, prefix);
  const children: ChildProcess[] = [];
  try {
    const before = await usedMemory(redis);
    const t0 = performance.now();
    for (let i = 0; i < o.urls.length; i += 1000) {
      await queues.articles.addBulk(o.urls.slice(i, i + 1000).map((url) => ({ name: 'article', data: { url, source: 'gen', depth: 0 }, opts: { jobId: urlKey(url) } })));
    }
    const enqueueSeconds = (performance.now() - t0) / 1000;
    const redisBytesPerQueuedJob = ((await usedMemory(redis)) - before) / o.urls.length;

    const spawnedAt = performance.now();
    for (let i = 0; i < o.processes; i++) {
      const child = spawn(process.execPath, [...(o.workerNodeArgs ?? []), BIN, 'worker', '--config', config, '--sink', sinkUrlOf(i), '--no-serve', '--concurrency', String(o.concurrency)], {
        env: { ...process.env, TINFLOW_PREFIX: prefix, REDIS_URL: o.redisUrl, TINFLOW_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
    }
    const total = o.urls.length;
    const rss: RssSample[] = children.map(() => ({ startMb: NaN, middleMb: NaN, endMb: NaN }));
    let firstAt = 0;
    let firstDone = 0;
    let done = 0;
    let failed = 0;
    for (;;) {
      await sleep(250);
      const c = await queues.articles.getJobCounts('completed', 'failed');
      done = c.completed + c.failed;
      failed = c.failed;
      if (!firstAt && done > 0) {
        firstAt = performance.now();
        firstDone = done;
        children.forEach((ch, i) => (rss[i].startMb = rssMb(ch.pid!)));
      }
      if (done >= total / 2 && Number.isNaN(rss[0].middleMb)) children.forEach((ch, i) => (rss[i].middleMb = rssMb(ch.pid!)));
      if (done >= total) break;
      if (children.every((ch) => ch.exitCode !== null)) throw new Error(`every worker exited before the run finished (${done}/${total})`);
    }
    const endAt = performance.now();
    children.forEach((ch, i) => (rss[i].endMb = rssMb(ch.pid!)));
    const seconds = (endAt - firstAt) / 1000;
    const pages = done - firstDone;

    // SIGTERM: each worker pushes its final metrics snapshot before it exits.
    await Promise.all(children.map((ch) => new Promise((r) => (ch.once('exit', r), ch.kill('SIGTERM')))));
    const { stages, job } = await pushedHistograms(redis, prefix);

    let records: number;
    if (o.sink === 'jsonl') {
      records = 0;
      for (let i = 0; i < o.processes; i++) if (existsSync(jsonlPath(i))) records += readFileSync(jsonlPath(i), 'utf8').split('\n').filter(Boolean).length;
    } else {
      const client = new pg.Client({ connectionString: PG_BENCH_URL });
      await client.connect();
      records = (await client.query(`SELECT count(*)::int AS n FROM "${schema}".records`)).rows[0].n;
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
    return {
      processes: o.processes,
      concurrency: o.concurrency,
      sink: o.sink,
      pages: total,
      records,
      failed,
      seconds,
      wallSeconds: (endAt - spawnedAt) / 1000,
      pagesPerSecond: pages / seconds,
      recordsPerSecond: (records * (pages / total)) / seconds,
      rss,
      redisBytesPerQueuedJob,
      enqueueSeconds,
      stages,
      jobSeconds: job,
    };
  } finally {
    for (const ch of children) if (ch.exitCode === null && ch.signalCode === null) ch.kill('SIGKILL');
    await deleteKeysUnder(redis, prefix);
    await queues.close();
    redis.disconnect();
  }
}

/** Where self time goes in a V8 .cpuprofile, by library / tinflow stage (percent of samples). */
export function summarizeCpuProfile(file: string): { category: string; percent: number }[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
    samples: number[];
    timeDeltas: number[];
  };
  // Native and node: frames (socket writes, fs calls, promise plumbing) count for the nearest caller
  // that has a category of its own, so a Redis command's write syscall is "queue and Redis", not "node".
  const NODE = 'node internals (streams, timers, promises)';
  const SHARED = 'fingerprint, normalize, URLs';
  const parentOf = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const categoryOf = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = categoryOf.get(id);
    if (known) return known;
    const n = byId.get(id)!;
    let c = cpuCategory(n.callFrame.functionName, n.callFrame.url);
    if (c === NODE) {
      const parent = parentOf.get(id);
      const up = parent === undefined ? NODE : resolve(parent);
      c = up === 'other' || up.startsWith('V8') ? NODE : up;
    } else if (c === SHARED && n.callFrame.url.includes('/src/normalize/')) {
      // Text and date helpers the extractor calls are extraction time.
      const parent = parentOf.get(id);
      const up = parent === undefined ? c : resolve(parent);
      if (up.startsWith('extract:')) c = up;
    }
    categoryOf.set(id, c);
    return c;
  };
  for (const n of p.nodes) resolve(n.id);
  const totals = new Map<string, number>();
  let all = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    const c = categoryOf.get(id) ?? 'other';
    totals.set(c, (totals.get(c) ?? 0) + dt);
    all += dt;
  });
  return [...totals].map(([category, t]) => ({ category, percent: (100 * t) / all })).sort((a, b) => b.percent - a.percent);
}

function cpuCategory(fn: string, url: string): string {
  if (fn === '(idle)') return 'idle (waiting for I/O)';
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(program)') return 'V8/native (program)';
  const has = (...parts: string[]) => parts.some((x) => url.includes(x));
  if (has('/src/extract/')) return 'extract: tinflow heuristics';
  if (has('/htmlparser2/', '/domhandler/', '/entities/', '/src/extract/page.ts')) return 'extract: HTML parse (htmlparser2)';
  if (has('/cheerio/', '/cheerio-select/', '/css-select/', '/css-what/', '/domutils/', '/nth-check/', '/boolbase/', '/dom-serializer/')) return 'extract: cheerio selectors and DOM walks';
  if (has('/franc', '/trigram-utils/', '/n-gram/', '/collapse-white-space/')) return 'extract: language detection';
  if (has('/src/dedupe/dedupe-index.ts', '/src/dedupe/lua.ts')) return 'queue and Redis (BullMQ, ioredis, Lua calls)';
  if (has('/src/dedupe/', '/src/normalize/', '/src/urls/')) return 'fingerprint, normalize, URLs';
  // node:net is not listed: undici and ioredis share it, so a socket write counts for whichever called it.
  if (has('/undici/', '/src/fetch/', 'node:_http', 'node:tls', 'node:dns', 'node:zlib')) return 'fetch (undici, sockets)';
  if (has('/ioredis/', '/bullmq/', '/msgpackr/', '/cluster-key-slot/', '/redis-errors/', '/redis-parser/', '/src/queues/', '/src/producers/', '/src/workers/')) return 'queue and Redis (BullMQ, ioredis, Lua calls)';
  if (has('/pg/', '/pg-protocol/', '/pg-types/', '/src/sinks/', 'node:fs')) return 'sink';
  if (has('/zod/')) return 'zod validation';
  if (has('/pino', '/prom-client/', '/src/ops/', '/src/log')) return 'logs and metrics';
  if (has('/tsx/', '/esbuild/', 'node:internal/modules')) return 'start-up (module loading)';
  if (url.startsWith('node:') || url === '') return 'node internals (streams, timers, promises)';
  return 'other';
}
