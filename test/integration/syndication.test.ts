import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { stringify } from 'yaml';
import { syndicatedPair, sameEventDifferentArticles } from '../../src/demo/articles.ts';
import { articlePath } from '../../src/demo/templates/index.ts';
import { ConfigSchema } from '../../src/schemas/config.ts';
import { openRuntime } from '../../src/cli/runtime.ts';
import { crawlOnce } from '../../src/cli/crawl-once.ts';
import { openSink, type Sink } from '../../src/sinks/index.ts';
import type { ArticleRecord } from '../../src/schemas/record.ts';
import { PG_URL, dropPrefix, tempDir, uniquePrefix } from '../helpers/env.ts';
import { startSite, type TestSite } from '../helpers/article-site.ts';

// The same TTXVN-style article republished by a second outlet: another template, another lead
// prefix, old-style tone marks and decomposed Unicode. Plus two different reports of one event.
const [opening, sidelines] = sameEventDifferentArticles;
let first: TestSite;
let second: TestSite;
const prefixes: string[] = [];
const pgSchema = `tf_synd_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  first = await startSite('nhandan', 'feed', [syndicatedPair.original, opening]);
  second = await startSite('thoidai', 'feed', [syndicatedPair.variant, sidelines]);
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await Promise.all(prefixes.map(dropPrefix));
  const client = new pg.Client(PG_URL);
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
  await client.end();
});

function sources(policy: 'drop' | 'link') {
  const common = { articleUrlPattern: '-post\\d+\\.html$', allowPrivateNetworks: true, rateLimit: { perSecond: 100, concurrency: 4 }, dedupe: { policy } };
  return [
    { id: 'outlet-a', feeds: [`${first.baseUrl}/rss.xml`], ...common },
    { id: 'outlet-b', feeds: [`${second.baseUrl}/rss.xml`], ...common },
  ];
}

async function readAll(sink: Sink): Promise<ArticleRecord[]> {
  const page = await sink.read({ limit: 1000 });
  return page.records;
}

async function crawl(policy: 'drop' | 'link') {
  const prefix = uniquePrefix('synd');
  prefixes.push(prefix);
  const rt = await openRuntime({ config: ConfigSchema.parse({ sources: sources(policy) }), sink: `sqlite:${tempDir('synd')}/r.db`, prefix });
  try {
    const summary = await crawlOnce(rt, { concurrency: 4 });
    return { summary, records: await readAll(rt.sink) };
  } finally {
    await rt.close();
  }
}

describe('dedupe across outlets', () => {
  it('drop: the syndicated copy is dropped, the two reports of one event are both kept', async () => {
    const { summary, records } = await crawl('drop');
    expect(summary.pagesFetched).toBe(4);
    expect(summary.duplicatesDropped).toBe(1);
    expect(records).toHaveLength(3);
    // Whichever copy was fetched first is the one kept.
    const copyTitles = [syndicatedPair.original.title, syndicatedPair.variant.title.normalize('NFC')];
    const kept = records.filter((r) => copyTitles.includes(r.title));
    expect(kept).toHaveLength(1);
    expect(records.filter((r) => !copyTitles.includes(r.title)).map((r) => r.title).sort()).toEqual([opening.title, sidelines.title].sort());
    expect(records.every((r) => r.duplicateOf === null)).toBe(true);
  });

  it('link: both copies are written and the later one points at the earlier', async () => {
    const { summary, records } = await crawl('link');
    expect(summary.duplicatesDropped).toBe(0);
    expect(records).toHaveLength(4);
    // Titles differ in tone-mark style; the canonical content hash is what they share.
    const originalHash = records.find((r) => r.title === syndicatedPair.original.title || r.title === syndicatedPair.variant.title.normalize('NFC'))!.contentHash;
    const copies = records.filter((r) => r.contentHash === originalHash);
    expect(copies).toHaveLength(2);
    const [original, linked] = copies[0].duplicateOf === null ? copies : [copies[1], copies[0]];
    expect(original.duplicateOf).toBeNull();
    expect(linked.duplicateOf).toBe(original.id);
    expect(new Set(copies.map((c) => c.source))).toEqual(new Set(['outlet-a', 'outlet-b']));
    const others = records.filter((r) => r.contentHash !== originalHash);
    expect(others.every((r) => r.duplicateOf === null)).toBe(true);
  });

  it('two worker processes finishing the two copies at the same time still end with one record', async () => {
    const prefix = uniquePrefix('synd-race');
    prefixes.push(prefix);
    const dir = tempDir('synd-race');
    const config = join(dir, 'sources.yaml');
    writeFileSync(config, stringify({ sources: sources('drop') }));
    const sinkUrl = `${PG_URL}?schema=${pgSchema}`;
    const bin = join(import.meta.dirname, '../../bin/tinflow.mjs');
    const env = { ...process.env, TINFLOW_PREFIX: prefix, TINFLOW_LOG_LEVEL: 'warn' };
    const urls = [first.baseUrl + articlePath(syndicatedPair.original), second.baseUrl + articlePath(syndicatedPair.variant)];
    const enqueue = (url: string, source: string) =>
      new Promise<void>((resolve, reject) => execFile(process.execPath, [bin, 'enqueue', url, '--source', source, '--config', config], { env }, (err) => (err ? reject(err) : resolve())));
    await enqueue(urls[0], 'outlet-a');
    await enqueue(urls[1], 'outlet-b');
    const workers = [0, 1].map(() => spawn(process.execPath, [bin, 'worker', '--config', config, '--sink', sinkUrl, '--concurrency', '1', '--no-serve'], { env, stdio: 'ignore' }));
    const sink = await openSink(sinkUrl);
    try {
      const deadline = Date.now() + 60_000;
      let records: ArticleRecord[] = [];
      while (Date.now() < deadline) {
        const hits = first.hits.concat(second.hits).filter((h) => h.endsWith('.html')).length;
        records = await readAll(sink);
        if (hits >= 2 && records.length >= 1) {
          await new Promise((r) => setTimeout(r, 1500)); // give the loser time to (not) write
          records = await readAll(sink);
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(records).toHaveLength(1);
      expect([syndicatedPair.original.title, syndicatedPair.variant.title.normalize('NFC')]).toContain(records[0].title);
    } finally {
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
      await sink.close();
    }
  });
});
