import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Per-host politeness shared by every worker process: a token bucket (rate, crawl-delay),
 * a set of expiring concurrency leases and a "blocked until" mark (Retry-After), all
 * checked and updated in one Lua script so two processes can never both take the last slot.
 * Time comes from the Redis server (TIME, to the microsecond), so worker clocks need not agree.
 */
// Redis < 5 refuses writes after TIME unless the script replicates by effects.
const EFFECTS = `if redis.replicate_commands then redis.replicate_commands() end`;

const ACQUIRE_LUA = `${EFFECTS}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local concurrency = tonumber(ARGV[3])
local leaseTtl = tonumber(ARGV[4])
local leaseId = ARGV[5]

local blocked = tonumber(redis.call('GET', KEYS[3]) or '0')
if blocked > now then return {0, math.ceil(blocked - now), 'blocked'} end

-- Callers told to come back get distinct turns one interval apart (KEYS[4] holds the last
-- promised turn), so a hundred jobs for one host do not all wake up at the same moment.
local held = false
local function defer(waitMs, why)
  if held then return {0, math.ceil(waitMs), why} end
  local tail = tonumber(redis.call('GET', KEYS[4]) or '0')
  local turn = math.max(now + waitMs, tail + interval)
  redis.call('SET', KEYS[4], tostring(turn), 'PX', math.ceil(turn - now + interval))
  return {0, math.ceil(turn - now), why}
end

redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
held = redis.call('ZSCORE', KEYS[2], leaseId)
if not held and redis.call('ZCARD', KEYS[2]) >= concurrency then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  local untilExpiry = tonumber(first[2]) - now
  return defer(math.max(1, math.min(untilExpiry, math.max(interval, 250))), 'concurrency')
end

local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1])
local ts = tonumber(b[2])
if tokens == nil or ts == nil then tokens = capacity; ts = now end
if now > ts then tokens = math.min(capacity, tokens + (now - ts) / interval) end
if tokens < 1 then return defer((1 - tokens) * interval, 'rate') end

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * interval) + 60000)
redis.call('ZADD', KEYS[2], now + leaseTtl, leaseId)
redis.call('PEXPIRE', KEYS[2], leaseTtl + 60000)
return {1, 0, 'ok'}
`;

const BLOCK_LUA = `${EFFECTS}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ms = tonumber(ARGV[1])
local untilMs = now + ms
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > cur then redis.call('SET', KEYS[1], untilMs, 'PX', ms) end
return untilMs
`;

interface PolitenessCommands {
  tinflowHostAcquire(bucket: string, leases: string, blocked: string, turns: string, ...args: (string | number)[]): Promise<[number, number, string]>;
  tinflowHostBlock(blocked: string, ms: number): Promise<number>;
}

export interface HostLimits {
  perSecond: number;
  concurrency: number;
  /** robots.txt Crawl-delay in seconds (already capped); 0 when none. */
  crawlDelaySeconds: number;
  /** A lease is dropped after this long even if its holder died without releasing it. */
  leaseTtlMs: number;
}

export type Acquired = { ok: true; leaseId: string } | { ok: false; waitMs: number; why: 'blocked' | 'concurrency' | 'rate' };

export class HostLimiter {
  private readonly redis: Redis & PolitenessCommands;

  constructor(redis: Redis, private readonly prefix: string) {
    redis.defineCommand('tinflowHostAcquire', { numberOfKeys: 4, lua: ACQUIRE_LUA });
    redis.defineCommand('tinflowHostBlock', { numberOfKeys: 1, lua: BLOCK_LUA });
    this.redis = redis as Redis & PolitenessCommands;
  }

  private key(host: string, what: 'bucket' | 'leases' | 'blocked' | 'turns'): string {
    // The {host} hash tag keeps one host's keys in one Redis Cluster slot (the script needs that).
    return `${this.prefix}:fetch:{${host}}:${what}`;
  }

  /** Takes one request token and, unless `leaseId` is already held, one concurrency slot. */
  async acquire(host: string, limits: HostLimits, leaseId: string = randomUUID()): Promise<Acquired> {
    const intervalMs = Math.max(1000 / limits.perSecond, limits.crawlDelaySeconds * 1000);
    const [ok, waitMs, why] = await this.redis.tinflowHostAcquire(
      this.key(host, 'bucket'),
      this.key(host, 'leases'),
      this.key(host, 'blocked'),
      this.key(host, 'turns'),
      intervalMs,
      1, // burst of one: requests are evenly spaced, the politest reading of "N per second"
      limits.concurrency,
      limits.leaseTtlMs,
      leaseId,
    );
    if (ok === 1) return { ok: true, leaseId };
    return { ok: false, waitMs: Math.max(1, Number(waitMs)), why: why as 'blocked' | 'concurrency' | 'rate' };
  }

  async release(host: string, leaseId: string): Promise<void> {
    await this.redis.zrem(this.key(host, 'leases'), leaseId);
  }

  /** Blocks the host for every process (Retry-After on 429/503); never shortens an existing block. */
  async block(host: string, ms: number): Promise<void> {
    if (ms <= 0) return;
    await this.redis.tinflowHostBlock(this.key(host, 'blocked'), Math.ceil(ms));
  }

  /** Test/ops helper: forget all state kept for a host. */
  async reset(host: string): Promise<void> {
    await this.redis.del(this.key(host, 'bucket'), this.key(host, 'leases'), this.key(host, 'blocked'), this.key(host, 'turns'));
  }
}
