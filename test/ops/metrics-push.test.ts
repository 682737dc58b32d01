import type { Redis } from 'ioredis';
import { AggregatorRegistry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/queues/index.ts';
import { metrics } from '../../src/ops/metrics.ts';
import { metricsKeys, processId, pushMetricsOnce, readWorkerMetrics, startMetricsPusher, type MetricsSnapshot, type WorkerMetrics } from '../../src/ops/metrics-push.ts';
import { sample } from './helpers.ts';

const prefix = `tf-test-ops-push-${process.pid}-${Date.now()}`;
let redis: Redis;

const total = async (snapshots: MetricsSnapshot[], source: string) =>
  sample(await AggregatorRegistry.aggregate(snapshots).metrics(), 'tinflow_records_written_total', { source });

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(() => {
  redis = connectRedis();
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('metrics pushed through Redis', () => {
  it('a pusher that was retired while silent starts again from zero under a new id, so nothing counts twice', async () => {
    const keys = metricsKeys(prefix);
    metrics.recordsWritten.inc({ source: 'tam-dung' }, 5);
    const pusher = startMetricsPusher(redis, prefix, { intervalMs: 50 });
    try {
      await waitFor(async () => (await redis.hexists(keys.workers, processId())) === 1);

      // Seen from two minutes later the entry is stale: folded into the retired sum.
      // (A tick landing between the read and the fold makes the compare-and-set refuse: retry then.)
      let later: WorkerMetrics = { live: new Map(), retired: null };
      await waitFor(async () => {
        later = await readWorkerMetrics(redis, prefix, { now: Date.now() + 120_000 });
        return later.retired !== null;
      });
      expect(later.live.size).toBe(0);
      expect(await total([later.retired!], 'tam-dung')).toBe(5);

      await waitFor(async () => (await redis.hexists(keys.workers, `${processId()}:1`)) === 1);
      metrics.recordsWritten.inc({ source: 'tam-dung' }, 2);
    } finally {
      await pusher.stop();
    }

    const now = await readWorkerMetrics(redis, prefix);
    expect([...now.live.keys()]).toEqual([`${processId()}:1`]);
    expect(await total([now.retired!, ...now.live.values()], 'tam-dung')).toBe(7);
  });

  it('two readers folding the same stale entries at once add them once', async () => {
    const other = `${prefix}-race`;
    metrics.recordsWritten.inc({ source: 'dua-tranh' }, 3);
    expect(await pushMetricsOnce(redis, other, 'may-a:1:1')).toBe(true);
    expect(await pushMetricsOnce(redis, other, 'may-b:2:2')).toBe(true);
    const future = Date.now() + 120_000;
    await Promise.all([readWorkerMetrics(redis, other, { now: future }), readWorkerMetrics(redis, other, { now: future }), readWorkerMetrics(redis, other, { now: future })]);
    const after = await readWorkerMetrics(redis, other);
    expect(after.live.size).toBe(0);
    expect(await total([after.retired!], 'dua-tranh')).toBe(6);
    expect((await redis.smembers(metricsKeys(other).retiredIds)).sort()).toEqual(['may-a:1:1', 'may-b:2:2']);
    // A later push keeps the retired total alive as long as the fleet runs.
    await redis.expire(metricsKeys(other).retired, 100);
    expect(await pushMetricsOnce(redis, other, 'may-e:5:5')).toBe(true);
    expect(await redis.ttl(metricsKeys(other).retired)).toBeGreaterThan(24 * 3600);
    await redis.del(...Object.values(metricsKeys(other)));
  });

  it('keeps no gauge of a retired process and ignores an unreadable entry', async () => {
    const other = `${prefix}-gauge`;
    const keys = metricsKeys(other);
    const gauge = [{ name: 'tinflow_test_inflight', help: 'x', type: 'gauge', aggregator: 'sum', values: [{ value: 4, labels: {} }] }];
    await redis.hset(keys.workers, 'may-c:3:3', JSON.stringify({ at: Date.now() - 120_000, metrics: gauge }), 'may-d:4:4', 'not json');
    const read = await readWorkerMetrics(redis, other);
    expect(read.live.size).toBe(0);
    expect(read.retired).toEqual([]);
    expect(await redis.hlen(keys.workers)).toBe(0);
    await redis.del(...Object.values(keys));
  });
});
