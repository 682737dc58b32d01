import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGeneratedSite, generatedSource, type GeneratedSite } from '../../bench/site.ts';
import { dropPrefix, tempDir, uniquePrefix } from '../helpers/env.ts';
import { articleCounts, enqueueArticles, openTestQueues, PgSchema, spawnWorker, stopWorker, waitFor, writeConfig, type WorkerProcess } from './harness.ts';

const PAGES = 300;
const OUTAGE_MS = 20_000;
const prefix = uniquePrefix('rel-sink');
const schema = new PgSchema('sink');
let site: GeneratedSite;
let worker: WorkerProcess | undefined;

/** A TCP proxy to PostgreSQL that the test can take down: closed port, every open connection cut. */
class PgProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection({ host: '127.0.0.1', port: 5432 });
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((r) => server.listen(this.port, '127.0.0.1', r));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((r) => server.close(r));
  }
}
const proxy = new PgProxy();

beforeAll(async () => {
  site = await startGeneratedSite({ pages: PAGES });
  await proxy.up();
});
afterAll(async () => {
  await stopWorker(worker);
  await proxy.down();
  await site?.close();
  await schema.drop();
  await dropPrefix(prefix);
});

it('PostgreSQL unreachable for 20 s mid-crawl: jobs wait and retry, afterwards every record is there once', { timeout: 150_000 }, async () => {
  const config = writeConfig(tempDir('rel-sink'), [generatedSource(site.baseUrl)]);
  const { queues, close } = openTestQueues(prefix);
  try {
    await enqueueArticles(queues, site.articleUrls(), 'gen');
    worker = spawnWorker({ config, sink: schema.sinkUrl(`postgres://postgres@127.0.0.1:${proxy.port}/test`), prefix, concurrency: 8 });
    await waitFor('the first records', async () => (await schema.counts()).rows >= 30, 60_000);

    await proxy.down();
    // A COMMIT already sent when the connections were cut may still land: let it settle first.
    await new Promise((r) => setTimeout(r, 1000));
    const atOutage = (await schema.counts()).rows;
    await new Promise((r) => setTimeout(r, OUTAGE_MS - 1000));
    // Nothing was written while the sink was away, and no job gave up.
    expect((await schema.counts()).rows).toBe(atOutage);
    expect((await articleCounts(queues)).failed).toBe(0);
    expect(atOutage).toBeLessThan(PAGES);
    await proxy.up();

    await waitFor('every job completed', async () => (await articleCounts(queues)).completed === PAGES, 90_000, 500).catch(async (err) => {
      throw new Error(`${err.message}: ${JSON.stringify(await articleCounts(queues))}\n${worker!.output()}`);
    });
    expect(await schema.counts()).toEqual({ rows: PAGES, ids: PAGES, urls: PAGES });
    expect(await schema.failures()).toBe(0);
    expect((await articleCounts(queues)).failed).toBe(0);
    expect(worker.output()).toMatch(/sink-unavailable/);
  } finally {
    await close();
  }
});
