import type { Queue } from 'bullmq';

export interface Throughput {
  queue: string;
  minutes: number;
  completed: number;
  failed: number;
  /** False when the workers run without `metrics: { maxDataPoints }`: BullMQ then records nothing. */
  recorded: boolean;
}

const MINUTE = 60_000;

/**
 * Jobs finished in the last `minutes` minutes (the current, partial minute included),
 * from BullMQ's per-minute metrics. BullMQ only updates them when a job finishes, so
 * the minutes since the last update are counted as zero.
 */
export async function countInWindow(queue: Queue, type: 'completed' | 'failed', minutes: number, now = Date.now()): Promise<{ count: number; recorded: boolean }> {
  const m = await queue.getMetrics(type, 0, minutes);
  const prevTS = Number(m.meta.prevTS);
  if (!prevTS) return { count: 0, recorded: Boolean(m.meta.count) };
  const current = Math.floor(now / MINUTE);
  const last = Math.floor(prevTS / MINUTE);
  // Minute `last` so far: what was counted since the last data point was written.
  const minuteOfLast = Number(m.meta.count) - Number(m.meta.prevCount);
  // data[0] is minute last-1, data[1] last-2, ...
  let count = current - last < minutes ? minuteOfLast : 0;
  m.data.forEach((n, i) => {
    if (current - (last - 1 - i) < minutes) count += Number(n);
  });
  return { count, recorded: true };
}

export async function queueThroughput(queues: Queue[], minutes = 5, now = Date.now()): Promise<Throughput[]> {
  return Promise.all(
    queues.map(async (q) => {
      const [completed, failed] = await Promise.all([countInWindow(q, 'completed', minutes, now), countInWindow(q, 'failed', minutes, now)]);
      return { queue: q.name, minutes, completed: completed.count, failed: failed.count, recorded: completed.recorded || failed.recorded };
    }),
  );
}

/** "last 5 min: articles 120 done (24.0/min), 3 failed; ..." or null when BullMQ metrics are off. */
export function formatThroughput(rows: Throughput[]): string | null {
  const recorded = rows.filter((r) => r.recorded);
  if (!recorded.length) return null;
  const minutes = recorded[0].minutes;
  const parts = recorded.map((r) => `${r.queue} ${r.completed} done (${(r.completed / minutes).toFixed(1)}/min), ${r.failed} failed`);
  return `last ${minutes} min: ${parts.join('; ')}`;
}
