import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { ConfigSchema } from '../../src/schemas/config.ts';
import { resolveSources } from '../../src/config/load.ts';
import type { FetchLimits, ResolvedSource } from '../../src/schemas/config.ts';
import { HostBusyError, type Fetcher, type FetchRequest, type FetchedPage } from '../../src/fetch/index.ts';

export const REDIS_URL = process.env.TINFLOW_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export interface Hit {
  path: string;
  at: number;
  headers: http.IncomingHttpHeaders;
}

export interface TestServer {
  port: number;
  host: string;
  url: (path?: string) => string;
  hits: Hit[];
  /** Paths requested, in order. */
  paths: () => string[];
  close: () => Promise<void>;
}

export async function startServer(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<TestServer> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    hits.push({ path: req.url ?? '', at: performance.now(), headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    host: `127.0.0.1:${port}`,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    hits,
    paths: () => hits.map((h) => h.path),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A fully resolved source with test-friendly settings; robots off and a generous rate unless asked. */
export function testSource(overrides: Partial<Omit<ResolvedSource, 'fetch'>> & { fetch?: Partial<FetchLimits> } = {}): ResolvedSource {
  const base = resolveSources(ConfigSchema.parse({ sources: [{ id: 'test' }] })).get('test')!;
  const { fetch, ...rest } = overrides;
  return {
    ...base,
    allowPrivateNetworks: true,
    respectRobots: false,
    rateLimit: { perSecond: 1000, concurrency: 50 },
    userAgent: 'tinflow-test/1.0',
    ...rest,
    fetch: { ...base.fetch, ...fetch },
  };
}

export function testPrefix(area: string): string {
  return `tf-test-${area}-${process.pid}-${Date.now()}`;
}

export function connectRedis(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** What a worker does with HostBusyError, compressed in time: wait and try again. */
export async function fetchWhenFree(fetcher: Fetcher, req: FetchRequest, maxTries = 50): Promise<FetchedPage> {
  for (let i = 0; ; i++) {
    try {
      return await fetcher.fetch(req);
    } catch (err) {
      if (!(err instanceof HostBusyError) || i >= maxTries) throw err;
      await sleep(err.waitMs);
    }
  }
}

/** Runs `fn`, expecting it to reject, and returns the rejection. */
export async function rejection(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}
