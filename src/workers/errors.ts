import { UnrecoverableError } from 'bullmq';
import { FetchError } from '../fetch/index.ts';
import { ExtractionError } from '../extract/index.ts';
import { DiscoveryError } from '../producers/index.ts';

/**
 * Why a job failed, as a short stable slug ("http-404", "no-article", "timeout"...). Error
 * messages thrown to BullMQ start with it ("no-article: ...") so the reason survives in
 * job.failedReason for `status` and `replay --reason`.
 */
export function failureReason(err: unknown): string {
  if (err instanceof FetchError || err instanceof ExtractionError || err instanceof DiscoveryError) return err.reason;
  const msg = err instanceof Error ? err.message : String(err);
  const m = /^([a-z0-9]+(?:-[a-z0-9]+)*):\s/.exec(msg);
  if (m) return m[1];
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return err.code.toLowerCase();
  return 'internal';
}

export function reasonOf(failedReason: string | undefined): string {
  const m = /^([a-z0-9]+(?:-[a-z0-9]+)*):\s/.exec(failedReason ?? '');
  return m ? m[1] : 'internal';
}

function isPermanent(err: unknown): boolean {
  if (err instanceof FetchError) return err.permanent;
  return err instanceof ExtractionError || err instanceof DiscoveryError || err instanceof UnrecoverableError;
}

/** The error BullMQ should see: permanent failures skip the remaining attempts. */
export function toJobError(err: unknown): Error {
  const reason = failureReason(err);
  const message = err instanceof Error ? err.message : String(err);
  const text = message.startsWith(`${reason}: `) ? message : `${reason}: ${message}`;
  if (isPermanent(err)) return new UnrecoverableError(text);
  const out = new Error(text) as Error & { retryAfterMs?: number };
  if (err instanceof FetchError && err.retryAfterMs) out.retryAfterMs = err.retryAfterMs;
  return out;
}

export function isFinalAttempt(err: Error, attemptsMade: number, attempts: number | undefined): boolean {
  return err instanceof UnrecoverableError || attemptsMade + 1 >= (attempts ?? 1);
}
