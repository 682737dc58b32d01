import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGeneratedSite, generatedSource, type GeneratedSite } from '../../bench/site.ts';
import { dropPrefix, tempDir, uniquePrefix } from '../helpers/env.ts';
import { articleCounts, enqueueArticles, openTestQueues, PgSchema, spawnWorker, stopWorker, waitFor, writeConfig, type WorkerProcess } from './harness.ts';

const GRACE_MS = 2_000;
const prefix = uniquePrefix('rel-term');
const schema = new PgSchema('term');
let site: GeneratedSite;
let worker: WorkerProcess | undefined;
let requests = 0;
let abortedByClient = 0;
const SLOW = ['/cham-1.html', '/cham-2.html'];
const HANGING = Array.from({ length: 10 }, (_, i) => `/treo-${i}.html`);

beforeAll(async () => {
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {};
  // Answer after 1 s with a real article: finishes inside the grace period.
  for (const p of SLOW) {
    routes[p] = (_req, res) => {
      requests++;
      setTimeout(async () => {
        const html = await (await fetch(`${site.baseUrl}${new URL(site.articleUrls()[SLOW.indexOf(p)]).pathname}`)).text();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      }, 1_000);
    };
  }
  // Never answer: only the worker's abort ends these.
  for (const p of HANGING) {
    routes[p] = (req) => {
      requests++;
      req.socket.on('close', () => abortedByClient++);
    };
  }
  site = await startGeneratedSite({ pages: 10, routes });
});
afterAll(async () => {
  await stopWorker(worker);
  await site?.close();
  await schema.drop();
  await dropPrefix(prefix);
});

it('SIGTERM: the worker takes no new job, finishes or returns in-flight jobs within the grace period, exits 0', { timeout: 90_000 }, async () => {
  const config = writeConfig(tempDir('rel-term'), [generatedSource(site.baseUrl)]);
  const { queues, close } = openTestQueues(prefix);
  try {
    await enqueueArticles(queues, [...SLOW, ...HANGING].map((p) => site.baseUrl + p), 'gen');
    worker = spawnWorker({ config, sink: schema.sinkUrl(), prefix, concurrency: 4, env: { TINFLOW_GRACE_MS: String(GRACE_MS) } });
    await waitFor('four jobs in flight', async () => requests >= 4, 60_000, 50);
    const sent = Date.now();
    worker.child.kill('SIGTERM');
    const code = await worker.exited;
    const tookMs = Date.now() - sent;

    expect(code).toBe(0);
    // Grace period, a few seconds for aborted jobs to settle, and closing the connections.
    expect(tookMs).toBeLessThan(GRACE_MS + 8_000);
    // The two slow jobs finished during the grace period...
    expect(await schema.counts()).toEqual({ rows: 2, ids: 2, urls: 2 });
    // ...the two hanging ones were aborted (their sockets closed) and went back to the queue.
    expect(abortedByClient).toBe(2);
    expect(requests).toBe(4);
    const counts = await articleCounts(queues);
    expect(counts).toMatchObject({ active: 0, failed: 0, completed: 2 });
    expect(counts.waiting + counts.delayed + counts.prioritized).toBe(HANGING.length);
  } finally {
    await close();
  }
});
