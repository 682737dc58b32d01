import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from 'prom-client';
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

export function metricsKeys(prefix: string) {
  return {
    /** hash: pusher id -> PushedEntry JSON */
    workers: `${prefix}:metrics:workers`,
    /** string: the summed counters and histograms of every pusher that went quiet */
    retired: `${prefix}:metrics:retired`,
    /** set: ids folded into `retired`; they may not push again under that id */
    retiredIds: `${prefix}:metrics:retired-ids`,
  };
}

export function workerMetricsKey(prefix: string): string {
  return metricsKeys(prefix).workers;
}

/** Bounds a Redis call: the shared connection retries forever while Redis is down. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The keys only outlive a prefix nobody uses any more by this long. */
const KEY_TTL_SECONDS = 30 * 24 * 3600;

// Every push also extends the retired total and its ids: they expire only once nobody pushes any more.
const PUSH_SCRIPT = `
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
return 1`;

/** Writes this process's registry under `id`; false when that id was retired (its counts are already in the retired sum). */
export async function pushMetricsOnce(redis: Redis, prefix: string, id = processId()): Promise<boolean> {
  const entry: PushedEntry = { at: Date.now(), metrics: await registry.getMetricsAsJSON() };
  const keys = metricsKeys(prefix);
  const written = await redis.eval(PUSH_SCRIPT, 3, keys.workers, keys.retiredIds, keys.retired, id, JSON.stringify(entry), KEY_TTL_SECONDS);
  return written === 1;
}

/**
 * Each worker process calls this once at startup: every intervalMs its registry
 * (registry.getMetricsAsJSON()) is written to `${prefix}:metrics:workers`, and
 * `tinflow serve` sums the entries with AggregatorRegistry.aggregate.
 */
export function startMetricsPusher(
  redis: Redis,
  prefix: string,
  opts: { intervalMs?: number; timeoutMs?: number; onError?: (err: Error) => void } = {},
): MetricsPusher {
  const intervalMs = opts.intervalMs ?? 5000;
  const timeoutMs = opts.timeoutMs ?? 3000;
  const base = processId();
  let generation = 0;
  let id = base;
  let inFlight: Promise<void> | null = null;

  const pushOrRestart = async () => {
    if (await pushMetricsOnce(redis, prefix, id)) return;
    // serve retired us while we were silent (a long pause, Redis unreachable): what we had
    // counted is in the retired sum, so start from zero under a new id rather than count it twice.
    registry.resetMetrics();
    id = `${base}:${++generation}`;
    await pushMetricsOnce(redis, prefix, id);
  };

  const push = () => {
    // While Redis is slow or down, skip ticks instead of queueing snapshots behind each other.
    if (inFlight) return inFlight;
    inFlight = withTimeout(pushOrRestart(), timeoutMs, 'metrics push')
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

/** Counters and histograms only grow; a gauge of a process that is gone means nothing, so it is not kept. */
const cumulative = (snapshot: MetricsSnapshot) => snapshot.filter((m) => ['counter', 'histogram'].includes(String(m.type)));

const RETIRE_SCRIPT = `
local current = redis.call('GET', KEYS[2]) or ''
if current ~= ARGV[1] then return 0 end
for i = 4, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) ~= ARGV[i + 1] then return 0 end
end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
for i = 4, #ARGV, 2 do
  redis.call('HDEL', KEYS[1], ARGV[i])
  redis.call('SADD', KEYS[3], ARGV[i])
end
redis.call('EXPIRE', KEYS[3], ARGV[3])
return 1`;

export interface WorkerMetrics {
  /** Snapshots of the processes that pushed within staleMs. */
  live: Map<string, MetricsSnapshot>;
  /** The sum of every process that stopped pushing, so totals never go down when a worker exits. */
  retired: MetricsSnapshot | null;
}

/**
 * Reads what workers pushed. Entries older than staleMs are folded into the retired
 * sum (compare-and-set in one Lua call, so two serve processes cannot fold one twice).
 * `exclude` (this process's id) is left alone: the caller reads its own registry live.
 */
export async function readWorkerMetrics(redis: Redis, prefix: string, opts: { staleMs?: number; exclude?: string; now?: number } = {}): Promise<WorkerMetrics> {
  const staleMs = opts.staleMs ?? 60_000;
  const now = opts.now ?? Date.now();
  const keys = metricsKeys(prefix);
  const [all, retiredRaw] = await Promise.all([redis.hgetall(keys.workers), redis.get(keys.retired)]);
  const live = new Map<string, MetricsSnapshot>();
  const stale: { id: string; raw: string; metrics: MetricsSnapshot }[] = [];
  for (const [id, raw] of Object.entries(all)) {
    if (opts.exclude && (id === opts.exclude || id.startsWith(`${opts.exclude}:`))) continue;
    let entry: PushedEntry | null = null;
    try {
      entry = JSON.parse(raw) as PushedEntry;
    } catch {
      // unreadable: retired with nothing to add
    }
    const valid = entry && typeof entry.at === 'number' && Array.isArray(entry.metrics);
    if (valid && now - entry!.at <= staleMs) live.set(id, entry!.metrics);
    else stale.push({ id, raw, metrics: valid ? cumulative(entry!.metrics) : [] });
  }
  let retired = retiredRaw ? (JSON.parse(retiredRaw) as MetricsSnapshot) : null;
  if (stale.length) {
    const folded = await AggregatorRegistry.aggregate([retired ?? [], ...stale.map((s) => s.metrics)]).getMetricsAsJSON();
    const foldedRaw = JSON.stringify(folded);
    const args = stale.flatMap((s) => [s.id, s.raw]);
    const done = await redis.eval(RETIRE_SCRIPT, 3, keys.workers, keys.retired, keys.retiredIds, retiredRaw ?? '', foldedRaw, KEY_TTL_SECONDS, ...args);
    // Lost the race to another serve: the stale entries are in its sum, reread next scrape.
    retired = done === 1 ? folded : retired;
  }
  return { live, retired };
}
