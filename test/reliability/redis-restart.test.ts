import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startGeneratedSite, generatedSource, type GeneratedSite } from '../../bench/site.ts';
import { tempDir, uniquePrefix } from '../helpers/env.ts';
import { articleCounts, enqueueArticles, openTestQueues, PgSchema, spawnWorker, stopWorker, waitFor, writeConfig, type WorkerProcess } from './harness.ts';

const PAGES = 400;
const prefix = uniquePrefix('rel-redis');
const schema = new PgSchema('redis');
let site: GeneratedSite;
let worker: WorkerProcess | undefined;
let redisProc: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A private redis-server with an append-only file in its own folder. */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'no'], { stdio: 'ignore' });
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  await waitFor('redis-server to answer', async () => {
    await probe.connect().catch(() => {});
    return (await probe.ping()) === 'PONG';
  }, 10_000, 100);
  probe.disconnect();
  return proc;
}

async function shutdownRedis(port: number, proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.once('exit', r));
  const admin = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0, retryStrategy: () => null });
  admin.on('error', () => {});
  await admin.call('SHUTDOWN').catch(() => {}); // the connection drops as the server exits
  admin.disconnect();
  await exited;
}

beforeAll(async () => {
  site = await startGeneratedSite({ pages: PAGES });
});
afterAll(async () => {
  await stopWorker(worker);
  redisProc?.kill('SIGKILL');
  await site?.close();
  await schema.drop();
});

it('Redis shut down and restarted mid-crawl: the worker reconnects and finishes, nothing lost', { timeout: 150_000 }, async () => {
  const dir = tempDir('rel-redis');
  const port = await freePort();
  const redisUrl = `redis://127.0.0.1:${port}`;
  redisProc = await startRedis(port, dir);
  const config = writeConfig(dir, [generatedSource(site.baseUrl)]);
  const t = openTestQueues(prefix, redisUrl);
  try {
    await enqueueArticles(t.queues, site.articleUrls(), 'gen');
    worker = spawnWorker({ config, sink: schema.sinkUrl(), prefix, redisUrl, concurrency: 8, env: { TINFLOW_LOCK_DURATION_MS: '5000', TINFLOW_STALLED_INTERVAL_MS: '1000' } });
    await waitFor('a quarter of the records', async () => (await schema.counts()).rows >= PAGES / 4, 60_000);

    await shutdownRedis(port, redisProc);
    const during = (await schema.counts()).rows;
    await new Promise((r) => setTimeout(r, 1500));
    redisProc = await startRedis(port, dir);

    await waitFor('every job completed', async () => (await articleCounts(t.queues)).completed === PAGES, 90_000, 500).catch(async (err) => {
      throw new Error(`${err.message}: ${JSON.stringify(await articleCounts(t.queues))}\n${worker!.output()}`);
    });
    expect(during).toBeLessThan(PAGES);
    expect(worker.child.exitCode).toBeNull();
    expect(await schema.counts()).toEqual({ rows: PAGES, ids: PAGES, urls: PAGES });
    expect(await schema.failures()).toBe(0);
    expect((await articleCounts(t.queues)).failed).toBe(0);
  } finally {
    await t.close();
  }
});
