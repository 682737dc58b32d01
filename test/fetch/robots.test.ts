import type http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { FetchError, Fetcher } from '../../src/fetch/index.ts';
import { metrics } from '../../src/ops/metrics.ts';
import { connectRedis, deleteKeys, fetchWhenFree, rejection, startServer, testPrefix, testSource, type TestServer } from './helpers.ts';

const PAGE = '<html><body>trang</body></html>';

describe('robots.txt', () => {
  let redis: Redis;
  let fetcher: Fetcher;
  const prefix = testPrefix('robots');
  const servers: TestServer[] = [];

  /** A site whose robots.txt answer is `robots` and whose every other path is a small page. */
  const site = async (robots: (res: http.ServerResponse) => void) => {
    const s = await startServer((req, res) => {
      if (req.url === '/robots.txt') return robots(res);
      if (req.url === '/moved-robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /after-redirect');
      res.writeHead(200, { 'content-type': req.url?.endsWith('.xml') ? 'application/xml' : 'text/html' }).end(PAGE);
    });
    servers.push(s);
    return s;
  };
  const text = (body: string) => (res: http.ServerResponse) => res.writeHead(200, { 'content-type': 'text/plain' }).end(body);
  const pageHits = (s: TestServer) => s.paths().filter((p) => p !== '/robots.txt');
  const robotsHits = (s: TestServer) => s.paths().filter((p) => p === '/robots.txt').length;

  beforeAll(() => {
    redis = connectRedis();
    fetcher = new Fetcher({ redis, prefix });
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await fetcher.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  const source = testSource({ respectRobots: true, userAgent: 'tinflow-test/1.0 (+https://example.org)' });

  it('blocks disallowed URLs permanently, for every kind, with our user-agent group', async () => {
    const s = await site(text('User-agent: *\nDisallow: /\n\nUser-agent: tinflow-test\nDisallow: /private/\nAllow: /private/ok\n'));
    const before = (await metrics.robotsBlocked.get()).values.find((v) => v.labels.host === s.host)?.value ?? 0;
    for (const [path, kind] of [['/private/a', 'article'], ['/private/feed.xml', 'feed'], ['/private/sitemap.xml', 'sitemap']] as const) {
      const err = (await rejection(() => fetcher.fetch({ url: s.url(path), source, kind }))) as FetchError;
      expect(err).toBeInstanceOf(FetchError);
      expect(err.reason).toBe('robots-blocked');
      expect(err.permanent).toBe(true);
    }
    // Our group allows the rest, even though "*" disallows everything.
    await fetcher.fetch({ url: s.url('/news/1'), source, kind: 'article' });
    await fetcher.fetch({ url: s.url('/private/ok'), source, kind: 'article' });
    expect(pageHits(s)).toEqual(['/news/1', '/private/ok']);
    const after = (await metrics.robotsBlocked.get()).values.find((v) => v.labels.host === s.host)?.value ?? 0;
    expect(after - before).toBe(3);
    expect(s.hits.find((h) => h.path === '/robots.txt')!.headers['user-agent']).toBe(source.userAgent);
  });

  it('fetches robots.txt once per host and shares it through Redis', async () => {
    const s = await site(text('User-agent: *\nDisallow: /x\n'));
    const other = new Fetcher({ redis: connectRedis(), prefix });
    try {
      await Promise.all([1, 2, 3].map((i) => fetchWhenFree(fetcher, { url: s.url(`/a${i}`), source, kind: 'article' })));
      await fetchWhenFree(other, { url: s.url('/b'), source, kind: 'article' });
      expect(await rejection(() => other.fetch({ url: s.url('/x/1'), source, kind: 'article' }))).toMatchObject({ reason: 'robots-blocked' });
    } finally {
      await other.close();
    }
    expect(robotsHits(s)).toBe(1);
    expect(pageHits(s).sort()).toEqual(['/a1', '/a2', '/a3', '/b']);
  });

  it('spaces requests by Crawl-delay, capped by maxCrawlDelaySeconds', async () => {
    const s = await site(text('User-agent: *\nCrawl-delay: 0.4\n'));
    for (let i = 0; i < 3; i++) await fetchWhenFree(fetcher, { url: s.url(`/p${i}`), source, kind: 'article' });
    const at = s.hits.filter((h) => h.path.startsWith('/p')).map((h) => h.at);
    expect(at).toHaveLength(3);
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(300); // ~0 ms apart without the delay

    const capped = await site(text('User-agent: *\nCrawl-delay: 3600\n'));
    const cappedSource = { ...source, maxCrawlDelaySeconds: 0.3 };
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) await fetchWhenFree(fetcher, { url: capped.url(`/q${i}`), source: cappedSource, kind: 'article' });
    const elapsed = performance.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(3_000);
  });

  it('still spaces requests by Crawl-delay when rateLimit is off', async () => {
    const s = await site(text('User-agent: *\nCrawl-delay: 0.4\n'));
    const off = { ...source, rateLimit: false as const };
    for (let i = 0; i < 3; i++) await fetchWhenFree(fetcher, { url: s.url(`/p${i}`), source: off, kind: 'article' });
    const at = s.hits.filter((h) => h.path.startsWith('/p')).map((h) => h.at);
    expect(at).toHaveLength(3);
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(300);
  });

  it('defers the host while robots.txt answers 5xx, without refetching it for every URL', async () => {
    const s = await site((res) => res.writeHead(503).end('maintenance'));
    for (const path of ['/a', '/b']) {
      const err = (await rejection(() => fetcher.fetch({ url: s.url(path), source, kind: 'article' }))) as FetchError;
      expect(err.reason).toBe('robots-unavailable');
      expect(err.permanent).toBe(false);
      expect(err.retryAfterMs).toBeGreaterThan(0);
      expect(err.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
    expect(robotsHits(s)).toBe(1);
    expect(pageHits(s)).toEqual([]);
  });

  it('defers the host when robots.txt cannot be reached', async () => {
    const s = await site((res) => res.socket?.destroy());
    const err = (await rejection(() => fetcher.fetch({ url: s.url('/a'), source, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('robots-unavailable');
    expect(err.permanent).toBe(false);
  });

  it('allows everything when robots.txt is 4xx', async () => {
    for (const status of [404, 403]) {
      const s = await site((res) => res.writeHead(status).end());
      const page = await fetcher.fetch({ url: s.url('/anything'), source, kind: 'article' });
      expect(page.status).toBe(200);
    }
  });

  it('follows a redirected robots.txt', async () => {
    const s = await site((res) => res.writeHead(301, { location: '/moved-robots.txt' }).end());
    const err = (await rejection(() => fetcher.fetch({ url: s.url('/after-redirect/1'), source, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('robots-blocked');
  });

  it('ignores rules past 500 KiB instead of refusing the file', async () => {
    const filler = Array.from({ length: 15_000 }, (_, i) => `# ghi chú số ${i} về trang tin`).join('\n');
    const s = await site(text(`User-agent: *\nDisallow: /early\n${filler}\nDisallow: /late\n`));
    expect(await rejection(() => fetcher.fetch({ url: s.url('/early/1'), source, kind: 'article' }))).toMatchObject({ reason: 'robots-blocked' });
    const page = await fetchWhenFree(fetcher, { url: s.url('/late/1'), source, kind: 'article' });
    expect(page.status).toBe(200);
  });

  it('does not ask for robots.txt when the source opts out', async () => {
    const s = await site(text('User-agent: *\nDisallow: /\n'));
    const page = await fetcher.fetch({ url: s.url('/a'), source: { ...source, respectRobots: false }, kind: 'article' });
    expect(page.status).toBe(200);
    expect(robotsHits(s)).toBe(0);
  });

  it('lists the Sitemap: lines', async () => {
    const s = await site(text('Sitemap: https://báo.example/sitemap.xml\nUser-agent: *\nDisallow:\nSitemap: https://báo.example/news.xml\n'));
    const maps = await fetcher.robotsSitemaps(`http://${s.host}`, source);
    expect(maps).toEqual(['https://báo.example/sitemap.xml', 'https://báo.example/news.xml']);
    expect(await fetcher.robotsSitemaps(`http://${s.host}/`, source)).toEqual(maps);
    expect(robotsHits(s)).toBe(1);
    const none = await site((res) => res.writeHead(404).end());
    expect(await fetcher.robotsSitemaps(`http://${none.host}`, source)).toEqual([]);
  });
});
