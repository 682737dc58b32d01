import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { sampleArticles } from '../../src/demo/articles.ts';
import { articlePath } from '../../src/demo/templates/index.ts';
import { ConfigSchema } from '../../src/schemas/config.ts';
import { openRuntime } from '../../src/cli/runtime.ts';
import { crawlOnce } from '../../src/cli/crawl-once.ts';
import type { Sink } from '../../src/sinks/index.ts';
import type { ArticleRecord } from '../../src/schemas/record.ts';
import { REDIS_URL, dropPrefix, tempDir, uniquePrefix } from '../helpers/env.ts';
import { OLD_PATH, startSite, type Discovery, type TestSite } from '../helpers/article-site.ts';

async function readAll(sink: Sink): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  let since: string | null = null;
  for (;;) {
    const page = await sink.read({ since, limit: 100 });
    out.push(...page.records);
    if (!page.nextCursor || page.records.length === 0) return out;
    since = page.nextCursor;
  }
}

const pool = [...sampleArticles];
const take = (n: number) => pool.splice(0, n);
let sites: Record<Discovery, TestSite>;
const prefix = uniquePrefix('multi');

function sourcesFor(s: Record<Discovery, TestSite>) {
  const common = { articleUrlPattern: '-post\\d+\\.html$', allowPrivateNetworks: true, rateLimit: { perSecond: 100, concurrency: 8 }, schedule: '*/15 * * * *' };
  return [
    { id: 'listing-site', listings: [`${s.listing.baseUrl}/tin-moi?page=1`], listingUrlPattern: '/tin-moi\\?page=\\d+$', maxDepth: 5, ...common },
    { id: 'feed-site', feeds: [`${s.feed.baseUrl}/rss.xml`], ...common },
    { id: 'sitemap-site', sitemaps: [`${s.sitemap.baseUrl}/sitemap-index.xml`], maxAgeDays: 3650, ...common },
  ];
}

beforeAll(async () => {
  sites = {
    listing: await startSite('nhandan', 'listing', take(5)),
    feed: await startSite('baotintuc', 'feed', take(4)),
    sitemap: await startSite('thoidai', 'sitemap', take(4)),
  };
});

afterAll(async () => {
  await Promise.all(Object.values(sites ?? {}).map((s) => s.close()));
  await dropPrefix(prefix);
});

describe('multi-site crawl: listings with pagination, RSS, sitemap index with a gzipped news sitemap', () => {
  it('crawls every site, skips stale sitemap items, and a second run fetches only the new articles', async () => {
    const config = ConfigSchema.parse({ sources: sourcesFor(sites) });
    const sinkUrl = `sqlite:${tempDir('multi')}/records.db`;

    const rt = await openRuntime({ config, sink: sinkUrl, prefix });
    try {
      const first = await crawlOnce(rt, { concurrency: 6 });
      expect(first.failures).toEqual({});
      expect(first.recordsWritten).toBe(13);
      const records = await readAll(rt.sink);
      const bySource = (id: string) => records.filter((r) => r.source === id).map((r) => r.title).sort();
      expect(bySource('listing-site')).toEqual(sites.listing.articles.map((a) => a.title).sort());
      expect(bySource('feed-site')).toEqual(sites.feed.articles.map((a) => a.title).sort());
      expect(bySource('sitemap-site')).toEqual(sites.sitemap.articles.map((a) => a.title).sort());
      // Every listing page was followed; the 2010 sitemap item was filtered out by maxAgeDays, never fetched.
      expect(sites.listing.hits).toEqual(expect.arrayContaining(['/tin-moi?page=1', '/tin-moi?page=2', '/tin-moi?page=3']));
      expect(sites.sitemap.hits).toContain('/sitemap-news.xml.gz');
      expect(sites.sitemap.hits).not.toContain(OLD_PATH);
    } finally {
      await rt.close();
    }

    // New articles appear on each site; the next scheduled run fetches those and nothing else.
    const fresh = { listing: take(1)[0], feed: take(1)[0], sitemap: take(1)[0] };
    for (const k of Object.keys(fresh) as Discovery[]) {
      sites[k].articles.push(fresh[k]);
      sites[k].hits.length = 0;
    }
    const rt2 = await openRuntime({ config, sink: sinkUrl, prefix });
    try {
      // Completed jobs are removed after a while (removeOnComplete); only the seen-set remembers then.
      await rt2.queues.articles.clean(0, 100_000, 'completed');
      const second = await crawlOnce(rt2, { concurrency: 6 });
      expect(second.pagesFetched).toBe(3);
      expect(second.recordsWritten).toBe(3);
      for (const k of Object.keys(fresh) as Discovery[]) {
        const articleHits = sites[k].hits.filter((h) => h.endsWith('.html'));
        expect(articleHits).toEqual([articlePath(fresh[k])]);
      }
      expect((await readAll(rt2.sink)).length).toBe(16);
    } finally {
      await rt2.close();
    }
  });

  it('two scheduler processes started together leave exactly one scheduler per source', async () => {
    const dir = tempDir('sched');
    const file = join(dir, 'sources.yaml');
    const schedPrefix = uniquePrefix('sched');
    writeFileSync(file, stringify({ sources: sourcesFor(sites) }));
    const bin = join(import.meta.dirname, '../../bin/tinflow.mjs');
    const run = () =>
      new Promise<number>((resolve) => {
        execFile(process.execPath, [bin, 'schedule', '--config', file], { env: { ...process.env, TINFLOW_PREFIX: schedPrefix } }, (err) => resolve(err ? 1 : 0));
      });
    try {
      expect(await Promise.all([run(), run()])).toEqual([0, 0]);
      const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
      const queue = new Queue('sources', { connection: redis, prefix: schedPrefix });
      try {
        const schedulers = await queue.getJobSchedulers();
        expect(schedulers.map((s) => s.key).sort()).toEqual(['source-feed-site', 'source-listing-site', 'source-sitemap-site']);
        // A source removed from the config loses its scheduler.
        writeFileSync(file, stringify({ sources: sourcesFor(sites).slice(1) }));
        expect(await run()).toBe(0);
        expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(['source-feed-site', 'source-sitemap-site']);
      } finally {
        await queue.close();
        redis.disconnect();
      }
    } finally {
      await dropPrefix(schedPrefix);
    }
  });
});
