import type { Job } from 'bullmq';
import { DiscoverJobSchema, SourceJobSchema, type DiscoverJob, type SourceJob } from '../schemas/job.ts';
import { discoverFromPage, seedJobs } from '../producers/index.ts';
import { enqueueDiscovered, type EnqueueResult } from '../queues/enqueue.ts';
import { sourceOf, type WorkerContext } from './context.ts';

/** A scheduled (or --once) run of one source: its seeds, feeds, sitemaps and listings become jobs. */
export async function processSource(ctx: WorkerContext, job: Job<SourceJob>): Promise<EnqueueResult> {
  const source = sourceOf(ctx, SourceJobSchema.parse(job.data).source);
  const result = await enqueueDiscovered(ctx.queues, ctx.seen, seedJobs(source), { recrawlDays: source.recrawlDays });
  ctx.stats.articlesQueued += result.articles;
  return result;
}

/** Read one feed, sitemap, listing page or robots.txt and queue what it links to. */
export async function processDiscover(ctx: WorkerContext, job: Job<DiscoverJob>, signal?: AbortSignal): Promise<EnqueueResult> {
  const data = DiscoverJobSchema.parse(job.data);
  const source = sourceOf(ctx, data.source);
  const page = await ctx.fetcher.fetch({ url: data.url, source, kind: data.kind, signal });
  ctx.stats.discoverPages++;
  const found = discoverFromPage(data, { url: page.url, body: page.body, contentType: page.contentType }, source);
  const result = await enqueueDiscovered(ctx.queues, ctx.seen, found, { recrawlDays: source.recrawlDays });
  ctx.stats.articlesQueued += result.articles;
  return result;
}
