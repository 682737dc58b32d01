import type { Queue } from 'bullmq';
import { reasonOf } from '../../workers/errors.ts';
import type { Queues } from '../../queues/index.ts';
import { formatThroughput, queueThroughput, type Throughput } from '../../ops/rates.ts';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;

export interface QueueStatus {
  queue: string;
  counts: Record<string, number>;
  failedByReason: Record<string, number>;
  /** Jobs finished in the last 5 minutes; recorded only when workers run with `metrics: { maxDataPoints }`. */
  recent?: Throughput;
}

/** Failed jobs are the dead-letter store; their reasons are the slug each failure message starts with. */
async function failuresByReason(queue: Queue, limit = 5000): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const jobs = await queue.getFailed(0, limit - 1);
  for (const job of jobs) {
    if (!job) continue;
    const r = reasonOf(job.failedReason);
    out[r] = (out[r] ?? 0) + 1;
  }
  return out;
}

export async function queueStatus(queues: Queues): Promise<QueueStatus[]> {
  const list = [queues.sources, queues.discover, queues.articles] as Queue[];
  const recent = await queueThroughput(list, 5);
  return Promise.all(
    list.map(async (q, i) => ({
      queue: q.name,
      counts: await q.getJobCounts(...STATES),
      failedByReason: await failuresByReason(q),
      recent: recent[i],
    })),
  );
}

export function formatStatus(rows: QueueStatus[]): string {
  const header = ['queue', ...STATES];
  const table = [header, ...rows.map((r) => [r.queue, ...STATES.map((s) => String(r.counts[s] ?? 0))])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const lines = table.map((row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  const dead = rows.reduce((n, r) => n + (r.counts.failed ?? 0), 0);
  lines.push('', `dead-letter (failed after all attempts): ${dead}`);
  for (const r of rows) {
    const reasons = Object.entries(r.failedByReason).sort((a, b) => b[1] - a[1]);
    if (reasons.length) lines.push(`  ${r.queue}: ${reasons.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  const rates = formatThroughput(rows.flatMap((r) => (r.recent ? [r.recent] : [])));
  if (rates) lines.push('', rates);
  return lines.join('\n');
}

/** Re-queue dead-letter jobs, optionally only those that failed for one reason. */
export async function replayFailed(queues: Queues, reason?: string): Promise<number> {
  let n = 0;
  for (const q of [queues.discover, queues.articles] as Queue[]) {
    const jobs = await q.getFailed(0, -1);
    for (const job of jobs) {
      if (!job || (reason && reasonOf(job.failedReason) !== reason)) continue;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      n++;
    }
  }
  return n;
}
