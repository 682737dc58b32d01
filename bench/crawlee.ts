/**
 * The same work as a tinflow article job, done by Crawlee's CheerioCrawler: fetch, parse,
 * tinflow's extractArticle + fingerprint + buildRecord, append one JSON line per record.
 * In-memory storage in a fresh tmp folder (nothing persisted, nothing reused between runs).
 *
 *   tsx bench/crawlee.ts --base URL --pages N --concurrency C --out FILE   (prints one JSON result line)
 */
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractArticle } from '../src/extract/index.ts';
import { fingerprint } from '../src/dedupe/index.ts';
import { buildRecord } from '../src/normalize/record.ts';
import { canonicalizeUrl, urlKey } from '../src/urls/canonical.ts';
import { generatedArticleUrls } from './site.ts';

export interface CrawleeRunResult {
  pages: number;
  records: number;
  failed: number;
  seconds: number;
  pagesPerSecond: number;
  recordsPerSecond: number;
  concurrency: number;
  rssEndMb: number;
}

export async function runCrawleeBench(o: { urls: string[]; concurrency: number; out: string }): Promise<CrawleeRunResult> {
  const { CheerioCrawler, Configuration, log } = await import('@crawlee/cheerio');
  const { MemoryStorage } = await import('@crawlee/memory-storage');
  log.setLevel(log.LEVELS.WARNING);
  const storageDir = mkdtempSync(join(tmpdir(), 'tinflow-crawlee-'));
  const config = new Configuration({
    storageClient: new MemoryStorage({ localDataDirectory: storageDir, persistStorage: false, writeMetadata: false }),
    purgeOnStart: true,
    persistStorage: false,
  });
  const out = createWriteStream(o.out, { flags: 'a' });
  let records = 0;
  let failed = 0;
  const crawler = new CheerioCrawler(
    {
      // Same budget as one tinflow worker process: a fixed number of pages in flight, no ramp-up, no politeness.
      minConcurrency: o.concurrency,
      maxConcurrency: o.concurrency,
      maxRequestRetries: 2,
      useSessionPool: false,
      persistCookiesPerSession: false,
      requestHandler: async ({ request, body }) => {
        const html = typeof body === 'string' ? body : body.toString('utf8');
        const url = request.loadedUrl ?? request.url;
        const fields = extractArticle(html, url, { timezone: 'Asia/Ho_Chi_Minh' });
        const canonicalUrl = canonicalizeUrl(fields.canonicalUrl ?? url) ?? url;
        const { contentHash, simhash } = fingerprint(fields);
        const record = buildRecord(fields, { id: urlKey(canonicalUrl), url: request.url, canonicalUrl, source: 'gen', contentHash, simhash, fetchedAt: new Date().toISOString(), dateHint: null });
        if (!out.write(JSON.stringify(record) + '\n')) await new Promise((r) => out.once('drain', r));
        records++;
      },
      failedRequestHandler: () => {
        failed++;
      },
    },
    config,
  );
  const t0 = performance.now();
  const stats = await crawler.run(o.urls);
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => out.end(r));
  const pages = stats.requestsFinished + stats.requestsFailed;
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return {
    pages,
    records,
    failed,
    seconds,
    pagesPerSecond: pages / seconds,
    recordsPerSecond: records / seconds,
    concurrency: o.concurrency,
    rssEndMb: rss ? Math.round(Number(rss[1]) / 1024) : NaN,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { base: { type: 'string' }, pages: { type: 'string' }, concurrency: { type: 'string', default: '16' }, out: { type: 'string' } } });
  if (!values.base || !values.pages || !values.out) throw new Error('usage: tsx bench/crawlee.ts --base URL --pages N --concurrency C --out FILE');
  const result = await runCrawleeBench({ urls: generatedArticleUrls(values.base, Number(values.pages)), concurrency: Number(values.concurrency), out: values.out });
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}
