import { loadConfig, resolveSources } from '../config/load.ts';
import type { Config, ResolvedSource } from '../schemas/config.ts';
import { assertRedisReachable, connectRedis, keyPrefix, openQueues, redisUrl, type Queues } from '../queues/index.ts';
import { Fetcher } from '../fetch/index.ts';
import { openSink, type Sink } from '../sinks/index.ts';
import { DedupeIndex } from '../dedupe/index.ts';
import { SeenSet } from '../producers/seen-set.ts';
import { createLogger } from '../log.ts';
import { RunStats } from '../workers/run-stats.ts';
import type { WorkerContext } from '../workers/context.ts';

export const DEFAULT_CONFIG = 'config/sources.yaml';
export const DEFAULT_SINK = 'sqlite:./data/tinflow.db';

export function sinkUrlFrom(flag?: string): string {
  return flag ?? process.env.TINFLOW_SINK ?? DEFAULT_SINK;
}

export interface Runtime extends WorkerContext {
  config: Config;
  close(): Promise<void>;
}

/** Connect everything a crawl needs, from a config file or an already parsed config. */
export async function openRuntime(opts: { config: string | Config; sink?: string; prefix?: string }): Promise<Runtime> {
  const config = typeof opts.config === 'string' ? loadConfig(opts.config) : opts.config;
  const sources: Map<string, ResolvedSource> = resolveSources(config);
  await assertRedisReachable();
  const prefix = opts.prefix ?? keyPrefix();
  const redis = connectRedis(redisUrl());
  const sink: Sink = await openSink(sinkUrlFrom(opts.sink));
  const queues: Queues = openQueues(redis, prefix);
  const fetcher = new Fetcher({ redis, prefix });
  return {
    config,
    redis,
    prefix,
    sources,
    queues,
    fetcher,
    sink,
    dedupe: new DedupeIndex(redis, prefix),
    seen: new SeenSet(redis, prefix),
    log: createLogger(),
    stats: new RunStats(),
    async close() {
      await queues.close();
      await fetcher.close?.();
      await sink.close();
      redis.disconnect();
    },
  };
}
