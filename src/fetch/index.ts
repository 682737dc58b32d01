/**
 * The fetch stage. A worker needs only this:
 *
 *   const fetcher = new Fetcher({ redis, prefix: 'tinflow' });   // one per process; close() on shutdown
 *   try { const page = await fetcher.fetch({ url, source, kind: 'article', signal, revalidate }); }
 *   catch (err) {
 *     if (err instanceof HostBusyError) -> job.moveToDelayed(Date.now() + err.waitMs, token) (no attempt spent)
 *     if (err instanceof FetchError)   -> err.permanent ? UnrecoverableError : rethrow (BullMQ retries,
 *                                          custom backoff: backoffDelay(attemptsMade, fetch.backoffMs, err.retryAfterMs))
 *   }
 */
export type { FetchKind, FetchRequest, FetchedPage } from './types.ts';
export { FetchError, HostBusyError } from './errors.ts';
export { Fetcher, type FetcherOptions } from './fetcher.ts';
export { backoffDelay, parseRetryAfter } from './backoff.ts';
export { isBlockedAddress } from './ssrf.ts';
