import { FetchError, HostBusyError, SsrfBlockedError } from './errors.ts';

const CONNECTION_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_ABORTED',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const TLS_CODES = /^(CERT_|ERR_TLS_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_)/;

function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = err;
  while (cur && out.length < 6) {
    out.push(cur);
    cur = (cur as { cause?: unknown }).cause;
  }
  return out;
}

export interface AbortContext {
  /** Fires when the total time budget of the fetch is spent. */
  deadline: AbortSignal;
  /** The caller's own signal, if any. */
  caller?: AbortSignal;
}

/** Maps anything thrown while fetching to a FetchError with a stable reason and retry class. */
export function classifyError(err: unknown, host: string, abort: AbortContext): FetchError | HostBusyError {
  if (err instanceof FetchError || err instanceof HostBusyError) return err;
  const chain = causes(err);
  const ssrf = chain.find((e): e is SsrfBlockedError => e instanceof SsrfBlockedError);
  if (ssrf) return new FetchError('ssrf-blocked', { host, permanent: true, message: ssrf.message, cause: err });
  if (abort.caller?.aborted) return new FetchError('aborted', { host, permanent: false, message: `fetch aborted by caller (${host})`, cause: err });
  if (abort.deadline.aborted) return new FetchError('timeout', { host, permanent: false, message: `total time limit reached (${host})`, cause: err });
  for (const e of chain) {
    if ((e as Error | undefined)?.name === 'HTTPParserError') {
      return new FetchError('bad-response', { host, permanent: false, message: `malformed HTTP response: ${(e as Error).message} (${host})`, cause: err });
    }
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (!code) continue;
    if (TIMEOUT_CODES.has(code)) return new FetchError('timeout', { host, permanent: false, message: `${code} (${host})`, cause: err });
    if (code === 'UND_ERR_HEADERS_OVERFLOW') return new FetchError('bad-response', { host, permanent: true, message: `response headers too large (${host})`, cause: err });
    if (code === 'ENOTFOUND') return new FetchError('dns-not-found', { host, permanent: true, message: `no DNS record for ${host}`, cause: err });
    if (CONNECTION_CODES.has(code)) return new FetchError('connection', { host, permanent: false, message: `${code} (${host})`, cause: err });
    if (TLS_CODES.test(code)) return new FetchError('tls', { host, permanent: true, message: `${code} (${host})`, cause: err });
  }
  return new FetchError('connection', { host, permanent: false, message: `${(err as Error)?.message ?? String(err)} (${host})`, cause: err });
}

/** The FetchError for a final non-2xx, non-304 response. */
export function statusError(status: number, host: string, retryAfterMs?: number): FetchError {
  const base = { host, status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (status === 404 || status === 410) return new FetchError(`http-${status}`, { ...base, permanent: true });
  if (status === 429) return new FetchError('http-429', { ...base, permanent: false });
  if (status === 408 || status === 425) return new FetchError(`http-${status}`, { ...base, permanent: false });
  if (status >= 500) return new FetchError('http-5xx', { ...base, permanent: false, message: `http ${status} (${host})` });
  if (status >= 400) return new FetchError('http-4xx', { ...base, permanent: true, message: `http ${status} (${host})` });
  return new FetchError('http-3xx', { ...base, permanent: true, message: `unexpected http ${status} (${host})` });
}
