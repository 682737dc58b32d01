import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { sampleArticles } from '../../src/demo/articles.ts';
import { articlePath } from '../../src/demo/templates/index.ts';
import { ConfigSchema } from '../../src/schemas/config.ts';
import { openRuntime } from '../../src/cli/runtime.ts';
import { crawlOnce } from '../../src/cli/crawl-once.ts';
import { dropPrefix, tempDir, uniquePrefix } from '../helpers/env.ts';
import { startSite, type TestSite } from '../helpers/article-site.ts';

const BIN = join(import.meta.dirname, '../../bin/tinflow.mjs');
const prefix = uniquePrefix('dlq');
const [present, missing] = sampleArticles.slice(-2);
let site: TestSite;

function tinflow(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, TINFLOW_PREFIX: prefix, TINFLOW_LOG_LEVEL: 'warn' } }, (err, stdout) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout }),
    );
  });
}

beforeAll(async () => {
  site = await startSite('baophapluat', 'listing', [present]);
});
afterAll(async () => {
  await site?.close();
  await dropPrefix(prefix);
});

describe('dead letters: status counts them by reason, replay re-queues them', () => {
  it('a 404 ends in the dead-letter state at once, and replay --reason brings it back once the page exists', async () => {
    const config = ConfigSchema.parse({
      sources: [{ id: 'plvn', urls: [site.baseUrl + articlePath(present), site.baseUrl + articlePath(missing)], allowPrivateNetworks: true, rateLimit: { perSecond: 100, concurrency: 4 } }],
    });
    const sink = `sqlite:${tempDir('dlq')}/r.db`;

    const rt = await openRuntime({ config, sink, prefix });
    try {
      const first = await crawlOnce(rt);
      expect(first.recordsWritten).toBe(1);
      expect(first.failures).toEqual({ 'http-404': 1 });
      // Permanent: one request, no retries.
      expect(site.hits.filter((h) => h === articlePath(missing))).toHaveLength(1);
      expect((await rt.sink.count()).failures).toBe(1);
    } finally {
      await rt.close();
    }

    const status = await tinflow(['status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/dead-letter \(failed after all attempts\): 1/);
    expect(status.stdout).toMatch(/articles: http-404 1/);

    // Nothing matches another reason; the 404 is replayed once the page exists.
    expect((await tinflow(['replay', '--reason', 'timeout'])).stdout).toMatch(/re-queued 0 job/);
    site.articles.push(missing);
    expect((await tinflow(['replay', '--reason', 'http-404'])).stdout).toMatch(/re-queued 1 job/);

    const rt2 = await openRuntime({ config, sink, prefix });
    try {
      const second = await crawlOnce(rt2);
      expect(second.recordsWritten).toBe(1);
      expect(second.failures).toEqual({});
      expect(await rt2.sink.count()).toEqual({ records: 2, failures: 0 });
    } finally {
      await rt2.close();
    }
    expect((await tinflow(['status'])).stdout).toMatch(/dead-letter \(failed after all attempts\): 0/);
  });
});
