import { expect, it } from 'vitest';
import { sinkRetryDelay } from '../../src/workers/index.ts';

it('a job whose sink is down waits about half the outage so far, at least ~1 s, at most 15 s, jittered', () => {
  const lo = () => 0;
  const hi = () => 0.999999;
  expect(sinkRetryDelay(0, lo)).toBe(500);
  expect(sinkRetryDelay(0, hi)).toBe(1000);
  expect(sinkRetryDelay(10_000, lo)).toBe(2500);
  expect(sinkRetryDelay(10_000, hi)).toBe(5000);
  expect(sinkRetryDelay(10 * 60_000, hi)).toBe(15_000);
  expect(sinkRetryDelay(10 * 60_000, lo)).toBe(7500);
});
