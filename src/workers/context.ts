import type { Redis } from 'ioredis';
import type { ResolvedSource } from '../schemas/config.ts';
import type { Queues } from '../queues/index.ts';
import type { Fetcher } from '../fetch/index.ts';
import type { Sink } from '../sinks/index.ts';
import type { DedupeIndex } from '../dedupe/index.ts';
import type { SeenSet } from '../producers/seen-set.ts';
import type { Logger } from '../log.ts';
import type { RunStats } from './run-stats.ts';

/** Everything a processor needs, built once per process (see workers/index.ts). */
export interface WorkerContext {
  redis: Redis;
  prefix: string;
  sources: Map<string, ResolvedSource>;
  queues: Queues;
  fetcher: Fetcher;
  sink: Sink;
  dedupe: DedupeIndex;
  seen: SeenSet;
  log: Logger;
  stats: RunStats;
}

export class UnknownSourceError extends Error {
  readonly reason = 'unknown-source';
}

export function sourceOf(ctx: WorkerContext, id: string): ResolvedSource {
  const s = ctx.sources.get(id);
  if (!s) throw new UnknownSourceError(`unknown-source: "${id}" is not in the loaded config`);
  return s;
}
