import type { ArticleJob, DiscoverJob } from '../schemas/job.ts';
import type { Queues } from './index.ts';
import { canonicalizeUrl, urlKey } from '../urls/canonical.ts';
import type { SeenSet } from '../producers/seen-set.ts';

export interface EnqueueResult {
  articles: number;
  skippedSeen: number;
  discover: number;
}

/**
 * Queue discovered work. Article jobs get jobId = hash of the canonical URL (BullMQ ignores a
 * second add while the job exists) and pass the permanent seen-set first, which outlives jobs.
 * Discover jobs (feeds, sitemaps, listings) are re-read every run, so they are only
 * deduplicated while one is pending.
 */
export async function enqueueDiscovered(
  queues: Queues,
  seen: SeenSet | null,
  found: { articles: ArticleJob[]; discover: DiscoverJob[] },
  opts: { recrawlDays?: number } = {},
): Promise<EnqueueResult> {
  const byUrl = new Map<string, ArticleJob>();
  for (const job of found.articles) {
    const url = canonicalizeUrl(job.url);
    if (url && !byUrl.has(url)) byUrl.set(url, { ...job, url });
  }
  const source = found.articles[0]?.source;
  const candidates = [...byUrl.keys()];
  const unseen = seen && source && candidates.length ? await seen.filterUnseen(source, candidates, opts) : candidates;
  if (unseen.length) {
    await queues.articles.addBulk(unseen.map((url) => ({ name: 'article', data: byUrl.get(url)!, opts: { jobId: urlKey(url) } })));
  }
  if (found.discover.length) {
    await queues.discover.addBulk(
      found.discover.map((d) => ({ name: d.kind, data: d, opts: { deduplication: { id: `${d.source}-${urlKey(d.url)}` } } })),
    );
  }
  return { articles: unseen.length, skippedSeen: candidates.length - unseen.length, discover: found.discover.length };
}
