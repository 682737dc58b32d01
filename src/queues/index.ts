import { Queue, type JobsOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { ArticleJob, DiscoverJob, SourceJob } from '../schemas/job.ts';

export const QUEUE_NAMES = { sources: 'sources', discover: 'discover', articles: 'articles' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
export const ALL_QUEUES: QueueName[] = [QUEUE_NAMES.sources, QUEUE_NAMES.discover, QUEUE_NAMES.articles];

export function redisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** Key prefix for every tinflow key (queues, seen-set, dedupe, politeness), so runs never collide. */
export function keyPrefix(): string {
  return process.env.TINFLOW_PREFIX ?? 'tinflow';
}

/** BullMQ workers need maxRetriesPerRequest null: a blocking connection must wait through Redis restarts. */
export function connectRedis(url = redisUrl(), extra: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...extra });
}

/** One clear line when Redis is down, with how to start it. */
export async function assertRedisReachable(url = redisUrl(), timeoutMs = 3000): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    throw new RedisUnavailableError(
      `Redis is not answering at ${url.replace(/\/\/[^@]*@/, '//***@')} (${(err as Error).message}): start it with \`redis-server --daemonize yes\` (install: \`apt-get install redis-server\`) or \`docker compose up -d redis\`, or set REDIS_URL.`,
    );
  } finally {
    probe.disconnect();
  }
}

/** Delete every key under a prefix (a demo run, a test, a bench): SCAN + UNLINK, never KEYS. */
export async function deleteKeysUnder(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}

export class RedisUnavailableError extends Error {
  readonly exitCode = 1;
}

const DAY = 24 * 3600;

/** Retries for transient failures use our backoff strategy (Retry-After aware); see workers/backoff.ts. */
export const articleJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'tinflow' },
  removeOnComplete: { age: DAY, count: 50_000 },
  // Failed jobs are the dead-letter store: `tinflow status` counts them, `tinflow replay` re-queues them.
  removeOnFail: { age: 14 * DAY },
};

export const discoverJobOptions: JobsOptions = { ...articleJobOptions, attempts: 4 };
export const sourceJobOptions: JobsOptions = { attempts: 1, removeOnComplete: { age: DAY, count: 1000 }, removeOnFail: { age: 14 * DAY } };

export interface Queues {
  sources: Queue<SourceJob>;
  discover: Queue<DiscoverJob>;
  articles: Queue<ArticleJob>;
  close(): Promise<void>;
}

export function openQueues(connection: Redis, prefix = keyPrefix()): Queues {
  const sources = new Queue<SourceJob>(QUEUE_NAMES.sources, { connection, prefix, defaultJobOptions: sourceJobOptions });
  const discover = new Queue<DiscoverJob>(QUEUE_NAMES.discover, { connection, prefix, defaultJobOptions: discoverJobOptions });
  const articles = new Queue<ArticleJob>(QUEUE_NAMES.articles, { connection, prefix, defaultJobOptions: articleJobOptions });
  return {
    sources,
    discover,
    articles,
    async close() {
      await Promise.all([sources.close(), discover.close(), articles.close()]);
    },
  };
}

/** States a job is in while there is still work to do. */
export const PENDING_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

/**
 * Jobs still to run. On the sources queue a delayed job is the scheduler's next
 * run, not pending work, so it is left out there.
 */
export async function pendingCount(queues: Queues): Promise<number> {
  const counts = await Promise.all([
    queues.sources.getJobCounts('waiting', 'active', 'prioritized'),
    queues.discover.getJobCounts(...PENDING_STATES),
    queues.articles.getJobCounts(...PENDING_STATES),
  ]);
  return counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
}
