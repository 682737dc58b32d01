import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { metrics } from '../ops/metrics.ts';
import type { ResolvedSource } from '../schemas/config.ts';
import { parseRetryAfter } from './backoff.ts';
import { gunzipCapped, isGzip, readBody } from './body.ts';
import { decodeBody } from './charset.ts';
import { classifyError, statusError } from './classify.ts';
import { startDeadline } from './deadline.ts';
import { acceptHeader, acceptsContentType, looksLikeHtml, mimeType } from './content-type.ts';
import { FetchError, HostBusyError } from './errors.ts';
import { abandonBody, discardBody, headerValue, HttpClient, type HttpResponse } from './http.ts';
import { HostLimiter } from './politeness.ts';
import { RobotsCache } from './robots.ts';
import { isBlockedAddress } from './ssrf.ts';
import type { FetchedPage, FetchRequest } from './types.ts';
import { conditionalHeaders, ValidatorStore } from './validators.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** A hostile Retry-After cannot park a host for longer than this. */
const MAX_HOST_BLOCK_MS = 60 * 60_000;
/** Slack added to the total timeout for a concurrency lease, so a live fetch never loses its slot. */
const LEASE_SLACK_MS = 5_000;
/** Stands for "no limit" in the limiter script when rateLimit is off but a Crawl-delay applies. */
const UNLIMITED = 1e9;

export interface FetcherOptions {
  redis: Redis;
  /** Key prefix, e.g. 'tinflow'. */
  prefix: string;
  /** host:port pairs the SSRF guard lets through even when private (an internal mirror; tests). */
  trustedHosts?: string[];
}

interface Lease {
  host: string;
  leaseId: string;
}

export class Fetcher {
  private readonly redis: Redis;
  private readonly http: HttpClient;
  private readonly limiter: HostLimiter;
  private readonly robots: RobotsCache;
  private readonly validators: ValidatorStore;

  constructor(opts: FetcherOptions) {
    this.redis = opts.redis;
    this.http = new HttpClient(opts.trustedHosts ?? []);
    this.limiter = new HostLimiter(opts.redis, opts.prefix);
    this.robots = new RobotsCache(opts.redis, opts.prefix, this.http);
    this.validators = new ValidatorStore(opts.redis, opts.prefix);
  }

  /** Fetches one URL politely. Throws FetchError (see reason/permanent) or HostBusyError. */
  async fetch(req: FetchRequest): Promise<FetchedPage> {
    const { source } = req;
    const limit = startDeadline(source.fetch.totalTimeoutMs, req.signal);
    const { signal, deadline } = limit;
    const startedAt = Date.now();
    const leases: Lease[] = [];
    let url = parseHttpUrl(req.url, req.url);
    const visited = new Set<string>();
    try {
      for (let redirects = 0; ; redirects++) {
        this.refuseLiteralPrivateAddress(url, source);
        const crawlDelaySeconds = await this.checkRobots(url, req, signal);
        await this.takeSlot(url.host, source, crawlDelaySeconds, leases, redirects === 0, startedAt, signal);

        const headers: Record<string, string> = {
          'user-agent': source.userAgent,
          accept: acceptHeader(req.kind),
          'accept-encoding': 'gzip, deflate, br',
        };
        if (req.revalidate) Object.assign(headers, conditionalHeaders(await this.validators.get(url.href)));
        let res: HttpResponse;
        try {
          res = await this.http.get(url, headers, source, signal);
        } catch (err) {
          metrics.fetches.inc({ host: url.host, status: 'error' });
          throw err;
        }
        metrics.fetches.inc({ host: url.host, status: String(res.statusCode) });

        const location = headerValue(res.headers, 'location');
        if (REDIRECT_STATUSES.has(res.statusCode) && location) {
          discardBody(res);
          const next = parseHttpUrl(location, req.url, url);
          visited.add(withoutHash(url));
          if (visited.has(withoutHash(next))) {
            throw new FetchError('redirect-loop', { host: url.host, permanent: true, message: `redirect loop at ${next.href}` });
          }
          if (redirects + 1 > source.fetch.maxRedirects) {
            throw new FetchError('too-many-redirects', { host: url.host, permanent: true, message: `more than ${source.fetch.maxRedirects} redirects from ${req.url}` });
          }
          url = next;
          continue;
        }
        return await this.finish(req, url, res);
      }
    } catch (err) {
      const e = classifyError(err, url.host, { deadline, caller: req.signal });
      if (e instanceof FetchError && e.reason === 'ssrf-blocked') metrics.ssrfRefused.inc({ host: e.host });
      throw e;
    } finally {
      limit.dispose();
      if (leases.length) await Promise.all(leases.map((l) => this.limiter.release(l.host, l.leaseId).catch(() => undefined)));
    }
  }

  /** The Sitemap: lines of an origin's robots.txt (cached like every robots.txt). */
  async robotsSitemaps(origin: string, source: ResolvedSource): Promise<string[]> {
    const o = parseHttpUrl(origin, origin);
    this.refuseLiteralPrivateAddress(o, source);
    try {
      return (await this.robots.rulesFor(o.origin, source)).sitemaps;
    } catch (err) {
      const deadline = new AbortController().signal;
      throw classifyError(err, o.host, { deadline });
    }
  }

  /** Forgets the politeness state of a host (ops tooling, tests). */
  resetHost(host: string): Promise<void> {
    return this.limiter.reset(host);
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private refuseLiteralPrivateAddress(url: URL, source: ResolvedSource): void {
    if (source.allowPrivateNetworks) return;
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    // Hostnames are checked on their resolved address inside the connector; literals can be refused before any I/O.
    if (net.isIP(hostname) && isBlockedAddress(hostname) && !this.http.isTrusted(url)) {
      throw new FetchError('ssrf-blocked', { host: url.host, permanent: true, message: `refusing ${url.host}: not a public address` });
    }
  }

  private async checkRobots(url: URL, req: FetchRequest, signal: AbortSignal): Promise<number> {
    if (!req.source.respectRobots || req.kind === 'robots') return 0;
    const rules = await this.robots.rulesFor(url.origin, req.source, signal);
    if (!rules.isAllowed(url.href)) {
      metrics.robotsBlocked.inc({ host: url.host });
      throw new FetchError('robots-blocked', { host: url.host, permanent: true, message: `robots.txt disallows ${url.href}` });
    }
    return rules.crawlDelaySeconds;
  }

  /**
   * First hop: no slot -> HostBusyError so the worker delays the job. Redirect hops already
   * cost a request, so they wait in-process for a slot when it comes within the time budget.
   */
  private async takeSlot(
    host: string,
    source: ResolvedSource,
    crawlDelaySeconds: number,
    leases: Lease[],
    firstHop: boolean,
    startedAt: number,
    signal: AbortSignal,
  ): Promise<void> {
    const rate = source.rateLimit;
    // Limits configured off and no Crawl-delay to honour: nothing to coordinate, so no Redis round trip.
    if (rate === false && crawlDelaySeconds === 0) return;
    const held = leases.find((l) => l.host === host);
    const leaseId = held?.leaseId ?? randomUUID();
    const limits = {
      perSecond: rate === false ? UNLIMITED : rate.perSecond,
      concurrency: rate === false ? UNLIMITED : rate.concurrency,
      crawlDelaySeconds,
      leaseTtlMs: source.fetch.totalTimeoutMs + LEASE_SLACK_MS,
    };
    for (;;) {
      const got = await this.limiter.acquire(host, limits, leaseId);
      if (got.ok) {
        if (!held) leases.push({ host, leaseId });
        return;
      }
      const remaining = startedAt + source.fetch.totalTimeoutMs - Date.now();
      if (firstHop || got.waitMs >= remaining) {
        metrics.rateLimitWaits.inc({ host });
        throw new HostBusyError(host, got.waitMs, got.why === 'blocked' ? 'is blocked (Retry-After)' : `is at its ${got.why} limit`);
      }
      await sleep(got.waitMs, undefined, { signal });
    }
  }

  private async finish(req: FetchRequest, url: URL, res: HttpResponse): Promise<FetchedPage> {
    const { source, kind } = req;
    const host = url.host;
    const contentType = headerValue(res.headers, 'content-type');
    const base = { requestedUrl: req.url, url: url.href, status: res.statusCode, contentType, fetchedAt: new Date().toISOString() };
    if (res.statusCode === 304) {
      discardBody(res);
      return { ...base, charset: 'utf-8', body: '', bytes: 0, notModified: true };
    }
    if (res.statusCode < 200 || res.statusCode >= 300) {
      discardBody(res);
      let retryAfterMs = parseRetryAfter(res.headers['retry-after']);
      // A 429 is about the whole host: slow every worker down even when the server gives no Retry-After.
      if (res.statusCode === 429) retryAfterMs ??= source.fetch.backoffMs;
      if (retryAfterMs !== undefined && (res.statusCode === 429 || res.statusCode === 503)) {
        retryAfterMs = Math.min(retryAfterMs, MAX_HOST_BLOCK_MS);
        await this.limiter.block(host, retryAfterMs);
      }
      throw statusError(res.statusCode, host, retryAfterMs);
    }
    const mime = mimeType(contentType);
    if (!acceptsContentType(kind, mime)) {
      abandonBody(res);
      throw notWanted(kind, host, mime);
    }
    const declaredLength = Number(headerValue(res.headers, 'content-length') ?? NaN);
    if (declaredLength > source.fetch.maxBodyBytes) {
      abandonBody(res);
      throw new FetchError('too-large', { host, permanent: true, message: `Content-Length ${declaredLength} over ${source.fetch.maxBodyBytes} (${host})` });
    }
    const limits = { maxBodyBytes: source.fetch.maxBodyBytes, maxDecodedBytes: source.fetch.maxDecodedBytes };
    let { buffer, bytes } = await readBody(res.body, headerValue(res.headers, 'content-encoding'), limits, host);
    metrics.fetchBytes.inc({ host }, bytes);
    if ((kind === 'feed' || kind === 'sitemap') && isGzip(buffer)) buffer = await gunzipCapped(buffer, source.fetch.maxDecodedBytes, host);
    const { text, charset } = decodeBody(buffer, contentType);
    if ((kind === 'article' || kind === 'listing') && mime === null && !looksLikeHtml(text)) throw notWanted(kind, host, mime);

    const etag = headerValue(res.headers, 'etag') ?? undefined;
    const lastModified = headerValue(res.headers, 'last-modified') ?? undefined;
    // Forget stale validators only when someone may have stored them (a revalidating fetch).
    if (etag || lastModified || req.revalidate) await this.validators.save(url.href, { etag, lastModified });
    return { ...base, charset, body: text, bytes, notModified: false };
  }
}

function notWanted(kind: FetchRequest['kind'], host: string, mime: string | null): FetchError {
  const reason = kind === 'article' || kind === 'listing' ? 'not-html' : 'bad-content-type';
  return new FetchError(reason, { host, permanent: true, message: `${kind} fetch got ${mime ?? 'no Content-Type'} (${host})` });
}

function parseHttpUrl(raw: string, requested: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError('bad-url', { host: base?.host ?? '', permanent: true, message: `not a URL: ${raw} (from ${requested})` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('bad-scheme', { host: url.host, permanent: true, message: `refusing ${url.protocol} URL ${raw}` });
  }
  return url;
}

function withoutHash(url: URL): string {
  return url.href.replace(/#.*$/, '');
}
