import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/queues/index.ts';
import { formatThroughput, queueThroughput } from '../../src/ops/rates.ts';

const prefix = `tf-test-ops-rates-${process.pid}-${Date.now()}`;
let redis: Redis;

beforeAll(() => {
  redis = connectRedis();
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.unlink(...keys);
  await redis.quit();
});

describe('queue throughput from BullMQ metrics', () => {
  it('counts jobs finished in the last minutes, and says when workers record no metrics', async () => {
    const articles = new Queue('articles', { connection: redis, prefix });
    const discover = new Queue('discover', { connection: redis, prefix });
    try {
      await articles.addBulk([1, 2, 3, 4, 5, 6].map((n) => ({ name: 'a', data: { n }, opts: { attempts: 1 } })));
      const worker = new Worker(
        'articles',
        async (job) => {
          if (job.data.n > 4) throw new Error('http-404: gone');
        },
        { connection: redis, prefix, metrics: { maxDataPoints: 60 } },
      );
      worker.on('error', () => {});
      const deadline = Date.now() + 10_000;
      for (;;) {
        const c = await articles.getJobCounts('completed', 'failed');
        if (c.completed === 4 && c.failed === 2) break;
        if (Date.now() > deadline) throw new Error('jobs did not finish');
        await new Promise((r) => setTimeout(r, 50));
      }
      await worker.close();

      const now = Date.now();
      const [a, d] = await queueThroughput([articles, discover], 5, now);
      expect(a).toMatchObject({ queue: 'articles', completed: 4, failed: 2, recorded: true });
      expect(d).toMatchObject({ queue: 'discover', completed: 0, failed: 0, recorded: false });
      expect(formatThroughput([a, d])).toBe('last 5 min: articles 4 done (0.8/min), 2 failed');
      // Seen from later: still inside a 5-minute window after 3 minutes, outside it after 10.
      expect((await queueThroughput([articles], 5, now + 3 * 60_000))[0]).toMatchObject({ completed: 4, failed: 2 });
      expect((await queueThroughput([articles], 5, now + 10 * 60_000))[0]).toMatchObject({ completed: 0, failed: 0 });
      expect(formatThroughput([d])).toBeNull();
    } finally {
      await articles.close();
      await discover.close();
    }
  });
});
