import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, openQueues, type Queues } from '../../src/queues/index.ts';
import { openSink, type Sink } from '../../src/sinks/index.ts';
import { buildServer } from '../../src/ops/server.ts';

const CHROMIUM = '/usr/bin/chromium';
const missing = !existsSync(CHROMIUM) && !process.env.CI;
if (missing) console.warn(`dashboard browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium); in CI it runs and fails instead`);

describe.skipIf(missing)('Bull Board in a real browser', () => {
  const prefix = `tf-test-ops-board-${process.pid}-${Date.now()}`;
  const tmp = mkdtempSync(join(tmpdir(), 'tf-ops-board-'));
  let redis: Redis;
  let queues: Queues;
  let sink: Sink;
  let app: FastifyInstance;
  let browser: Browser | undefined;

  beforeAll(async () => {
    redis = connectRedis();
    queues = openQueues(redis, prefix);
    sink = await openSink(`sqlite:${join(tmp, 'board.db')}`);
    app = await buildServer({ redis, prefix, sink, queues, apiToken: '', adminToken: '' });
    await queues.articles.add('article', { url: 'https://bao-mau.example.vn/bai-viet.html', source: 'bao-mau', depth: 0 });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await sink?.close();
    await queues?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.unlink(...keys);
    await redis?.quit();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the three queues at /admin/queues and saves a screenshot', async () => {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const response = await page.goto(`${base}/admin/queues`);
    expect(response?.status()).toBe(200);
    for (const name of ['sources', 'discover', 'articles']) {
      await page.getByText(name, { exact: true }).first().waitFor({ timeout: 15_000 });
    }
    mkdirSync('test-results', { recursive: true });
    const file = join('test-results', 'dashboard.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(5000);
  });
});
