import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGeneratedSite, generatedSource, type GeneratedSite } from '../../bench/site.ts';
import { dropPrefix, tempDir, uniquePrefix } from '../helpers/env.ts';
import { articleCounts, enqueueArticles, openTestQueues, PgSchema, spawnWorker, stopWorker, waitFor, writeConfig, type WorkerProcess } from './harness.ts';

const GOOD = 20;
const prefix = uniquePrefix('rel-bad');
const schema = new PgSchema('bad');
let site: GeneratedSite;
let worker: WorkerProcess | undefined;

const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => (_req: IncomingMessage, res: ServerResponse) => {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(200, { 'content-type': type, 'content-length': buf.length }).end(buf);
};

const sentence = 'Đoàn đại biểu hai nước trao đổi về hợp tác kinh tế, thương mại và đầu tư trong năm tới. ';
const BAD: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/xau/the-hong.html': html(`<html><head><title>Trang hỏng<title><body><div class=a"><p>${sentence}<b><i>${sentence}</b></i><table><tr><td>${sentence}<p></span></div></div></font><p ${'x'.repeat(50)}=>${sentence}${sentence}<!-- không đóng`),
  // 10 MB on one line: a huge inlined state blob (as some CMSs print) around a normal article.
  '/xau/mot-dong-10mb.html': html(
    `<!DOCTYPE html><html lang="vi"><head><title>Một dòng dài - Trang thử</title><script>window.__STATE__=${JSON.stringify({ items: 'dữ liệu '.repeat(1_000_000) })}</script></head><body><article><h1>Một dòng dài</h1>${`<p>${sentence.repeat(3)}</p>`.repeat(5)}</article></body></html>`,
  ),
  '/xau/long-sau.html': html(`<html><body>${'<div>'.repeat(100_000)}<p>${sentence}</p>${'</div>'.repeat(100_000)}</body></html>`),
  '/xau/nhi-phan.html': html(randomBytes(256 * 1024)),
  '/xau/rong.html': html(''),
};

beforeAll(async () => {
  site = await startGeneratedSite({ pages: GOOD, routes: BAD });
});
afterAll(async () => {
  await stopWorker(worker);
  await site?.close();
  await schema.drop();
  await dropPrefix(prefix);
});

// 100k nested tags still cost a few seconds of CPU (htmlparser2's parse grows faster than linearly
// with depth; the extractor's own walks were quadratic until recently): a generous budget on a loaded machine.
it('malformed, huge, deeply nested, binary and empty pages fail with a reason (or yield an article) and the worker goes on', { timeout: 150_000 }, async () => {
  const config = writeConfig(tempDir('rel-bad'), [generatedSource(site.baseUrl)], { fetch: { maxBodyBytes: 16 * 1024 * 1024, maxDecodedBytes: 32 * 1024 * 1024 } });
  const { queues, close } = openTestQueues(prefix);
  const badUrls = Object.keys(BAD).map((p) => site.baseUrl + p);
  try {
    // Bad pages first, then the good ones: the good ones must still be processed.
    await enqueueArticles(queues, badUrls, 'gen');
    await enqueueArticles(queues, site.articleUrls(), 'gen');
    worker = spawnWorker({ config, sink: schema.sinkUrl(), prefix, concurrency: 2, env: { TINFLOW_JOB_TIMEOUT_MS: '60000' } });
    const total = badUrls.length + GOOD;
    await waitFor('every job finished', async () => {
      const c = await articleCounts(queues);
      return c.completed + c.failed === total;
    }, 130_000, 500).catch(async (err) => {
      throw new Error(`${err.message}: ${JSON.stringify(await articleCounts(queues))}\n${worker!.output()}`);
    });
    expect(worker.child.exitCode).toBeNull();
    expect(worker.child.signalCode).toBeNull();

    const written = await schema.urls();
    for (const url of site.articleUrls()) expect(written.has(url)).toBe(true);
    const failed = await queues.articles.getJobs(['failed']);
    const reasons = Object.fromEntries(failed.map((j) => [new URL(j.data.url).pathname, j.failedReason]));
    for (const url of badUrls) {
      const path = new URL(url).pathname;
      // Either an article came out, or the job failed with a stable reason slug (never a crash).
      if (!written.has(url)) expect(reasons[path], path).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*: /);
    }
    expect(reasons['/xau/rong.html']).toMatch(/^no-article: /);
    expect(reasons['/xau/nhi-phan.html']).toMatch(/^no-article: /);
    // One sentence and no title: not an article, whichever check speaks first.
    expect(reasons['/xau/long-sau.html']).toMatch(/^(no-article|no-title|page-too-complex): /);
    expect(written.has(`${site.baseUrl}/xau/mot-dong-10mb.html`)).toBe(true);
  } finally {
    await close();
  }
});
