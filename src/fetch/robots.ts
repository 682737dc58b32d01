import { randomUUID } from 'node:crypto';
import robotsParserModule from 'robots-parser';
import type { Redis } from 'ioredis';
import { metrics } from '../ops/metrics.ts';
import type { ResolvedSource } from '../schemas/config.ts';
import { readBody } from './body.ts';
import { classifyError } from './classify.ts';
import { FetchError, HostBusyError } from './errors.ts';
import { discardBody, headerValue, type HttpClient } from './http.ts';

// robots-parser is CommonJS whose typings declare an ES default export: normalize both shapes.
type RobotsParser = typeof robotsParserModule.default;
const robotsParser: RobotsParser =
  (robotsParserModule as unknown as { default?: RobotsParser }).default ?? (robotsParserModule as unknown as RobotsParser);

/** Google's limit: rules past 500 KiB are ignored (the file is cut there, not refused). */
const MAX_ROBOTS_BYTES = 500 * 1024;
const MAX_ROBOTS_REDIRECTS = 5;
/** How long a 5xx / unreachable robots.txt defers the whole host. */
const UNAVAILABLE_MS = 60_000;
/** The download lock outlives the download's own time limit. */
const LOCK_SLACK_MS = 5_000;
const UNLOCK_LUA = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const LOCK_BUSY_WAIT_MS = 500;
const MEMO_MS = 30_000;

type Cached = { state: 'rules'; body: string } | { state: 'allow-all' } | { state: 'unavailable' };

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay for our user-agent in seconds, capped by maxCrawlDelaySeconds; 0 when none. */
  crawlDelaySeconds: number;
  sitemaps: string[];
}

const ALLOW_ALL: RobotsRules = { isAllowed: () => true, crawlDelaySeconds: 0, sitemaps: [] };

/**
 * robots.txt per origin: fetched by one process at a time (Redis lock), cached in Redis for
 * robotsCacheSeconds, parsed with robots-parser and memoized briefly in memory.
 */
export class RobotsCache {
  private readonly memo = new Map<string, { rules: RobotsRules; until: number }>();
  private readonly inflight = new Map<string, Promise<RobotsRules>>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly http: HttpClient,
  ) {}

  private key(origin: string, what: 'robots' | 'robots-lock'): string {
    return `${this.prefix}:fetch:${what}:${origin}`;
  }

  async rulesFor(origin: string, source: ResolvedSource, signal?: AbortSignal): Promise<RobotsRules> {
    const memoKey = `${origin} ${source.userAgent} ${source.maxCrawlDelaySeconds}`;
    const hit = this.memo.get(memoKey);
    if (hit && hit.until > Date.now()) return hit.rules;
    let pending = this.inflight.get(memoKey);
    if (!pending) {
      pending = this.load(origin, source, signal).finally(() => this.inflight.delete(memoKey));
      this.inflight.set(memoKey, pending);
    }
    const rules = await pending;
    if (this.memo.size > 2000) this.memo.clear();
    this.memo.set(memoKey, { rules, until: Date.now() + Math.min(MEMO_MS, source.robotsCacheSeconds * 1000) });
    return rules;
  }

  private async load(origin: string, source: ResolvedSource, signal?: AbortSignal): Promise<RobotsRules> {
    const host = new URL(origin).host;
    const key = this.key(origin, 'robots');
    let cached = await this.readCache(key);
    if (!cached) {
      const lockKey = this.key(origin, 'robots-lock');
      const token = randomUUID();
      const locked = await this.redis.set(lockKey, token, 'PX', source.fetch.totalTimeoutMs + LOCK_SLACK_MS, 'NX');
      if (!locked) throw new HostBusyError(host, LOCK_BUSY_WAIT_MS, 'is having its robots.txt fetched');
      try {
        cached = await this.download(origin, source, signal);
        if (cached.state === 'unavailable') await this.redis.set(key, JSON.stringify(cached), 'PX', Math.min(UNAVAILABLE_MS, source.robotsCacheSeconds * 1000));
        else await this.redis.set(key, JSON.stringify(cached), 'EX', source.robotsCacheSeconds);
      } finally {
        await this.redis.eval(UNLOCK_LUA, 1, lockKey, token);
      }
    }
    if (cached.state === 'unavailable') {
      const ttl = await this.redis.pttl(key);
      throw new FetchError('robots-unavailable', {
        host,
        permanent: false,
        retryAfterMs: ttl > 0 ? ttl : UNAVAILABLE_MS,
        message: `robots.txt of ${origin} unavailable: host deferred`,
      });
    }
    if (cached.state === 'allow-all') return ALLOW_ALL;
    return parseRobots(`${origin}/robots.txt`, cached.body, source);
  }

  private async readCache(key: string): Promise<Cached | null> {
    const raw = await this.redis.get(key);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as Cached;
    } catch {
      return null;
    }
  }

  /** RFC 9309: 2xx -> rules, 4xx -> no rules, 5xx / unreachable -> assume disallowed for now. */
  private async download(origin: string, source: ResolvedSource, callerSignal?: AbortSignal): Promise<Cached> {
    const deadline = AbortSignal.timeout(source.fetch.totalTimeoutMs);
    const signal = callerSignal ? AbortSignal.any([deadline, callerSignal]) : deadline;
    let url = new URL('/robots.txt', origin);
    for (let hop = 0; hop <= MAX_ROBOTS_REDIRECTS; hop++) {
      let res;
      try {
        res = await this.http.get(url, { 'user-agent': source.userAgent, accept: 'text/plain,*/*;q=0.5', 'accept-encoding': 'gzip, deflate, br' }, source, signal);
      } catch (err) {
        const fe = classifyError(err, url.host, { deadline, caller: callerSignal });
        metrics.fetches.inc({ host: url.host, status: 'error' });
        if (fe instanceof FetchError && (fe.reason === 'ssrf-blocked' || fe.reason === 'aborted')) throw fe;
        return { state: 'unavailable' };
      }
      metrics.fetches.inc({ host: url.host, status: String(res.statusCode) });
      const location = headerValue(res.headers, 'location');
      if (res.statusCode >= 300 && res.statusCode < 400 && location) {
        discardBody(res);
        url = new URL(location, url);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return { state: 'allow-all' };
        continue;
      }
      if (res.statusCode === 429 || res.statusCode >= 500) {
        discardBody(res);
        return { state: 'unavailable' };
      }
      if (res.statusCode >= 300) {
        discardBody(res);
        return { state: 'allow-all' };
      }
      try {
        const limits = { maxBodyBytes: source.fetch.maxBodyBytes, maxDecodedBytes: MAX_ROBOTS_BYTES, truncateDecoded: true };
        const { buffer } = await readBody(res.body, headerValue(res.headers, 'content-encoding'), limits, url.host);
        return { state: 'rules', body: buffer.toString('utf8') };
      } catch (err) {
        const fe = classifyError(err, url.host, { deadline, caller: callerSignal });
        if (fe instanceof FetchError && fe.permanent) return { state: 'allow-all' };
        return { state: 'unavailable' };
      }
    }
    return { state: 'allow-all' };
  }
}

function parseRobots(robotsUrl: string, body: string, source: ResolvedSource): RobotsRules {
  const robot = robotsParser(robotsUrl, body);
  const ua = source.userAgent;
  const delay = Math.min(robot.getCrawlDelay(ua) ?? 0, source.maxCrawlDelaySeconds);
  return {
    isAllowed: (url) => robot.isAllowed(url, ua) !== false,
    crawlDelaySeconds: Number.isFinite(delay) && delay > 0 ? delay : 0,
    sitemaps: robot.getSitemaps(),
  };
}
