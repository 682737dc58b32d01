import type { Queue } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import { ConfigError } from '../config/load.ts';
import type { ResolvedSource } from '../schemas/config.ts';
import type { SourceJob } from '../schemas/job.ts';

/** Scheduler ids on the 'sources' queue are "source-<id>" (BullMQ job ids must not hold more ":"); others are left alone. */
export const SCHEDULER_PREFIX = 'source-';

export function schedulerId(sourceId: string): string {
  return SCHEDULER_PREFIX + sourceId;
}

/** Throws ConfigError naming the source when its schedule is not a valid cron pattern. */
export function validateSchedule(source: Pick<ResolvedSource, 'id' | 'schedule' | 'timezone'>): void {
  if (source.schedule === undefined) return;
  try {
    CronExpressionParser.parse(source.schedule, { tz: source.timezone, strict: false }).next();
  } catch (err) {
    throw new ConfigError(`source "${source.id}": invalid schedule "${source.schedule}": ${(err as Error).message}`);
  }
}

/**
 * Make the queue's job schedulers match the config: one scheduler per source with a
 * `schedule` (cron in the source's time zone) adding { name: 'source', data: { source: id } },
 * and none for sources that are gone or lost their schedule. Upserts are keyed by source id, so
 * running it again, or in two processes at once, still leaves one scheduler per source.
 * Every pattern is validated before Redis is touched.
 */
export async function syncSchedulers(queue: Queue, sources: ResolvedSource[]): Promise<{ upserted: string[]; removed: string[] }> {
  const scheduled = sources.filter((s) => s.schedule !== undefined);
  scheduled.forEach(validateSchedule);

  const upserted: string[] = [];
  for (const s of scheduled) {
    const data: SourceJob = { source: s.id };
    await queue.upsertJobScheduler(schedulerId(s.id), { pattern: s.schedule!, tz: s.timezone }, { name: 'source', data });
    upserted.push(s.id);
  }

  const wanted = new Set(scheduled.map((s) => schedulerId(s.id)));
  const removed: string[] = [];
  for (const id of await listSchedulerIds(queue)) {
    if (!id.startsWith(SCHEDULER_PREFIX) || wanted.has(id)) continue;
    if (await queue.removeJobScheduler(id)) removed.push(id.slice(SCHEDULER_PREFIX.length));
  }
  return { upserted, removed };
}

async function listSchedulerIds(queue: Queue): Promise<string[]> {
  const ids: string[] = [];
  const page = 500;
  for (let start = 0; ; start += page) {
    const batch = await queue.getJobSchedulers(start, start + page - 1, true);
    for (const s of batch) ids.push(s.id ?? s.key);
    if (batch.length < page) return ids;
  }
}
