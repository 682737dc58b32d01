import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { stringify } from 'yaml';
import { connectRedis, openQueues, type Queues } from '../../src/queues/index.ts';
import { urlKey } from '../../src/urls/canonical.ts';
import type { Source } from '../../src/schemas/config.ts';
import { PG_URL, REDIS_URL } from '../helpers/env.ts';

export const BIN = join(import.meta.dirname, '../../bin/tinflow.mjs');

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
  output(): string;
}

/** `tinflow worker` as a real child process. */
export function spawnWorker(o: { config: string; sink: string; prefix: string; redisUrl?: string; concurrency?: number; env?: Record<string, string> }): WorkerProcess {
  const child = spawn(process.execPath, [BIN, 'worker', '--config', o.config, '--sink', o.sink, '--no-serve', '--concurrency', String(o.concurrency ?? 8)], {
    env: { ...process.env, TINFLOW_PREFIX: o.prefix, REDIS_URL: o.redisUrl ?? REDIS_URL, TINFLOW_LOG_LEVEL: 'warn', ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out = (out + d).slice(-20_000)));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, exited, output: () => out };
}

/** Kill a worker we spawned (by its own pid) and wait for it to be gone. */
export async function stopWorker(w: WorkerProcess | undefined): Promise<void> {
  if (!w || w.child.exitCode !== null || w.child.signalCode !== null) return;
  w.child.kill('SIGKILL');
  await w.exited;
}

export function writeConfig(dir: string, sources: Source[], defaults: Record<string, unknown> = {}): string {
  const path = join(dir, 'sources.yaml');
  writeFileSync(path, stringify({ defaults, sources }));
  return path;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** A PostgreSQL schema of our own for one test's sink. */
export class PgSchema {
  readonly name: string;
  private readonly pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
  constructor(tag: string) {
    this.name = `tf_rel_${tag}_${process.pid}_${Date.now().toString(36)}`;
  }
  sinkUrl(base = PG_URL): string {
    return `${base}?schema=${this.name}`;
  }
  /** Rows, distinct ids and distinct URLs in the records table (zeros before it exists). */
  async counts(): Promise<{ rows: number; ids: number; urls: number }> {
    try {
      const r = await this.pool.query(`SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids, count(DISTINCT url)::int AS urls FROM "${this.name}".records`);
      return r.rows[0];
    } catch (err) {
      if ((err as { code?: string }).code === '42P01' || (err as { code?: string }).code === '3F000') return { rows: 0, ids: 0, urls: 0 };
      throw err;
    }
  }
  async urls(): Promise<Set<string>> {
    const r = await this.pool.query(`SELECT url FROM "${this.name}".records`);
    return new Set(r.rows.map((x: { url: string }) => x.url));
  }
  async failures(): Promise<number> {
    try {
      return (await this.pool.query(`SELECT count(*)::int AS n FROM "${this.name}".failures`)).rows[0].n;
    } catch {
      return 0;
    }
  }
  async drop(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS "${this.name}" CASCADE`).catch(() => {});
    await this.pool.end();
  }
}

/** Queue handles on a prefix, from the test process. */
export function openTestQueues(prefix: string, redisUrl = REDIS_URL): { queues: Queues; close(): Promise<void> } {
  const redis = connectRedis(redisUrl);
  // Outage tests take Redis down on purpose: the reconnect loop's errors are expected.
  redis.on('error', () => {});
  const queues = openQueues(redis, prefix);
  for (const q of [queues.sources, queues.discover, queues.articles]) q.on('error', () => {});
  return {
    queues,
    async close() {
      await queues.close();
      redis.disconnect();
    },
  };
}

/** Queue article URLs the way `tinflow enqueue` does (jobId = hash of the URL). */
export async function enqueueArticles(queues: Queues, urls: string[], source: string): Promise<void> {
  for (let i = 0; i < urls.length; i += 1000) {
    await queues.articles.addBulk(urls.slice(i, i + 1000).map((url) => ({ name: 'article', data: { url, source, depth: 0 }, opts: { jobId: urlKey(url) } })));
  }
}

export async function articleCounts(queues: Queues) {
  return queues.articles.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
}
