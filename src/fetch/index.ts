export type { FetchKind, FetchRequest, FetchedPage } from './types.ts';
export { FetchError, HostBusyError } from './errors.ts';
export { Fetcher, type FetcherOptions } from './fetcher.ts';
export { backoffDelay, parseRetryAfter } from './backoff.ts';
export { isBlockedAddress } from './ssrf.ts';
