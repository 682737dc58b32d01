import { DelayedError, Worker, type Job } from 'bullmq';
import { HostBusyError, backoffDelay } from '../fetch/index.ts';
import { QUEUE_NAMES, type QueueName } from '../queues/index.ts';
import { metrics } from '../ops/metrics.ts';
import { processArticle } from './article.ts';
import { processDiscover, processSource } from './discover.ts';
import { failureReason, isFinalAttempt, toJobError } from './errors.ts';
import type { WorkerContext } from './context.ts';

export interface WorkerPool {
  workers: Worker[];
  /** Stop taking jobs; wait up to graceMs for in-flight jobs, then abort them (they return to the queue). */
  close(graceMs?: number): Promise<void>;
}

export interface WorkerPoolOptions {
  concurrency?: number;
  /** Upper bound for one job; the processor's AbortSignal fires after it. */
  jobTimeoutMs?: number;
}

type Processor = (ctx: WorkerContext, job: Job, signal: AbortSignal) => Promise<unknown>;

const processors: Record<QueueName, Processor> = {
  [QUEUE_NAMES.sources]: (ctx, job) => processSource(ctx, job),
  [QUEUE_NAMES.discover]: (ctx, job, signal) => processDiscover(ctx, job, signal),
  [QUEUE_NAMES.articles]: (ctx, job, signal) => processArticle(ctx, job, signal),
};

function outcomeOf(result: unknown): string {
  return result && typeof result === 'object' && 'outcome' in result ? String(result.outcome) : 'done';
}

function wrap(ctx: WorkerContext, queue: QueueName, jobTimeoutMs: number) {
  const run = processors[queue];
  return async (job: Job, token?: string, signal?: AbortSignal) => {
    const started = performance.now();
    const deadline = AbortSignal.timeout(jobTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      const result = await run(ctx, job, combined);
      const outcome = outcomeOf(result);
      const seconds = (performance.now() - started) / 1000;
      metrics.jobsCompleted.inc({ queue, outcome });
      metrics.jobSeconds.observe({ queue }, seconds);
      ctx.log.info({ queue, url: job.data.url, source: job.data.source, status: outcome, ms: Math.round(seconds * 1000) }, 'job done');
      return result;
    } catch (err) {
      if (err instanceof HostBusyError) {
        // Politeness: park the job until the host has a free slot instead of spinning on it.
        metrics.rateLimitWaits.inc({ host: err.host });
        await job.moveToDelayed(Date.now() + err.waitMs, token);
        throw new DelayedError();
      }
      const jobError = toJobError(err);
      const reason = failureReason(err);
      const final = isFinalAttempt(jobError, job.attemptsMade, job.opts.attempts);
      ctx.log[final ? 'warn' : 'info']({ queue, url: job.data.url, source: job.data.source, status: final ? 'failed' : 'retry', reason, ms: Math.round(performance.now() - started), attempt: job.attemptsMade + 1 }, jobError.message);
      if (final) {
        metrics.jobsFailed.inc({ queue, reason });
        ctx.stats.fail(reason);
        if (queue !== QUEUE_NAMES.sources && job.data.url) {
          await ctx.sink
            .writeFailure({ url: job.data.url, source: job.data.source, reason, message: jobError.message, at: new Date().toISOString(), attempts: job.attemptsMade + 1 })
            .catch((e: Error) => ctx.log.error({ err: e.message }, 'could not record failure in sink'));
        }
      } else if (err && typeof err === 'object' && 'host' in err) {
        metrics.fetchRetries.inc({ host: String(err.host) });
      }
      throw jobError;
    }
  };
}

export function startWorkers(ctx: WorkerContext, opts: WorkerPoolOptions = {}): WorkerPool {
  const concurrency = opts.concurrency ?? 8;
  const jobTimeoutMs = opts.jobTimeoutMs ?? 120_000;
  const settings = {
    backoffStrategy: (attemptsMade: number, _type?: string, err?: Error) =>
      backoffDelay(attemptsMade, 1000, (err as { retryAfterMs?: number } | undefined)?.retryAfterMs),
  };
  const make = (queue: QueueName, n: number) =>
    new Worker(queue, wrap(ctx, queue, jobTimeoutMs), {
      connection: ctx.redis,
      prefix: ctx.prefix,
      concurrency: n,
      settings,
      // A killed worker's jobs come back after the lock expires (stalled-job recovery).
      lockDuration: 60_000,
      stalledInterval: 30_000,
      maxStalledCount: 2,
    });
  const workers = [make(QUEUE_NAMES.sources, 1), make(QUEUE_NAMES.discover, Math.max(2, Math.ceil(concurrency / 4))), make(QUEUE_NAMES.articles, concurrency)];
  for (const w of workers) w.on('error', (err) => ctx.log.error({ queue: w.name, err: err.message }, 'worker error'));
  return {
    workers,
    async close(graceMs = 20_000) {
      const closing = Promise.all(workers.map((w) => w.close()));
      const timer = setTimeout(() => workers.forEach((w) => w.cancelAllJobs('shutdown')), graceMs);
      try {
        await closing;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
