import type { Job } from 'bullmq';
import { ArticleJobSchema, type ArticleJob } from '../schemas/job.ts';
import type { ResolvedSource } from '../schemas/config.ts';
import { extractArticle, type ExtractedArticle } from '../extract/index.ts';
import { rulesForUrl } from '../extract/rules/index.ts';
import { canonicalizeUrl, urlKey } from '../urls/canonical.ts';
import { fingerprint } from '../dedupe/index.ts';
import { buildRecord } from '../normalize/record.ts';
import { metrics } from '../ops/metrics.ts';
import { sourceOf, type WorkerContext } from './context.ts';

export type ArticleOutcome =
  | { outcome: 'written' | 'updated' | 'linked'; id: string }
  | { outcome: 'duplicate'; id: string; of: string; kind: 'exact' | 'near' }
  | { outcome: 'not-modified' };

function timed<T>(stage: string, fn: () => T): T {
  const end = metrics.stageSeconds.startTimer({ stage });
  try {
    return fn();
  } finally {
    end();
  }
}

async function timedAsync<T>(stage: string, fn: () => Promise<T>): Promise<T> {
  const end = metrics.stageSeconds.startTimer({ stage });
  try {
    return await fn();
  } finally {
    end();
  }
}

interface ExtractedPage {
  url: string;
  fetchedAt: string;
  fields: ExtractedArticle;
}

/**
 * Fetch and extract in their own frame: only the extracted fields (copied out of the page by the
 * extractor) leave it, so the page HTML is garbage as soon as extraction is done, not after the
 * dedupe and sink round trips.
 */
async function fetchAndExtract(ctx: WorkerContext, data: ArticleJob, source: ResolvedSource, signal?: AbortSignal): Promise<ExtractedPage | null> {
  const page = await timedAsync('fetch', () =>
    ctx.fetcher.fetch({ url: data.url, source, kind: 'article', signal, revalidate: source.recrawlDays !== undefined }),
  );
  if (page.notModified) return null;
  ctx.stats.pagesFetched++;
  const fields = timed('extract', () =>
    extractArticle(page.body, page.url, { timezone: source.timezone, rules: source.extract ?? rulesForUrl(page.url), source: source.id }),
  );
  return { url: page.url, fetchedAt: page.fetchedAt, fields };
}

/** fetch -> extract -> normalize -> hash -> dedupe -> sink, for one article URL. */
export async function processArticle(ctx: WorkerContext, job: Job<ArticleJob>, signal?: AbortSignal): Promise<ArticleOutcome> {
  const data = ArticleJobSchema.parse(job.data);
  const source = sourceOf(ctx, data.source);

  const page = await fetchAndExtract(ctx, data, source, signal);
  if (!page) {
    ctx.stats.notModified++;
    return { outcome: 'not-modified' };
  }
  const { fields } = page;
  for (const field of fields.ruleMisses) metrics.ruleMisses.inc({ source: source.id, field });

  const canonicalUrl = canonicalizeUrl(fields.canonicalUrl ?? page.url) ?? page.url;
  const id = urlKey(canonicalUrl);
  const { contentHash: hash, simhash } = fingerprint(fields);
  const record = buildRecord(fields, {
    id,
    url: data.url,
    canonicalUrl,
    source: source.id,
    contentHash: hash,
    simhash,
    fetchedAt: page.fetchedAt,
    dateHint: data.dateHint ?? null,
  });

  const verdict = await timedAsync('dedupe', () =>
    ctx.dedupe.claim({ recordId: id, source: source.id, contentHash: hash, simhash, nearDistance: source.dedupe.nearDistance }),
  );
  const markSeen = () => ctx.seen.markSeen(source.id, data.url === canonicalUrl ? [data.url] : [data.url, canonicalUrl]);

  if (verdict.kind !== 'new') {
    // Exact copies are never written as a second original; near copies follow the source policy.
    if (source.dedupe.policy === 'drop') {
      if (verdict.kind === 'exact') ctx.stats.duplicatesExact++;
      else ctx.stats.duplicatesNear++;
      await markSeen();
      return { outcome: 'duplicate', id, of: verdict.of, kind: verdict.kind };
    }
    record.duplicateOf = verdict.of;
  }

  let written;
  try {
    written = await timedAsync('sink', () => ctx.sink.write(record));
  } catch (err) {
    // A retry re-claims idempotently (same id), so the claim stays while attempts remain; after
    // the last one it is released, or later copies would point at a record that was never written.
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await ctx.dedupe.release(id, hash, simhash).catch(() => {});
    throw err;
  }
  if (written.status === 'duplicate') {
    ctx.stats.duplicatesExact++;
    metrics.duplicates.inc({ source: source.id, kind: 'exact' });
    await markSeen();
    return { outcome: 'duplicate', id, of: written.of, kind: 'exact' };
  }
  await markSeen();
  if (written.status === 'inserted') {
    ctx.stats.recordsWritten++;
    metrics.recordsWritten.inc({ source: source.id });
  } else ctx.stats.recordsUpdated++;
  if (record.duplicateOf) return { outcome: 'linked', id };
  return { outcome: written.status === 'inserted' ? 'written' : 'updated', id };
}
