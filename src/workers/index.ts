import { DelayedError, MetricsTime, UnrecoverableError, Worker, type Job } from 'bullmq';
import { HostBusyError, backoffDelay } from '../fetch/index.ts';
import { startDeadline } from '../fetch/deadline.ts';
import { SinkUnavailableError } from '../sinks/index.ts';
import { QUEUE_NAMES, type QueueName } from '../queues/index.ts';
import { metrics } from '../ops/metrics.ts';
import { processArticle } from './article.ts';
import { processDiscover, processSource } from './discover.ts';
import { failureReason, isFinalAttempt, toJobError } from './errors.ts';
import type { WorkerContext } from './context.ts';

export interface WorkerPool {
  workers: Worker[];
  /**
   * Stop taking jobs; wait up to graceMs for in-flight jobs, then abort them (their processors
   * see the signal and the jobs return to the queue as retries). Resolves within graceMs + a
   * few seconds even if a processor ignores its signal: once the process exits, stalled-job
   * recovery hands that job to another worker.
   */
  close(graceMs?: number): Promise<void>;
}

export interface WorkerPoolOptions {
  concurrency?: number;
  /** Upper bound for one job; the processor's AbortSignal fires after it and the job fails as `job-timeout` (retried). Env TINFLOW_JOB_TIMEOUT_MS. */
  jobTimeoutMs?: number;
  /** How long a job lock lives without renewal; a killed worker's jobs come back after it. Env TINFLOW_LOCK_DURATION_MS. */
  lockDurationMs?: number;
  /** How often each worker looks for stalled jobs. Env TINFLOW_STALLED_INTERVAL_MS. */
  stalledIntervalMs?: number;
}
// close(graceMs) defaults to env TINFLOW_GRACE_MS, else WORKER_DEFAULTS.graceMs.

/** Defaults; the env variables let tests and operators shorten them without a config change. */
export const WORKER_DEFAULTS = { jobTimeoutMs: 120_000, lockDurationMs: 60_000, stalledIntervalMs: 30_000, graceMs: 20_000 } as const;

/** After the grace period, processors get this long to notice their aborted signal before a forced close. */
const ABORT_SETTLE_MS = 3_000;
/** Cap on the wait between retries of a job whose sink is down. */
const SINK_RETRY_MAX_MS = 15_000;

function envMs(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export class JobTimeoutError extends Error {
  readonly reason = 'job-timeout';
  constructor(ms: number) {
    super(`job-timeout: job took longer than ${ms} ms and was aborted`);
    this.name = 'JobTimeoutError';
  }
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

/**
 * Runs the processor under a deadline. The signal reaches fetch; the race makes sure a
 * processor stuck somewhere that ignores the signal still releases its job slot.
 */
async function runWithDeadline<T>(run: (signal: AbortSignal) => Promise<T>, jobTimeoutMs: number, outer?: AbortSignal): Promise<T> {
  const limit = startDeadline(jobTimeoutMs, outer, () => new JobTimeoutError(jobTimeoutMs));
  const expired = new Promise<never>((_, reject) => {
    limit.deadline.addEventListener('abort', () => reject(limit.deadline.reason), { once: true });
  });
  try {
    return await Promise.race([run(limit.signal), expired]);
  } catch (err) {
    // A fetch aborted by the deadline reports 'aborted'; the job's failure is the timeout.
    if (limit.deadline.aborted) throw limit.deadline.reason;
    throw err;
  } finally {
    limit.dispose();
  }
}

/**
 * Wait before a job whose sink was down tries again: about half the outage so far (so jobs
 * come back soon after a short blip and do not hammer a long outage), jittered, capped.
 */
export function sinkRetryDelay(outageMs: number, random: () => number = Math.random): number {
  const base = Math.min(SINK_RETRY_MAX_MS, Math.max(1_000, outageMs / 2));
  return Math.round(base * (0.5 + random() / 2));
}

function wrap(ctx: WorkerContext, queue: QueueName, jobTimeoutMs: number) {
  const run = processors[queue];
  // When this process first saw the sink down (0: it is up); the wait grows with the outage.
  let sinkDownSince = 0;
  return async (job: Job, token?: string, signal?: AbortSignal) => {
    const started = performance.now();
    try {
      const result = await runWithDeadline((s) => run(ctx, job, s), jobTimeoutMs, signal);
      sinkDownSince = 0;
      const outcome = outcomeOf(result);
      const seconds = (performance.now() - started) / 1000;
      metrics.jobsCompleted.inc({ queue, outcome });
      metrics.jobSeconds.observe({ queue }, seconds);
      ctx.log.info({ queue, url: job.data.url, source: job.data.source, status: outcome, ms: Math.round(seconds * 1000) }, 'job done');
      return result;
    } catch (err) {
      if (err instanceof HostBusyError) {
        // Politeness: park the job until the host has a free slot instead of spinning on it.
        // (The fetcher counts the wait in tinflow_rate_limit_waits_total.)
        await job.moveToDelayed(Date.now() + err.waitMs, token);
        throw new DelayedError();
      }
      if (err instanceof SinkUnavailableError && !signal?.aborted) {
        // The store is down, not the page: wait for it without spending the job's attempts,
        // so an outage of any length loses nothing.
        sinkDownSince ||= Date.now();
        const waitMs = sinkRetryDelay(Date.now() - sinkDownSince);
        ctx.log.warn({ queue, url: job.data.url, reason: 'sink-unavailable', waitMs }, err.message);
        await job.moveToDelayed(Date.now() + waitMs, token);
        throw new DelayedError();
      }
      // A stack overflow or an impossible string/array size comes from the page itself (100k
      // nested tags...): the same page fails the same way every time, so do not retry it.
      const cause = err instanceof RangeError ? new UnrecoverableError(`page-too-complex: ${err.message}`) : err;
      const jobError = toJobError(cause);
      const reason = failureReason(cause);
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
  const jobTimeoutMs = opts.jobTimeoutMs ?? envMs('TINFLOW_JOB_TIMEOUT_MS') ?? WORKER_DEFAULTS.jobTimeoutMs;
  const lockDuration = opts.lockDurationMs ?? envMs('TINFLOW_LOCK_DURATION_MS') ?? WORKER_DEFAULTS.lockDurationMs;
  const stalledInterval = opts.stalledIntervalMs ?? envMs('TINFLOW_STALLED_INTERVAL_MS') ?? WORKER_DEFAULTS.stalledIntervalMs;
  const settings = {
    // Base delay from the job's source (fetch.backoffMs); Retry-After, when the server sent one, wins.
    backoffStrategy: (attemptsMade: number, _type?: string, err?: Error, job?: { data?: { source?: string } }) =>
      backoffDelay(attemptsMade, ctx.sources.get(job?.data?.source ?? '')?.fetch.backoffMs ?? 2000, (err as { retryAfterMs?: number } | undefined)?.retryAfterMs),
  };
  const make = (queue: QueueName, n: number) =>
    new Worker(queue, wrap(ctx, queue, jobTimeoutMs), {
      connection: ctx.redis,
      prefix: ctx.prefix,
      concurrency: n,
      settings,
      // Per-minute completed/failed counts kept in Redis: `tinflow status` shows recent rates from them.
      metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
      // A killed worker's jobs come back after the lock expires (stalled-job recovery).
      lockDuration,
      stalledInterval,
      maxStalledCount: 2,
    });
  const workers = [make(QUEUE_NAMES.sources, 1), make(QUEUE_NAMES.discover, Math.max(2, Math.ceil(concurrency / 4))), make(QUEUE_NAMES.articles, concurrency)];
  for (const w of workers) w.on('error', (err) => ctx.log.error({ queue: w.name, err: err.message }, 'worker error'));
  let closing: Promise<void> | null = null;
  return {
    workers,
    close(graceMs = envMs('TINFLOW_GRACE_MS') ?? WORKER_DEFAULTS.graceMs) {
      closing ??= closeBounded(workers, graceMs, ctx);
      return closing;
    },
  };
}

/** BullMQ's close() waits for running jobs forever; this one has a deadline. */
async function closeBounded(workers: Worker[], graceMs: number, ctx: WorkerContext): Promise<void> {
  const gentle = Promise.all(workers.map((w) => w.close())).then(() => true);
  const timers: NodeJS.Timeout[] = [];
  const after = (ms: number) => new Promise<false>((r) => timers.push(setTimeout(() => r(false), ms)));
  try {
    if (await Promise.race([gentle, after(graceMs)])) return;
    ctx.log.warn({ graceMs }, 'grace period over: aborting in-flight jobs');
    for (const w of workers) w.cancelAllJobs('shutdown');
    if (await Promise.race([gentle, after(ABORT_SETTLE_MS)])) return;
    // A processor that ignores its signal keeps its job locked; once this process exits the lock
    // expires and stalled-job recovery gives the job to another worker.
    ctx.log.warn('jobs ignored their abort signal: giving up waiting for them');
  } finally {
    for (const t of timers) clearTimeout(t);
  }
}
