import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface SeenSetOptions {
  /**
   * Average URLs per hash bucket a level is sized for (default 64). Keep it at most half of
   * Redis' hash-max-listpack-entries (128 by default) so buckets stay in the compact listpack
   * encoding; a bucket that outgrows it still works, with ~5x the memory per URL.
   */
  perBucket?: number;
  /** Current time (tests move it). */
  now?: () => Date;
}

const DAY_MS = 86_400_000;
/** Days count from 2020-01-01: values up to 4095 (year 2031) fit listpack's 2-byte integers. */
const DAY_EPOCH_MS = Date.UTC(2020, 0, 1);
/** Bucket-index widths of the levels, in bits: 256, 1024, 4096, 16384, 65536 buckets. */
const LEVEL_BITS = [8, 10, 12, 14, 16];

// Shared by the scripts. ARGV[1]: bucket key prefix of the source; ARGV[2]: day number;
// ARGV[3]: source id; ARGV[4]: perBucket; then pairs (16-bit bucket number, 8-byte fingerprint).
// KEYS[1]: per-source URL counts; KEYS[2]: per-source highest level used.
// Bucket keys are derived here from ARGV[1] (single-node Redis, like BullMQ's own scripts).
const LUA_COMMON = `
local BITS = {${LEVEL_BITS.join(', ')}}
local base, day, source, perBucket = ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4])
local maxLevel = tonumber(redis.call('HGET', KEYS[2], source) or '0')
local function bucketKey(level, p)
  return base .. level .. '-' .. string.format('%x', math.floor(p / 2 ^ (16 - BITS[level])))
end
local function find(p, field)
  for level = 1, maxLevel do
    local key = bucketKey(level, p)
    local seenDay = redis.call('HGET', key, field)
    if seenDay then return key, tonumber(seenDay) end
  end
  return nil, nil
end
`;

// Returns the 1-based indexes of the URLs not seen, or last seen before day ARGV[2].
const FILTER_LUA = `${LUA_COMMON}
local unseen = {}
for i = 1, (#ARGV - 4) / 2 do
  local key, seenDay = find(tonumber(ARGV[2 * i + 3]), ARGV[2 * i + 4])
  if not seenDay or seenDay < day then unseen[#unseen + 1] = i end
end
return unseen`;

// A known URL gets today's day in place; a new one goes to the level sized for the source's
// current count, so small sources use few keys and large ones spread over more buckets.
const MARK_LUA = `${LUA_COMMON}
local count = tonumber(redis.call('HGET', KEYS[1], source) or '0')
local added = 0
for i = 1, (#ARGV - 4) / 2 do
  local p, field = tonumber(ARGV[2 * i + 3]), ARGV[2 * i + 4]
  local key = find(p, field)
  if not key then
    local level, capacity = #BITS, 0
    for l = 1, #BITS do
      capacity = capacity + perBucket * 2 ^ BITS[l]
      if count + added < capacity then level = l break end
    end
    if level > maxLevel then
      maxLevel = level
      redis.call('HSET', KEYS[2], source, level)
    end
    key = bucketKey(level, p)
    added = added + 1
  end
  redis.call('HSET', key, field, day)
end
if added > 0 then redis.call('HINCRBY', KEYS[1], source, added) end
return added`;

// KEYS[1]: counts; KEYS[2..]: bucket keys of source ARGV[1]; ARGV[2]: first day kept.
const EXPIRE_LUA = `
local minDay = tonumber(ARGV[2])
local removed = 0
for i = 2, #KEYS do
  local flat = redis.call('HGETALL', KEYS[i])
  local old = {}
  for j = 1, #flat, 2 do
    if tonumber(flat[j + 1]) < minDay then old[#old + 1] = flat[j] end
  end
  for j = 1, #old, 500 do
    removed = removed + redis.call('HDEL', KEYS[i], unpack(old, j, math.min(j + 499, #old)))
  end
end
if removed > 0 then redis.call('HINCRBY', KEYS[1], ARGV[1], -removed) end
return removed`;

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const script = (lua: string) => ({ lua, sha: sha1(lua) });
const SCRIPTS = { filter: script(FILTER_LUA), mark: script(MARK_LUA), expire: script(EXPIRE_LUA) };

function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}

/**
 * Article URLs already fetched, per source, kept for good (BullMQ's jobId dedupe forgets a URL
 * once its job is removed). A URL is stored as an 8-byte SHA-1 fingerprint -> day number
 * (days since 2020-01-01) in a small hash, so Redis keeps it in its compact listpack encoding
 * (about 15-20 bytes per URL). Buckets come in levels of 256, 1024, ... 65536 hashes per
 * source: a source fills level 1 first and moves to a wider level as it grows, so a small
 * source costs a few hundred keys and a large one never overfills a bucket.
 *
 * Callers pass canonical URLs (canonicalizeUrl); the set does not canonicalize again.
 * filterUnseen and markSeen cost one Redis round trip each (one Lua call per batch; one more
 * only the first time a script runs after a Redis restart).
 */
export class SeenSet {
  private readonly perBucket: number;
  private readonly now: () => Date;

  constructor(private readonly redis: Redis, private readonly prefix: string, opts: SeenSetOptions = {}) {
    this.perBucket = opts.perBucket ?? 64;
    if (!(this.perBucket >= 1)) throw new RangeError('perBucket must be at least 1');
    this.now = opts.now ?? (() => new Date());
  }

  /** The URLs (deduplicated, in input order) not seen yet, or last seen at least recrawlDays days ago. */
  async filterUnseen(sourceId: string, urls: string[], opts: { recrawlDays?: number } = {}): Promise<string[]> {
    const unique = [...new Set(urls)];
    if (!unique.length) return [];
    const minDay = opts.recrawlDays === undefined ? -1e9 : this.today() - Math.ceil(opts.recrawlDays) + 1;
    const indexes = (await this.run(SCRIPTS.filter, sourceId, minDay, unique)) as number[];
    return indexes.map((i) => unique[i - 1]);
  }

  /** Record the URLs as fetched today (marking a known URL again refreshes its day). */
  async markSeen(sourceId: string, urls: string[]): Promise<void> {
    if (urls.length) await this.run(SCRIPTS.mark, sourceId, this.today(), urls);
  }

  /** URLs remembered for one source, or for all sources. */
  async size(sourceId?: string): Promise<number> {
    if (sourceId !== undefined) return Number((await this.redis.hget(this.countsKey(), sourceId)) ?? 0);
    const counts = await this.redis.hvals(this.countsKey());
    return counts.reduce((sum, c) => sum + Number(c), 0);
  }

  /** Forget URLs last seen more than maxAgeDays days ago; returns how many were forgotten. */
  async expire(maxAgeDays: number): Promise<number> {
    const minDay = String(this.today() - Math.ceil(maxAgeDays));
    const levels = await this.redis.hgetall(this.levelsKey());
    let removed = 0;
    // Bucket names are known from the levels in use: no SCAN over the whole keyspace.
    for (const [sourceId, maxLevel] of Object.entries(levels)) {
      const base = this.bucketPrefix(sourceId);
      for (let level = 1; level <= Number(maxLevel); level++) {
        const buckets = 2 ** LEVEL_BITS[level - 1];
        for (let start = 0; start < buckets; start += 1024) {
          const keys = Array.from({ length: Math.min(1024, buckets - start) }, (_, i) => `${base}${level}-${(start + i).toString(16)}`);
          removed += Number(await this.evalScript(SCRIPTS.expire, [this.countsKey(), ...keys], [sourceId, minDay]));
        }
      }
    }
    return removed;
  }

  /** Every key this set owns (for cleanup and memory measurement). */
  async keys(): Promise<string[]> {
    const out = [this.countsKey(), this.levelsKey()];
    for await (const keys of this.scanKeys(`${escapeGlob(this.prefix)}:seen:*`)) out.push(...keys);
    return out;
  }

  private async *scanKeys(pattern: string): AsyncGenerator<string[]> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) yield keys;
    } while (cursor !== '0');
  }

  private today(): number {
    return Math.floor((this.now().getTime() - DAY_EPOCH_MS) / DAY_MS);
  }

  private countsKey(): string {
    return `${this.prefix}:seen-count`;
  }

  private levelsKey(): string {
    return `${this.prefix}:seen-level`;
  }

  private bucketPrefix(sourceId: string): string {
    return `${this.prefix}:seen:${sourceId}:`;
  }

  private run(s: { lua: string; sha: string }, sourceId: string, day: number, urls: string[]): Promise<unknown> {
    const args: (string | Buffer)[] = [this.bucketPrefix(sourceId), String(day), sourceId, String(this.perBucket)];
    for (const url of urls) {
      const digest = createHash('sha1').update(url).digest();
      args.push(String(digest.readUInt16BE(0)), digest.subarray(2, 10));
    }
    return this.evalScript(s, [this.countsKey(), this.levelsKey()], args);
  }

  private async evalScript(s: { lua: string; sha: string }, keys: string[], args: (string | Buffer)[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(s.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).includes('NOSCRIPT')) throw err;
      return this.redis.eval(s.lua, keys.length, ...keys, ...args);
    }
  }
}
