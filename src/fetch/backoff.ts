/**
 * Delay before retry number `attempt` (1-based, as BullMQ's custom backoff passes
 * attemptsMade): exponential with full jitter, never shorter than a server's Retry-After.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  retryAfterMs?: number,
  maxMs = 15 * 60_000,
  random: () => number = Math.random,
): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random() * exp);
  if (retryAfterMs !== undefined && retryAfterMs > 0) return Math.max(Math.min(retryAfterMs, maxMs), jittered);
  return jittered;
}

/** Retry-After is either delta-seconds or an HTTP date; returns ms from `now`, or undefined. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // An HTTP-date always names a day and month; this keeps Date.parse from reading "-5" as a year.
  const at = /[a-z]{3}/i.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
