import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import pg from 'pg';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, deleteKeysUnder, openQueues, type Queues } from '../../src/queues/index.ts';
import { openSink, type Sink } from '../../src/sinks/index.ts';
import { metrics } from '../../src/ops/metrics.ts';
import { metricsKeys, processId, pushMetricsOnce, startMetricsPusher, workerMetricsKey } from '../../src/ops/metrics-push.ts';
import { buildServer } from '../../src/ops/server.ts';
import { reasonOf } from '../../src/workers/errors.ts';
import { sampleRecord } from './fixtures/records.ts';
import { readEvents, sample } from './helpers.ts';

const run = `tf-test-ops-${process.pid}-${Date.now()}`;
const prefix = run;
const pgSchema = `tf_ops_${process.pid}_${Date.now()}`;
const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const tmp = mkdtempSync(join(tmpdir(), 'tf-ops-'));

let redis: Redis;
let queues: Queues;
const servers: FastifyInstance[] = [];
const sinks: Sink[] = [];

async function server(sink: Sink, extra: Partial<Parameters<typeof buildServer>[0]> = {}) {
  const app = await buildServer({ redis, prefix, sink, queues, apiToken: '', adminToken: '', ...extra });
  servers.push(app);
  return app;
}

async function sinkFor(kind: 'sqlite' | 'postgres', name: string): Promise<Sink> {
  const sink = await openSink(kind === 'sqlite' ? `sqlite:${join(tmp, `${name}.db`)}` : `${PG_URL}?schema=${pgSchema}`);
  sinks.push(sink);
  return sink;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(() => {
  redis = connectRedis();
  queues = openQueues(redis, prefix);
});

afterAll(async () => {
  for (const app of servers) await app.close();
  for (const sink of sinks) await sink.close().catch(() => {});
  await queues.close();
  await deleteKeysUnder(redis, prefix);
  await redis.quit();
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
  await client.end();
  rmSync(tmp, { recursive: true, force: true });
});

describe('/metrics', () => {
  it('has queue gauges by state, failures by reason and process metrics, after real jobs', async () => {
    const articles = [
      { url: 'https://bao-mau.example.vn/a1.html', fail: null },
      { url: 'https://bao-mau.example.vn/a2.html', fail: 'http-404: Not Found' },
      { url: 'https://bao-mau.example.vn/a3.html', fail: null },
      { url: 'https://bao-mau.example.vn/a4.html', fail: 'http-404: Not Found' },
      { url: 'https://bao-mau.example.vn/a5.html', fail: 'timeout: no answer in 30 s' },
      { url: 'https://bao-mau.example.vn/a6.html', fail: null },
    ];
    await queues.articles.addBulk(articles.map((a) => ({ name: 'article', data: { url: a.url, source: 'bao-mau', depth: 0, fail: a.fail } as never, opts: { attempts: 1 } })));
    // A small worker that counts like the real ones: completed by outcome, final failures by reason slug.
    const worker = new Worker(
      'articles',
      async (job) => {
        if (job.data.fail) throw new Error(job.data.fail);
        return { outcome: 'inserted' };
      },
      { connection: redis, prefix, concurrency: 2 },
    );
    worker.on('completed', (_job, result: { outcome: string }) => metrics.jobsCompleted.inc({ queue: 'articles', outcome: result.outcome }));
    worker.on('failed', (job, err) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) metrics.jobsFailed.inc({ queue: 'articles', reason: reasonOf(err.message) });
    });
    await waitFor(async () => {
      const c = await queues.articles.getJobCounts('completed', 'failed');
      return c.completed === 3 && c.failed === 3;
    });
    await worker.close();
    await queues.discover.add('discover', { url: 'https://bao-mau.example.vn/thoi-su', source: 'bao-mau', depth: 0, kind: 'listing' } as never);
    await queues.discover.add('discover', { url: 'https://bao-mau.example.vn/kinh-te', source: 'bao-mau', depth: 0, kind: 'listing' } as never);
    await queues.discover.add('discover', { url: 'https://bao-mau.example.vn/the-thao', source: 'bao-mau', depth: 0, kind: 'listing' } as never, { delay: 600_000 });

    const app = await server(await sinkFor('sqlite', 'metrics'));
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(sample(text, 'tinflow_queue_jobs', { queue: 'articles', state: 'completed' })).toBe(3);
    expect(sample(text, 'tinflow_queue_jobs', { queue: 'articles', state: 'failed' })).toBe(3);
    expect(sample(text, 'tinflow_queue_jobs', { queue: 'articles', state: 'waiting' })).toBe(0);
    expect(sample(text, 'tinflow_queue_jobs', { queue: 'discover', state: 'waiting' })).toBe(2);
    expect(sample(text, 'tinflow_queue_jobs', { queue: 'discover', state: 'delayed' })).toBe(1);
    expect(sample(text, 'tinflow_queue_jobs', { queue: 'sources', state: 'waiting' })).toBe(0);
    expect(sample(text, 'tinflow_queue_dead_letter_jobs', { queue: 'articles' })).toBe(3);
    expect(sample(text, 'tinflow_queue_dead_letter_jobs', { queue: 'discover' })).toBe(0);
    expect(sample(text, 'tinflow_jobs_failed_total', { queue: 'articles', reason: 'http-404' })).toBe(2);
    expect(sample(text, 'tinflow_jobs_failed_total', { queue: 'articles', reason: 'timeout' })).toBe(1);
    expect(sample(text, 'tinflow_jobs_completed_total', { queue: 'articles', outcome: 'inserted' })).toBe(3);
    expect(sample(text, 'tinflow_redis_up')).toBe(1);
    expect(text).toContain('# TYPE tinflow_job_duration_seconds histogram');
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('sums counters pushed through Redis by another process with its own, never counting itself twice', async () => {
    const app = await server(await sinkFor('sqlite', 'push'));
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/ops/fixtures/push-metrics.ts'], {
      env: { ...process.env, TINFLOW_PREFIX: prefix },
      timeout: 30_000,
    });
    metrics.recordsWritten.inc({ source: 'from-child' }, 1);
    // A pusher in the serving process itself: its snapshot must be skipped (the live registry is read instead).
    await startMetricsPusher(redis, prefix, { intervalMs: 60_000 }).stop();
    expect(await redis.hlen(workerMetricsKey(prefix))).toBe(2);

    const text = (await app.inject('/metrics')).body;
    expect(sample(text, 'tinflow_records_written_total', { source: 'from-child' })).toBe(8);
    expect(sample(text, 'tinflow_fetches_total', { host: 'child.example.vn', status: '200' })).toBe(3);
    expect(sample(text, 'tinflow_metrics_workers')).toBe(1);

    // Past the staleness window the child's snapshot leaves the workers hash but its counts stay in
    // the sum (folded into the retired total): a worker exiting must not make a counter go down.
    const strict = await server(sinks.at(-1)!, { metricsStaleMs: 0 });
    await new Promise((r) => setTimeout(r, 5));
    for (let scrape = 0; scrape < 2; scrape++) {
      const after = (await strict.inject('/metrics')).body;
      expect(sample(after, 'tinflow_records_written_total', { source: 'from-child' })).toBe(8);
      expect(sample(after, 'tinflow_fetches_total', { host: 'child.example.vn', status: '200' })).toBe(3);
      expect(sample(after, 'tinflow_metrics_workers')).toBe(0);
    }
    const left = await redis.hkeys(workerMetricsKey(prefix));
    expect(left).toEqual([processId()]); // only the serving process's own entry, which is never folded
    const [childId] = await redis.smembers(metricsKeys(prefix).retiredIds);
    expect(childId).toMatch(/:\d+:\d+$/);
    // A retired id cannot push again: its counts would be summed twice.
    expect(await pushMetricsOnce(redis, prefix, childId)).toBe(false);
  });
});

describe.each(['sqlite', 'postgres'] as const)('records API over %s', (kind) => {
  let sink: Sink;
  let app: FastifyInstance;
  let n = 0;
  const write = async (source = 'bao-mau') => {
    const record = sampleRecord(`${run}-${kind}`, ++n, source);
    expect((await sink.write(record)).status).toBe('inserted');
    return record;
  };

  beforeAll(async () => {
    sink = await sinkFor(kind, `records-${kind}`);
    app = await server(sink, { stream: { pollMs: kind === 'sqlite' ? 100 : 60_000, safetyPollMs: 60_000 } });
  });

  it('pages in insertion order with a cursor while records are inserted between pages', async () => {
    const written = [await write(), await write(), await write()];
    const seen: string[] = [];
    let since: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res = await app.inject({ url: '/records', query: { limit: '2', ...(since ? { since } : {}) } });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { records: { id: string }[]; nextCursor: string | null };
      seen.push(...body.records.map((r) => r.id));
      if (body.records.length === 0) {
        expect(body.nextCursor).toBeNull();
        break;
      }
      since = body.nextCursor;
      if (page < 3) written.push(await write(page === 1 ? 'bao-khac' : 'bao-mau'));
    }
    expect(seen).toEqual(written.map((r) => r.id));

    const onlyOther = (await app.inject({ url: '/records', query: { source: 'bao-khac' } })).json() as { records: { id: string }[] };
    expect(onlyOther.records.map((r) => r.id)).toEqual([written[4].id]);
    const defaultPage = (await app.inject('/records')).json() as { records: unknown[] };
    expect(defaultPage.records).toHaveLength(written.length);
  });

  it('gets one record by id, 404 when missing', async () => {
    const record = await write();
    const res = await app.inject(`/records/${record.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(record);
    expect((await app.inject('/records/khong-co-ban-ghi-nay')).statusCode).toBe(404);
  });

  it('rejects bad parameters with 400', async () => {
    for (const query of [{ limit: '0' }, { limit: '1001' }, { limit: 'abc' }, { limit: '2.5' }, { since: 'not-a-cursor' }] as Record<string, string>[]) {
      const res = await app.inject({ url: '/records', query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
    }
    expect((await app.inject({ url: '/records', query: { limit: '1000' } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/records/stream', query: { since: 'not-a-cursor' } })).statusCode).toBe(400);
  });

  it('streams new records as server-sent events and resumes from Last-Event-ID', async () => {
    await write(); // already there: a stream without a position must not replay it
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    // Our own client pool, destroyed at the end: an aborted stream leaves a spare socket in the global one.
    const dispatcher = new Agent();
    const controller = new AbortController();
    const res = await fetch(`${base}/records/stream`, { signal: controller.signal, dispatcher });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(sample((await app.inject('/metrics')).body, 'tinflow_record_stream_clients')).toBe(1);
    const fresh = [await write(), await write()];
    const events = await readEvents(res.body!, 2);
    controller.abort();
    expect(events.map((e) => (JSON.parse(e.data) as { id: string }).id)).toEqual(fresh.map((r) => r.id));
    expect(events.every((e) => e.id)).toBe(true);

    const again = await fetch(`${base}/records/stream`, { headers: { 'last-event-id': events[0].id! }, dispatcher });
    const resuming = readEvents(again.body!, 2);
    // Written while the stream is open and idle: with PostgreSQL (polling set to a minute here)
    // only the LISTEN/NOTIFY wake-up can deliver it in time.
    await new Promise((r) => setTimeout(r, 300));
    const later = await write();
    const resumed = await resuming;
    expect(resumed.map((e) => (JSON.parse(e.data) as { id: string }).id)).toEqual([fresh[1].id, later.id]);
    expect(resumed[0].id).toBe(events[1].id);

    // Another stream without a position starts after the newest record (the remembered tail, moved forward).
    await write();
    const third = await fetch(`${base}/records/stream`, { dispatcher });
    const newest = await write();
    const tailEvents = await readEvents(third.body!, 1);
    expect(tailEvents.map((e) => (JSON.parse(e.data) as { id: string }).id)).toEqual([newest.id]);
    await dispatcher.destroy();
  });

  it('is ready while Redis and the sink answer, 503 naming the sink once it is closed', async () => {
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', failed: [] });

    const doomed = await sinkFor(kind, `doomed-${kind}`);
    await doomed.ping();
    const other = await server(doomed);
    await doomed.close();
    const down = await other.inject('/readyz');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'unavailable', failed: ['sink'], checks: { redis: { ok: true }, sink: { ok: false } } });
    expect((await other.inject('/healthz')).statusCode).toBe(200);
  });
});

describe('Redis down', () => {
  it('/readyz names redis, /metrics still answers with tinflow_redis_up 0', async () => {
    // Nothing listens on port 1: the client retries forever, so only our timeouts end the calls.
    const dead = connectRedis('redis://127.0.0.1:1', { retryStrategy: () => 200 });
    dead.on('error', () => {});
    const deadQueues = openQueues(dead, prefix);
    for (const q of [deadQueues.sources, deadQueues.discover, deadQueues.articles]) q.on('error', () => {});
    try {
      const app = await server(await sinkFor('sqlite', 'redis-down'), { redis: dead, queues: deadQueues, probeTimeoutMs: 300 });
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ failed: ['redis'], checks: { redis: { ok: false }, sink: { ok: true } } });
      const started = Date.now();
      const res = await app.inject('/metrics');
      expect(res.statusCode).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(sample(res.body, 'tinflow_redis_up')).toBe(0);
      expect(sample(res.body, 'tinflow_queue_jobs', { queue: 'articles', state: 'waiting' })).toBeUndefined();
      expect(sample(res.body, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    } finally {
      await deadQueues.close().catch(() => {});
      dead.disconnect();
    }
  });
});

describe('tokens', () => {
  it('guards /records with TINFLOW_API_TOKEN, leaves /metrics and health open', async () => {
    const sink = await sinkFor('sqlite', 'tokens');
    const app = await server(sink, { apiToken: 'doc-gia-bi-mat' });
    for (const url of ['/records', '/records/abc', '/records/stream']) {
      expect((await app.inject(url)).statusCode, url).toBe(401);
      expect((await app.inject({ url, headers: { authorization: 'Bearer sai-roi' } })).statusCode, url).toBe(401);
    }
    const ok = await app.inject({ url: '/records', headers: { authorization: 'Bearer doc-gia-bi-mat' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ records: [], nextCursor: null });
    expect((await app.inject('/metrics')).statusCode).toBe(200);
    expect((await app.inject('/healthz')).statusCode).toBe(200);
  });

  it('board: read-only without TINFLOW_ADMIN_TOKEN; with it, bearer or ?token= (then cookie) and writable', async () => {
    const sink = await sinkFor('sqlite', 'board');
    const open = await server(sink);
    const ro = await open.inject('/admin/queues/api/queues');
    expect(ro.statusCode).toBe(200);
    const roQueues = (ro.json() as { queues: { name: string; readOnlyMode: boolean }[] }).queues;
    expect(roQueues.map((q) => q.name).sort()).toEqual(['articles', 'discover', 'sources']);
    expect(roQueues.every((q) => q.readOnlyMode)).toBe(true);

    const guarded = await server(sink, { adminToken: 'quan-tri' });
    expect((await guarded.inject('/admin/queues')).statusCode).toBe(401);
    expect((await guarded.inject('/admin/queues?token=sai')).statusCode).toBe(401);
    const bearer = await guarded.inject({ url: '/admin/queues/api/queues', headers: { authorization: 'Bearer quan-tri' } });
    expect(bearer.statusCode).toBe(200);
    expect((bearer.json() as { queues: { readOnlyMode: boolean }[] }).queues.every((q) => !q.readOnlyMode)).toBe(true);

    const login = await guarded.inject('/admin/queues?token=quan-tri');
    expect(login.statusCode).toBe(302);
    expect(login.headers.location).toBe('/admin/queues');
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    expect(cookie).not.toContain('quan-tri');
    const page = await guarded.inject({ url: '/admin/queues', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html');
  });
});
