import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGeneratedSite, generatedSource, type GeneratedSite } from '../../bench/site.ts';
import { dropPrefix, tempDir, uniquePrefix } from '../helpers/env.ts';
import { articleCounts, enqueueArticles, openTestQueues, PgSchema, spawnWorker, stopWorker, waitFor, writeConfig, type WorkerProcess } from './harness.ts';

const JOB_TIMEOUT_MS = 1_500;
const LONG = 600_000;
const prefix = uniquePrefix('rel-timeout');
const schema = new PgSchema('timeout');
let site: GeneratedSite;
let worker: WorkerProcess | undefined;
const calls: { at: number; closedAt?: number }[] = [];

beforeAll(async () => {
  site = await startGeneratedSite({
    pages: 1,
    routes: {
      // The first request hangs forever; the retry gets the article.
      '/ket-post1.html': (req, res) => {
        const call: { at: number; closedAt?: number } = { at: Date.now() };
        calls.push(call);
        if (calls.length === 1) {
          req.socket.on('close', () => (call.closedAt = Date.now()));
          return;
        }
        fetch(site.articleUrls()[0])
          .then((r) => r.text())
          .then((html) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
      },
    },
  });
});
afterAll(async () => {
  await stopWorker(worker);
  await site?.close();
  await schema.drop();
  await dropPrefix(prefix);
});

it('a job stuck longer than the job timeout is aborted through fetch and retried', { timeout: 60_000 }, async () => {
  // Fetch limits far longer than the job timeout: only the job deadline can end the hang.
  const config = writeConfig(tempDir('rel-timeout'), [generatedSource(site.baseUrl)], {
    fetch: { connectTimeoutMs: LONG, headersTimeoutMs: LONG, bodyTimeoutMs: LONG, totalTimeoutMs: LONG },
  });
  const { queues, close } = openTestQueues(prefix);
  try {
    await enqueueArticles(queues, [`${site.baseUrl}/ket-post1.html`], 'gen');
    worker = spawnWorker({ config, sink: schema.sinkUrl(), prefix, concurrency: 1, env: { TINFLOW_JOB_TIMEOUT_MS: String(JOB_TIMEOUT_MS), TINFLOW_LOG_LEVEL: 'info' } });
    await waitFor('the job to complete', async () => (await articleCounts(queues)).completed === 1, 45_000).catch((err) => {
      throw new Error(`${err.message}\n${worker!.output()}`);
    });
    expect(calls).toHaveLength(2);
    // The hung request's socket was closed by the worker at the deadline, not left open.
    expect(calls[0].closedAt).toBeDefined();
    const heldMs = calls[0].closedAt! - calls[0].at;
    expect(heldMs).toBeGreaterThanOrEqual(JOB_TIMEOUT_MS - 100);
    expect(heldMs).toBeLessThan(JOB_TIMEOUT_MS + 3_000);
    const job = (await queues.articles.getJobs(['completed']))[0];
    // BullMQ counts both: the timed-out attempt and the one that completed.
    expect(job.attemptsMade).toBe(2);
    expect(job.failedReason).toMatch(/^job-timeout: /);
    expect(worker.output()).toMatch(/job-timeout/);
    expect(await schema.counts()).toEqual({ rows: 1, ids: 1, urls: 1 });
  } finally {
    await close();
  }
});
