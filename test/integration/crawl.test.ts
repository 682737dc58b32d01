import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startSampleSite, demoSources, type SampleSite } from '../../src/demo/site.ts';
import { expectedFields } from '../../src/demo/expected.ts';
import { ConfigSchema } from '../../src/schemas/config.ts';
import { openRuntime } from '../../src/cli/runtime.ts';
import { crawlOnce } from '../../src/cli/crawl-once.ts';
import type { ArticleRecord } from '../../src/schemas/record.ts';
import type { Sink } from '../../src/sinks/index.ts';
import { PG_URL, dropPrefix, tempDir, uniquePrefix } from '../helpers/env.ts';

async function readAll(sink: Sink): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  let since: string | null = null;
  for (;;) {
    const page = await sink.read({ since, limit: 7 });
    out.push(...page.records);
    if (!page.nextCursor || page.records.length === 0) return out;
    since = page.nextCursor;
  }
}

let site: SampleSite;
const prefixes: string[] = [];
const pgSchema = `tf_crawl_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  site = await startSampleSite();
});

afterAll(async () => {
  await site?.close();
  await Promise.all(prefixes.map(dropPrefix));
  const client = new pg.Client(PG_URL);
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
  await client.end();
});

const sinks = {
  sqlite: () => `sqlite:${tempDir('crawl')}/records.db`,
  jsonl: () => `jsonl:${tempDir('crawl')}/records.jsonl`,
  postgres: () => `${PG_URL}?schema=${pgSchema}`,
};

describe.each(Object.entries(sinks))('crawl --once of the sample site into %s', (_kind, makeSinkUrl) => {
  it('writes one clean record per distinct article, drops the duplicate, records the failure, and a second run fetches nothing new', async () => {
    const prefix = uniquePrefix('crawl');
    prefixes.push(prefix);
    const sinkUrl = makeSinkUrl();
    const config = ConfigSchema.parse({ sources: demoSources(site.baseUrl) });

    const rt = await openRuntime({ config, sink: sinkUrl, prefix });
    let records: ArticleRecord[];
    try {
      const summary = await crawlOnce(rt, { concurrency: 4 });
      expect(summary.recordsWritten).toBe(site.expected.length);
      expect(summary.duplicatesDropped).toBe(site.duplicateUrls.length);
      const expectedFailures: Record<string, number> = {};
      for (const f of site.failingUrls) expectedFailures[f.reason] = (expectedFailures[f.reason] ?? 0) + 1;
      expect(summary.failures).toEqual(expectedFailures);

      records = await readAll(rt.sink);
      expect(records).toHaveLength(site.expected.length);
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      expect(new Set(records.map((r) => r.contentHash)).size).toBe(records.length);
      const counts = await rt.sink.count();
      expect(counts.failures).toBe(site.failingUrls.length);

      for (const { url, article } of site.expected) {
        const want = expectedFields(article, url);
        // Which copy of a duplicated article is written first depends on fetch order.
        const record = records.find((r) => r.title === want.title);
        expect(record, `record for ${url}`).toBeDefined();
        expect([url, ...site.duplicateUrls]).toContain(record!.url);
        const got = {
          title: record!.title,
          lead: record!.lead,
          body: record!.body,
          authors: record!.authors,
          agency: record!.agency,
          publishedAt: record!.publishedAt,
          section: record!.section,
          tags: record!.tags,
          language: record!.language,
          images: record!.images,
        };
        expect(got, url).toEqual({
          title: want.title,
          lead: want.lead,
          body: want.body,
          authors: want.authors,
          agency: want.agency,
          publishedAt: want.publishedAt,
          section: want.section,
          tags: want.tags,
          language: want.language,
          images: want.images,
        });
        expect(record!.source).toBe('demo');
        expect(record!.wordCount).toBeGreaterThan(50);
      }
    } finally {
      await rt.close();
    }

    // Second run, same Redis state: listings are re-read, seen articles are not fetched again.
    const rt2 = await openRuntime({ config, sink: sinkUrl, prefix });
    try {
      const again = await crawlOnce(rt2, { concurrency: 4 });
      expect(again.pagesFetched).toBe(0);
      expect(again.recordsWritten).toBe(0);
      expect(again.discoverPages).toBeGreaterThan(0);
      expect((await readAll(rt2.sink)).length).toBe(records.length);
    } finally {
      await rt2.close();
    }
  });
});
