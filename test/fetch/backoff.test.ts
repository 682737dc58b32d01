import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../src/fetch/index.ts';

describe('backoffDelay', () => {
  it('grows exponentially with full jitter', () => {
    expect(backoffDelay(1, 1_000, undefined, 60_000, () => 0.999)).toBe(999);
    expect(backoffDelay(2, 1_000, undefined, 60_000, () => 0.999)).toBe(1_998);
    expect(backoffDelay(4, 1_000, undefined, 60_000, () => 0.5)).toBe(4_000);
    expect(backoffDelay(3, 1_000, undefined, 60_000, () => 0)).toBe(0);
  });

  it('is capped', () => {
    expect(backoffDelay(30, 1_000, undefined, 60_000, () => 0.999)).toBeLessThan(60_000);
  });

  it('never retries before Retry-After', () => {
    expect(backoffDelay(1, 1_000, 30_000, 60_000, () => 0.5)).toBe(30_000);
    expect(backoffDelay(8, 1_000, 5_000, 600_000, () => 0.5)).toBe(64_000);
  });

  it('stays within [0, base * 2^(n-1)) with the real random', () => {
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3, 500);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(2_000);
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores garbage', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
