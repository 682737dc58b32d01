import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGeneratedSite, generatedSource, type GeneratedSite } from '../../bench/site.ts';
import { dropPrefix, tempDir, uniquePrefix } from '../helpers/env.ts';
import { articleCounts, enqueueArticles, openTestQueues, PgSchema, spawnWorker, stopWorker, waitFor, writeConfig, type WorkerProcess } from './harness.ts';

const PAGES = 500;
const prefix = uniquePrefix('rel-kill');
const schema = new PgSchema('kill');
const fastRecovery = { TINFLOW_LOCK_DURATION_MS: '4000', TINFLOW_STALLED_INTERVAL_MS: '1000' };
let site: GeneratedSite;
let first: WorkerProcess | undefined;
let second: WorkerProcess | undefined;

beforeAll(async () => {
  site = await startGeneratedSite({ pages: PAGES });
});
afterAll(async () => {
  await stopWorker(first);
  await stopWorker(second);
  await site?.close();
  await schema.drop();
  await dropPrefix(prefix);
});

it('kill -9 of a worker mid-crawl: a new worker finishes, every article is in the sink exactly once', { timeout: 150_000 }, async () => {
  const config = writeConfig(tempDir('rel-kill'), [generatedSource(site.baseUrl)]);
  const { queues, close } = openTestQueues(prefix);
  try {
    await enqueueArticles(queues, site.articleUrls(), 'gen');
    first = spawnWorker({ config, sink: schema.sinkUrl(), prefix, concurrency: 8, env: fastRecovery });
    await waitFor('a third of the records', async () => (await schema.counts()).rows >= PAGES / 3, 60_000);
    const active = (await articleCounts(queues)).active;
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const atKill = (await schema.counts()).rows;
    expect(atKill).toBeLessThan(PAGES);

    second = spawnWorker({ config, sink: schema.sinkUrl(), prefix, concurrency: 8, env: fastRecovery });
    await waitFor('every job completed', async () => (await articleCounts(queues)).completed === PAGES, 90_000, 500).catch(async (err) => {
      throw new Error(`${err.message}: ${JSON.stringify(await articleCounts(queues))}\n${second!.output()}`);
    });
    const counts = await schema.counts();
    expect(counts).toEqual({ rows: PAGES, ids: PAGES, urls: PAGES });
    expect([...(await schema.urls())].sort()).toEqual(site.articleUrls().sort());
    expect(await schema.failures()).toBe(0);
    const final = await articleCounts(queues);
    expect(final.failed).toBe(0);
    // The killed worker really had jobs in flight, which stalled-job recovery handed back.
    expect(active).toBeGreaterThan(0);
  } finally {
    await close();
  }
});
