import { pendingCount } from '../queues/index.ts';
import { startWorkers } from '../workers/index.ts';
import type { Runtime } from './runtime.ts';

export interface CrawlSummary {
  pagesFetched: number;
  notModified: number;
  discoverPages: number;
  recordsWritten: number;
  recordsUpdated: number;
  duplicatesDropped: number;
  failures: Record<string, number>;
  sink: string;
  seconds: number;
}

/** Run every configured source once, process until every queue is drained, and summarize. */
export async function crawlOnce(rt: Runtime, opts: { concurrency?: number; progress?: (line: string) => void } = {}): Promise<CrawlSummary> {
  const started = Date.now();
  const pool = startWorkers(rt, { concurrency: opts.concurrency });
  try {
    await rt.queues.sources.addBulk([...rt.sources.keys()].map((source) => ({ name: 'source', data: { source } })));
    let lastLine = 0;
    // Two consecutive empty polls: a job that just finished has already queued its children.
    let emptyPolls = 0;
    while (emptyPolls < 2) {
      await new Promise((r) => setTimeout(r, 200));
      const pending = await pendingCount(rt.queues);
      emptyPolls = pending === 0 ? emptyPolls + 1 : 0;
      if (opts.progress && Date.now() - lastLine >= 1000) {
        lastLine = Date.now();
        opts.progress(rt.stats.progressLine(pending));
      }
    }
  } finally {
    await pool.close();
  }
  const s = rt.stats;
  return {
    pagesFetched: s.pagesFetched,
    notModified: s.notModified,
    discoverPages: s.discoverPages,
    recordsWritten: s.recordsWritten,
    recordsUpdated: s.recordsUpdated,
    duplicatesDropped: s.duplicatesExact + s.duplicatesNear,
    failures: Object.fromEntries([...s.failures.entries()].sort()),
    sink: rt.sink.location,
    seconds: (Date.now() - started) / 1000,
  };
}

export function formatSummary(s: CrawlSummary): string {
  const failures = Object.entries(s.failures);
  const failed = failures.reduce((n, [, v]) => n + v, 0);
  const lines = [
    'tinflow crawl summary',
    `  pages fetched       ${s.pagesFetched}${s.notModified ? ` (+${s.notModified} not modified)` : ''}`,
    `  listing/feed pages  ${s.discoverPages}`,
    `  records written     ${s.recordsWritten}${s.recordsUpdated ? ` (+${s.recordsUpdated} updated)` : ''}`,
    `  duplicates dropped  ${s.duplicatesDropped}`,
    `  failures            ${failed}${failures.length ? ' — ' + failures.map(([r, n]) => `${r}: ${n}`).join(', ') : ''}`,
    `  records are in      ${s.sink}`,
    `  took                ${s.seconds.toFixed(1)} s`,
  ];
  return lines.join('\n');
}
