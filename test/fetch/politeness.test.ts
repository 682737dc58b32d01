import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { Fetcher, HostBusyError } from '../../src/fetch/index.ts';
import { HostLimiter } from '../../src/fetch/politeness.ts';
import { connectRedis, deleteKeys, REDIS_URL, rejection, startServer, testPrefix, testSource } from './helpers.ts';

describe('HostLimiter (one Lua script in the real Redis)', () => {
  let redis: Redis;
  let limiter: HostLimiter;
  const prefix = testPrefix('limiter');
  // A rate so high that only the concurrency cap can say no.
  const fast = { perSecond: 1e7, concurrency: 2, crawlDelaySeconds: 0, leaseTtlMs: 10_000 };

  beforeAll(() => {
    redis = connectRedis();
    limiter = new HostLimiter(redis, prefix);
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('caps concurrent leases and frees a slot on release', async () => {
    const a = await limiter.acquire('c.example', fast);
    const b = await limiter.acquire('c.example', fast);
    expect(a.ok && b.ok).toBe(true);
    const c = await limiter.acquire('c.example', fast);
    expect(c).toMatchObject({ ok: false, why: 'concurrency' });
    if (!a.ok) throw new Error('unreachable');
    await limiter.release('c.example', a.leaseId);
    expect((await limiter.acquire('c.example', fast)).ok).toBe(true);
    // Another host has its own slots.
    expect((await limiter.acquire('other.example', fast)).ok).toBe(true);
  });

  it('expires the lease of a worker that died without releasing it', async () => {
    const short = { ...fast, concurrency: 1, leaseTtlMs: 300 };
    expect((await limiter.acquire('dead.example', short)).ok).toBe(true);
    const busy = await limiter.acquire('dead.example', short);
    expect(busy).toMatchObject({ ok: false, why: 'concurrency' });
    if (busy.ok) throw new Error('unreachable');
    expect(busy.waitMs).toBeLessThanOrEqual(300);
    await sleep(350);
    expect((await limiter.acquire('dead.example', short)).ok).toBe(true);
  });

  it('spaces requests by the rate, and a held lease only needs a token', async () => {
    const slow = { ...fast, perSecond: 5, concurrency: 1 };
    const first = await limiter.acquire('rate.example', slow);
    expect(first.ok).toBe(true);
    if (!first.ok) throw new Error('unreachable');
    const again = await limiter.acquire('rate.example', slow, first.leaseId);
    expect(again).toMatchObject({ ok: false, why: 'rate' });
    if (again.ok) throw new Error('unreachable');
    expect(again.waitMs).toBeGreaterThan(50);
    expect(again.waitMs).toBeLessThanOrEqual(200);
    await sleep(again.waitMs + 5);
    // Same lease (a redirect hop): allowed although concurrency is 1.
    expect((await limiter.acquire('rate.example', slow, first.leaseId)).ok).toBe(true);
  });

  it('gives waiting callers distinct turns instead of one shared wake-up time', async () => {
    // 1 request/s: the five calls below must land inside one interval even on a loaded machine.
    const slow = { ...fast, perSecond: 1, concurrency: 10 };
    expect((await limiter.acquire('herd.example', slow)).ok).toBe(true);
    const turns: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await limiter.acquire('herd.example', slow);
      if (r.ok) throw new Error('expected a wait');
      turns.push(performance.now() + r.waitMs);
    }
    // One turn per 1000 ms interval (give or take the round trips between the calls).
    for (let i = 1; i < turns.length; i++) expect(turns[i] - turns[i - 1]).toBeGreaterThan(600);
    expect(turns[4] - turns[0]).toBeGreaterThan(3500);
  });

  it('uses Crawl-delay when it is slower than the rate', async () => {
    const delayed = { ...fast, crawlDelaySeconds: 2 };
    expect((await limiter.acquire('delay.example', delayed)).ok).toBe(true);
    const next = await limiter.acquire('delay.example', delayed);
    if (next.ok) throw new Error('expected a wait');
    expect(next.waitMs).toBeGreaterThan(1_500);
  });

  it('blocks a host until a time, never shortening an existing block', async () => {
    await limiter.block('blocked.example', 1_000);
    await limiter.block('blocked.example', 100);
    const r = await limiter.acquire('blocked.example', fast);
    expect(r).toMatchObject({ ok: false, why: 'blocked' });
    if (r.ok) throw new Error('unreachable');
    expect(r.waitMs).toBeGreaterThan(500);
  });
});

describe('two worker processes hammering one host', () => {
  let redis: Redis;
  const prefix = testPrefix('hammer');
  const children: ChildProcess[] = [];

  beforeAll(() => {
    redis = connectRedis();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('holds perSecond and concurrency across both processes', async () => {
    const PER_SECOND = 5;
    const CONCURRENCY = 2;
    const PER_PROCESS = 8;
    let active = 0;
    let maxActive = 0;
    const server = await startServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /admin\n');
      active++;
      maxActive = Math.max(maxActive, active);
      res.on('finish', () => active--);
      // Slow enough that the concurrency cap, not only the rate, has to hold.
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(`<html>${req.url}</html>`), 450);
    });
    try {
      const script = fileURLToPath(new URL('./fixtures/hammer.ts', import.meta.url));
      const spawnWorker = (n: number) => {
        const args = {
          redisUrl: REDIS_URL,
          prefix,
          urls: Array.from({ length: PER_PROCESS }, (_, i) => server.url(`/w${n}/${i}`)),
          perSecond: PER_SECOND,
          concurrency: CONCURRENCY,
          parallel: 4,
        };
        const child = fork(script, [JSON.stringify(args)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        children.push(child);
        return child;
      };
      const workers = [spawnWorker(1), spawnWorker(2)];
      await Promise.all(workers.map((w) => once(w, 'message')));
      const done = workers.map((w) => once(w, 'message') as Promise<[{ results: { url: string; status?: number; error?: string }[]; busy: number }]>);
      for (const w of workers) w.send('go');
      const reports = (await Promise.all(done)).map(([r]) => r);

      for (const r of reports) {
        expect(r.results).toHaveLength(PER_PROCESS);
        expect(r.results.every((x) => x.status === 200)).toBe(true);
        expect(r.busy).toBeGreaterThan(0); // each process was told to wait at least once
      }
      expect(server.paths().filter((p) => p === '/robots.txt')).toHaveLength(1);

      const at = server.hits.filter((h) => h.path.startsWith('/w')).map((h) => h.at).sort((a, b) => a - b);
      expect(at).toHaveLength(2 * PER_PROCESS);
      const interval = 1000 / PER_SECOND;
      const gaps = at.slice(1).map((t, i) => t - at[i]);
      // Slack for the trip from a granted token to the server's clock on a loaded 2-core box;
      // without the limiter, 8 parallel loops would land requests ~0 ms apart.
      const SLACK = 120;
      // Request starts are spaced by the rate.
      expect(Math.min(...gaps)).toBeGreaterThan(interval - SLACK);
      // No window of one second ever holds more than perSecond requests.
      for (let i = 0; i + PER_SECOND < at.length; i++) expect(at[i + PER_SECOND] - at[i]).toBeGreaterThan(1000 - SLACK);
      expect(maxActive).toBeLessThanOrEqual(CONCURRENCY);
      expect(maxActive).toBe(CONCURRENCY);
      const span = at.at(-1)! - at[0];
      console.log(`two processes: ${at.length} requests over ${Math.round(span)} ms, min gap ${Math.round(Math.min(...gaps))} ms, max in flight ${maxActive}; gaps ${gaps.map(Math.round).join(',')}`);
      expect(span).toBeGreaterThan((at.length - 1) * interval - SLACK);
    } finally {
      await server.close();
    }
  });
});

describe('Fetcher politeness', () => {
  let redis: Redis;
  let fetcher: Fetcher;
  const prefix = testPrefix('polite');

  beforeAll(() => {
    redis = connectRedis();
    fetcher = new Fetcher({ redis, prefix });
  });
  afterAll(async () => {
    await fetcher.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  it('throws HostBusyError instead of sending a request over the rate, and releases slots after each fetch', async () => {
    const server = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok</html>'));
    try {
      const source = testSource({ rateLimit: { perSecond: 2, concurrency: 1 } });
      await fetcher.fetch({ url: server.url('/1'), source, kind: 'article' });
      const busy = (await rejection(() => fetcher.fetch({ url: server.url('/2'), source, kind: 'article' }))) as HostBusyError;
      expect(busy).toBeInstanceOf(HostBusyError);
      expect(busy.host).toBe(server.host);
      expect(busy.waitMs).toBeGreaterThan(0);
      expect(busy.waitMs).toBeLessThanOrEqual(500);
      expect(server.paths()).toEqual(['/1']);
      await sleep(busy.waitMs);
      // concurrency 1: this only works if the first fetch gave its lease back.
      await fetcher.fetch({ url: server.url('/2'), source, kind: 'article' });
      expect(server.paths()).toEqual(['/1', '/2']);
    } finally {
      await server.close();
    }
  });

  it('rateLimit: false sends every request at once and keeps no politeness state in Redis', async () => {
    const server = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok</html>'));
    try {
      const source = testSource({ rateLimit: false });
      await Promise.all([1, 2, 3, 4, 5].map((i) => fetcher.fetch({ url: server.url(`/${i}`), source, kind: 'article' })));
      expect(server.paths().sort()).toEqual(['/1', '/2', '/3', '/4', '/5']);
      const [, keys] = await redis.scan('0', 'MATCH', `${prefix}:fetch:{${server.host}}:*`, 'COUNT', 1000);
      expect(keys).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a same-host redirect reuses its lease and waits for the next token in-process', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/old') return void res.writeHead(301, { location: '/new' }).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>new</html>');
    });
    try {
      const source = testSource({ rateLimit: { perSecond: 4, concurrency: 1 } });
      const t0 = performance.now();
      const page = await fetcher.fetch({ url: server.url('/old'), source, kind: 'article' });
      expect(page.url).toBe(server.url('/new'));
      expect(server.paths()).toEqual(['/old', '/new']);
      // The second hop needed a second token, 250 ms after the first.
      expect(performance.now() - t0).toBeGreaterThanOrEqual(245);
    } finally {
      await server.close();
    }
  });
});
