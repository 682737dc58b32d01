/**
 * A fetch that did not produce a usable page. `reason` is a short stable slug
 * (logged, used as a metric label); `permanent` tells the worker whether a retry can help.
 */
export class FetchError extends Error {
  readonly reason: string;
  readonly permanent: boolean;
  readonly retryAfterMs?: number;
  readonly host: string;
  readonly status?: number;

  constructor(
    reason: string,
    opts: { host: string; permanent: boolean; retryAfterMs?: number; status?: number; message?: string; cause?: unknown },
  ) {
    super(opts.message ?? `${reason} (${opts.host})`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'FetchError';
    this.reason = reason;
    this.permanent = opts.permanent;
    this.host = opts.host;
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs;
    if (opts.status !== undefined) this.status = opts.status;
  }
}

/** The host has no free politeness slot right now: delay the job by `waitMs` (do not spin). */
export class HostBusyError extends Error {
  readonly waitMs: number;
  readonly host: string;

  constructor(host: string, waitMs: number, why = 'busy') {
    super(`host ${host} ${why}: retry in ${waitMs} ms`);
    this.name = 'HostBusyError';
    this.host = host;
    this.waitMs = waitMs;
  }
}

/** Raised inside the connector when the resolved address is not public. */
export class SsrfBlockedError extends Error {
  readonly code = 'ERR_SSRF_BLOCKED';
  constructor(readonly address: string, readonly hostname: string) {
    super(`refusing to connect to ${hostname} (${address}): not a public address`);
    this.name = 'SsrfBlockedError';
  }
}
