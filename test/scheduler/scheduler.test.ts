import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/load.ts';
import { schedulerId, syncSchedulers, validateSchedule } from '../../src/scheduler/index.ts';
import { makeSource } from '../producers/source.ts';
import { deleteKeysUnder } from '../../src/queues/index.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `tf-test-sched-${process.pid}-${Date.now()}`;

let redis: Redis;
const queues: Queue[] = [];
const connections: Redis[] = [];
/** A separate connection per Queue, as two processes would have. */
const openQueue = () => {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  connections.push(connection);
  const queue = new Queue('sources', { connection, prefix: PREFIX });
  queues.push(queue);
  return queue;
};

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});

afterAll(async () => {
  for (const q of queues) await q.close();
  for (const c of connections) await c.quit();
  await deleteKeysUnder(redis, PREFIX);
  await redis.quit();
});

const summary = async (queue: Queue) =>
  (await queue.getJobSchedulers(0, -1, true))
    .map((s) => ({ id: s.id ?? s.key, pattern: s.pattern, tz: s.tz, name: s.name, data: s.template?.data }))
    .sort((a, b) => a.id.localeCompare(b.id));

describe('syncSchedulers', () => {
  const a = makeSource({ id: 'bao-a', schedule: '*/15 * * * *' });
  const b = makeSource({ id: 'bao-b', schedule: '0 6 * * *', timezone: 'Asia/Bangkok' });
  const unscheduled = makeSource({ id: 'bao-c' });

  it('installs one scheduler per scheduled source with pattern, time zone and job template', async () => {
    const queue = openQueue();
    const result = await syncSchedulers(queue, [a, b, unscheduled]);
    expect(result).toEqual({ upserted: ['bao-a', 'bao-b'], removed: [] });
    expect(await summary(queue)).toEqual([
      { id: 'source-bao-a', pattern: '*/15 * * * *', tz: 'Asia/Ho_Chi_Minh', name: 'source', data: { source: 'bao-a' } },
      { id: 'source-bao-b', pattern: '0 6 * * *', tz: 'Asia/Bangkok', name: 'source', data: { source: 'bao-b' } },
    ]);
    const next = await queue.getDelayed();
    expect(next.map((j) => j.data).sort((x, y) => x.source.localeCompare(y.source))).toEqual([{ source: 'bao-a' }, { source: 'bao-b' }]);
  });

  it('is idempotent, also when two processes sync at once', async () => {
    const [q1, q2] = [openQueue(), openQueue()];
    await Promise.all([syncSchedulers(q1, [a, b]), syncSchedulers(q2, [a, b]), syncSchedulers(q1, [a, b])]);
    await syncSchedulers(q2, [a, b]);
    expect((await summary(q1)).map((s) => s.id)).toEqual(['source-bao-a', 'source-bao-b']);
    expect(await q1.getJobSchedulersCount()).toBe(2);
    expect(await q1.getDelayedCount()).toBe(2);
  });

  it('updates a changed schedule and removes schedulers of sources that are gone or unscheduled', async () => {
    const queue = openQueue();
    await queue.upsertJobScheduler('someone-else', { every: 60_000 }, { name: 'other' }); // not ours: left alone
    const aHourly = { ...a, schedule: '0 * * * *' };
    expect(await syncSchedulers(queue, [aHourly, { ...b, schedule: undefined }])).toEqual({ upserted: ['bao-a'], removed: ['bao-b'] });
    expect((await summary(queue)).map((s) => [s.id, s.pattern])).toEqual([
      ['someone-else', undefined],
      ['source-bao-a', '0 * * * *'],
    ]);
    expect(await syncSchedulers(queue, [])).toEqual({ upserted: [], removed: ['bao-a'] });
    expect(await queue.getJobScheduler(schedulerId('bao-a'))).toBeUndefined();
    await queue.removeJobScheduler('someone-else');
  });

  it('rejects an invalid cron pattern with an error naming the source, before touching Redis', async () => {
    const queue = openQueue();
    const bad = makeSource({ id: 'bao-hong', schedule: '61 * * * *' });
    await expect(syncSchedulers(queue, [a, bad])).rejects.toThrow(ConfigError);
    await expect(syncSchedulers(queue, [a, bad])).rejects.toThrow(/source "bao-hong": invalid schedule "61 \* \* \* \*"/);
    expect(() => validateSchedule({ id: 'x', schedule: 'every day', timezone: 'UTC' })).toThrow(/source "x"/);
    expect(() => validateSchedule({ id: 'x', schedule: '0 6 * * 1-5', timezone: 'UTC' })).not.toThrow();
    expect(await queue.getJobScheduler(schedulerId('bao-a'))).toBeUndefined();
  });
});
