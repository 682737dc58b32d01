import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { FetchError, Fetcher, HostBusyError } from '../../src/fetch/index.ts';
import { metrics } from '../../src/ops/metrics.ts';
import { connectRedis, deleteKeys, fetchWhenFree, rejection, startServer, testPrefix, testSource, type TestServer } from './helpers.ts';

describe('HTTP status handling, Retry-After and conditional GET', () => {
  let redis: Redis;
  let fetcher: Fetcher;
  let server: TestServer;
  let other: TestServer;
  const prefix = testPrefix('status');
  let flaps = 0;
  const ETAG = '"v1-abc"';
  const LAST_MODIFIED = 'Sun, 22 Nov 2026 10:00:00 GMT';

  beforeAll(async () => {
    redis = connectRedis();
    fetcher = new Fetcher({ redis, prefix });
    server = await startServer((req, res) => {
      switch (req.url) {
        case '/gone':
          res.writeHead(410).end('gone');
          return;
        case '/missing':
          res.writeHead(404).end('not here');
          return;
        case '/forbidden':
          res.writeHead(403).end('no');
          return;
        case '/flap':
          // Fails twice with 503, then recovers.
          if (++flaps <= 2) res.writeHead(503, { 'content-type': 'text/html' }).end('busy');
          else res.writeHead(200, { 'content-type': 'text/html' }).end('<html>recovered</html>');
          return;
        case '/cond':
          if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) {
            res.writeHead(304, { etag: ETAG }).end();
            return;
          }
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: ETAG, 'last-modified': LAST_MODIFIED }).end('<html>tin mới</html>');
          return;
        case '/plain':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html>plain</html>');
          return;
        case '/cond-moved':
          res.writeHead(301, { location: '/cond' }).end();
          return;
      }
      res.writeHead(404).end();
    });
    other = await startServer((req, res) => {
      if (req.url === '/slow-down') {
        res.writeHead(429, { 'retry-after': '1' }).end('slow down');
        return;
      }
      if (req.url === '/slow-down-bare') {
        res.writeHead(429).end('slow down');
        return;
      }
      if (req.url === '/unavailable-until') {
        res.writeHead(503, { 'retry-after': new Date(Date.now() + 3_000).toUTCString() }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok</html>');
    });
  });

  afterAll(async () => {
    await fetcher.close();
    await Promise.all([server.close(), other.close()]);
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  const source = testSource();

  it('classifies 404 and 410 and other 4xx as permanent', async () => {
    for (const [path, reason] of [['/missing', 'http-404'], ['/gone', 'http-410'], ['/forbidden', 'http-4xx']] as const) {
      const err = (await rejection(() => fetcher.fetch({ url: server.url(path), source, kind: 'article' }))) as FetchError;
      expect(err).toBeInstanceOf(FetchError);
      expect(err.reason).toBe(reason);
      expect(err.permanent).toBe(true);
      expect(err.host).toBe(server.host);
    }
  });

  it('treats a flapping 503 as transient and succeeds once it recovers', async () => {
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const page = await fetcher.fetch({ url: server.url('/flap'), source, kind: 'article' });
        outcomes.push(page.body);
      } catch (err) {
        expect((err as FetchError).permanent).toBe(false);
        outcomes.push((err as FetchError).reason);
      }
    }
    expect(outcomes).toEqual(['http-5xx', 'http-5xx', '<html>recovered</html>']);
  });

  it('blocks the whole host after a 429 with Retry-After, for every fetcher', async () => {
    const before = (await metrics.rateLimitWaits.get()).values.find((v) => v.labels.host === other.host)?.value ?? 0;
    const err = (await rejection(() => fetcher.fetch({ url: other.url('/slow-down'), source, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('http-429');
    expect(err.permanent).toBe(false);
    expect(err.retryAfterMs).toBe(1_000);

    // Another page on the same host, from a second Fetcher (think: another worker process).
    const second = new Fetcher({ redis: connectRedis(), prefix });
    try {
      const hitsBefore = other.hits.length;
      const busy = (await rejection(() => second.fetch({ url: other.url('/fine'), source, kind: 'article' }))) as HostBusyError;
      expect(busy).toBeInstanceOf(HostBusyError);
      expect(busy.host).toBe(other.host);
      expect(busy.waitMs).toBeGreaterThan(200);
      expect(busy.waitMs).toBeLessThanOrEqual(1_000);
      expect(other.hits.length).toBe(hitsBefore); // nothing reached the server

      // A different host is not affected.
      const unaffected = await second.fetch({ url: server.url('/plain'), source, kind: 'article' });
      expect(unaffected.status).toBe(200);

      await new Promise((r) => setTimeout(r, busy.waitMs + 50));
      const after = await second.fetch({ url: other.url('/fine'), source, kind: 'article' });
      expect(after.status).toBe(200);
    } finally {
      await second.close();
    }
    const waits = (await metrics.rateLimitWaits.get()).values.find((v) => v.labels.host === other.host)?.value ?? 0;
    expect(waits).toBeGreaterThan(before);
  });

  it('honours a 503 Retry-After given as an HTTP date', async () => {
    const err = (await rejection(() => fetcher.fetch({ url: other.url('/unavailable-until'), source, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('http-5xx');
    expect(err.retryAfterMs).toBeGreaterThan(1_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(3_000);
    const busy = await rejection(() => fetcher.fetch({ url: other.url('/fine'), source, kind: 'article' }));
    expect(busy).toBeInstanceOf(HostBusyError);
    await fetcher.resetHost(other.host);
  });

  it('blocks the host for backoffMs after a 429 without Retry-After', async () => {
    const quick = testSource({ fetch: { backoffMs: 300 } });
    const err = (await rejection(() => fetcher.fetch({ url: other.url('/slow-down-bare'), source: quick, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('http-429');
    expect(err.retryAfterMs).toBe(300);
    const busy = (await rejection(() => fetcher.fetch({ url: other.url('/fine'), source: quick, kind: 'article' }))) as HostBusyError;
    expect(busy).toBeInstanceOf(HostBusyError);
    expect(busy.waitMs).toBeLessThanOrEqual(300);
    await fetcher.resetHost(other.host);
  });

  it('revalidates with ETag / Last-Modified and reports 304 as notModified', async () => {
    const url = server.url('/cond');
    const first = await fetcher.fetch({ url, source, kind: 'article', revalidate: true });
    expect(first.status).toBe(200);
    expect(first.body).toContain('tin mới');

    const hitsBefore = server.hits.length;
    const again = await fetcher.fetch({ url, source, kind: 'article', revalidate: true });
    expect(again.notModified).toBe(true);
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    const sent = server.hits[hitsBefore].headers;
    expect(sent['if-none-match']).toBe(ETAG);
    expect(sent['if-modified-since']).toBe(LAST_MODIFIED);

    // Without revalidate no conditional headers are sent and the full page comes back.
    const plain = await fetcher.fetch({ url, source, kind: 'article' });
    expect(plain.notModified).toBe(false);
    expect(server.hits.at(-1)!.headers['if-none-match']).toBeUndefined();
  });

  it('revalidates the final URL of a redirect', async () => {
    const page = await fetcher.fetch({ url: server.url('/cond-moved'), source, kind: 'article', revalidate: true });
    expect(page.notModified).toBe(true);
    expect(page.url).toBe(server.url('/cond'));
  });

  it('reports a refused connection as a transient connection error', async () => {
    const closed = await startServer(() => undefined);
    const url = closed.url('/');
    await closed.close();
    const err = (await rejection(() => fetcher.fetch({ url, source, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('connection');
    expect(err.permanent).toBe(false);
  });

  it('counts fetches by host and status', async () => {
    const values = (await metrics.fetches.get()).values.filter((v) => v.labels.host === server.host);
    const byStatus = Object.fromEntries(values.map((v) => [v.labels.status, v.value]));
    expect(byStatus['410']).toBe(1);
    expect(byStatus['503']).toBe(2);
    expect(byStatus['304']).toBeGreaterThanOrEqual(2);
  });

  it('passes the caller abort signal through', async () => {
    const ac = new AbortController();
    ac.abort();
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/plain'), source, kind: 'article', signal: ac.signal }))) as FetchError;
    expect(err.reason).toBe('aborted');
    expect(err.permanent).toBe(false);
  });

  it('a helper loop that honours HostBusyError eventually gets the page', async () => {
    const page = await fetchWhenFree(fetcher, { url: server.url('/plain'), source, kind: 'article' });
    expect(page.status).toBe(200);
  });
});
