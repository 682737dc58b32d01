import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import { registry } from './metrics.ts';

export type MetricsSnapshot = MetricObjectWithValues<MetricValue<string>>[];

/** What one worker process leaves in Redis: its whole registry and when it wrote it. */
interface PushedEntry {
  at: number;
  metrics: MetricsSnapshot;
}

export interface MetricsPusher {
  /** Stops the timer and writes one last snapshot, so the final counts of a stopping worker are not lost. */
  stop(): Promise<void>;
}

const startedAt = Date.now();

/** Names this process in the workers hash: hostname:pid:start (a restarted pid gets a new field). */
export function processId(): string {
  return `${hostname()}:${process.pid}:${startedAt}`;
}

export function workerMetricsKey(prefix: string): string {
  return `${prefix}:metrics:workers`;
}

/** Bounds a Redis call: the shared connection retries forever while Redis is down. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const HASH_TTL_SECONDS = 24 * 3600;

export async function pushMetricsOnce(redis: Redis, prefix: string, id = processId()): Promise<void> {
  const entry: PushedEntry = { at: Date.now(), metrics: await registry.getMetricsAsJSON() };
  const key = workerMetricsKey(prefix);
  // The TTL only reaps the hash of a prefix nobody uses any more; serve drops stale fields itself.
  await redis.multi().hset(key, id, JSON.stringify(entry)).expire(key, HASH_TTL_SECONDS).exec();
}

/**
 * Each worker process calls this once at startup: every intervalMs its registry
 * (registry.getMetricsAsJSON()) is written to `${prefix}:metrics:workers`, and
 * `tinflow serve` sums the fresh entries with AggregatorRegistry.aggregate.
 */
export function startMetricsPusher(
  redis: Redis,
  prefix: string,
  opts: { intervalMs?: number; timeoutMs?: number; onError?: (err: Error) => void } = {},
): MetricsPusher {
  const intervalMs = opts.intervalMs ?? 5000;
  const timeoutMs = opts.timeoutMs ?? 3000;
  const id = processId();
  let inFlight: Promise<void> | null = null;

  const push = () => {
    // While Redis is slow or down, skip ticks instead of queueing snapshots behind each other.
    if (inFlight) return inFlight;
    inFlight = withTimeout(pushMetricsOnce(redis, prefix, id), timeoutMs, 'metrics push')
      .catch((err: Error) => opts.onError?.(err))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const timer = setInterval(push, intervalMs);
  timer.unref();
  void push();

  return {
    async stop() {
      clearInterval(timer);
      if (inFlight) await inFlight;
      await push();
    },
  };
}

/** The snapshots of every worker that pushed within staleMs; older fields are removed. */
export async function readWorkerMetrics(redis: Redis, prefix: string, opts: { staleMs?: number; exclude?: string; now?: number } = {}): Promise<Map<string, MetricsSnapshot>> {
  const staleMs = opts.staleMs ?? 60_000;
  const now = opts.now ?? Date.now();
  const key = workerMetricsKey(prefix);
  const all = await redis.hgetall(key);
  const fresh = new Map<string, MetricsSnapshot>();
  const stale: string[] = [];
  for (const [id, raw] of Object.entries(all)) {
    let entry: PushedEntry;
    try {
      entry = JSON.parse(raw) as PushedEntry;
    } catch {
      stale.push(id);
      continue;
    }
    if (typeof entry.at !== 'number' || !Array.isArray(entry.metrics) || now - entry.at > staleMs) stale.push(id);
    else if (id !== opts.exclude) fresh.set(id, entry.metrics);
  }
  if (stale.length) await redis.hdel(key, ...stale);
  return fresh;
}
