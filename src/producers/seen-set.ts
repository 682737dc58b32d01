import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface SeenSetOptions {
  /**
   * Hash buckets per source = 2^bucketBits. Each bucket must stay under Redis'
   * hash-max-listpack-entries (128 by default) to keep the compact listpack encoding, so a
   * source holds about 0.8 x 2^bucketBits x that limit URLs compactly (12 bits: ~400k URLs
   * at 128, ~1.7M at 512). Past that it still works, with ~5x the memory per URL.
   */
  bucketBits?: number;
  /** Current time (tests move it). */
  now?: () => Date;
}

const DAY_MS = 86_400_000;

// KEYS[i]: bucket of URL i; ARGV[1]: first day number still counted as seen; ARGV[i+1]: fingerprint i.
// Returns the 1-based indexes of the URLs not seen (or seen before ARGV[1]).
const FILTER_LUA = `
local minDay = tonumber(ARGV[1])
local unseen = {}
for i = 1, #KEYS do
  local day = redis.call('HGET', KEYS[i], ARGV[i + 1])
  if not day or tonumber(day) < minDay then unseen[#unseen + 1] = i end
end
return unseen`;

// KEYS[1]: per-source counters; KEYS[i]: bucket of URL i-1; ARGV[1]: source; ARGV[2]: today; ARGV[i+1]: fingerprint.
const MARK_LUA = `
local added = 0
for i = 2, #KEYS do
  added = added + redis.call('HSET', KEYS[i], ARGV[i + 1], ARGV[2])
end
if added > 0 then redis.call('HINCRBY', KEYS[1], ARGV[1], added) end
return added`;

// KEYS[1]: per-source counters; KEYS[2..]: buckets of one source; ARGV[1]: source; ARGV[2]: first day kept.
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
const SCRIPTS = {
  filter: { lua: FILTER_LUA, sha: sha1(FILTER_LUA) },
  mark: { lua: MARK_LUA, sha: sha1(MARK_LUA) },
  expire: { lua: EXPIRE_LUA, sha: sha1(EXPIRE_LUA) },
};

function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}

/**
 * Article URLs already fetched, per source, kept for good (BullMQ's jobId dedupe forgets a URL
 * once its job is removed). Each URL is stored as a 8-byte SHA-1 fingerprint -> day number
 * (days since 1970) in one of 2^bucketBits small hashes per source, so Redis keeps them in its
 * compact listpack encoding. Callers pass canonical URLs (canonicalizeUrl); the set does not
 * canonicalize again. filterUnseen and markSeen cost one Redis round trip (one Lua call) each.
 */
export class SeenSet {
  private readonly bucketBits: number;
  private readonly now: () => Date;

  constructor(private readonly redis: Redis, private readonly prefix: string, opts: SeenSetOptions = {}) {
    this.bucketBits = opts.bucketBits ?? 12;
    if (!Number.isInteger(this.bucketBits) || this.bucketBits < 0 || this.bucketBits > 16) throw new RangeError('bucketBits must be an integer from 0 to 16');
    this.now = opts.now ?? (() => new Date());
  }

  /** The URLs (deduplicated, in input order) not seen yet, or last seen at least recrawlDays days ago. */
  async filterUnseen(sourceId: string, urls: string[], opts: { recrawlDays?: number } = {}): Promise<string[]> {
    const unique = [...new Set(urls)];
    if (!unique.length) return [];
    const slots = unique.map((u) => this.slot(sourceId, u));
    const minDay = opts.recrawlDays === undefined ? 0 : this.today() - Math.ceil(opts.recrawlDays) + 1;
    const indexes = (await this.run(SCRIPTS.filter, slots.map((s) => s.key), [String(minDay), ...slots.map((s) => s.field)])) as number[];
    return indexes.map((i) => unique[i - 1]);
  }

  /** Record the URLs as fetched today (a later markSeen refreshes the day). */
  async markSeen(sourceId: string, urls: string[]): Promise<void> {
    if (!urls.length) return;
    const slots = urls.map((u) => this.slot(sourceId, u));
    await this.run(SCRIPTS.mark, [this.countsKey(), ...slots.map((s) => s.key)], [sourceId, String(this.today()), ...slots.map((s) => s.field)]);
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
    let removed = 0;
    for (const sourceId of await this.redis.hkeys(this.countsKey())) {
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${escapeGlob(this.bucketPrefix(sourceId))}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) removed += Number(await this.run(SCRIPTS.expire, [this.countsKey(), ...keys], [sourceId, minDay]));
      } while (cursor !== '0');
    }
    return removed;
  }

  /** Every key this set owns (for cleanup and memory measurement). */
  async keys(): Promise<string[]> {
    const out: string[] = [this.countsKey()];
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${escapeGlob(this.prefix)}:seen:*`, 'COUNT', 1000);
      cursor = next;
      out.push(...keys);
    } while (cursor !== '0');
    return out;
  }

  private today(): number {
    return Math.floor(this.now().getTime() / DAY_MS);
  }

  private countsKey(): string {
    return `${this.prefix}:seen-count`;
  }

  private bucketPrefix(sourceId: string): string {
    return `${this.prefix}:seen:${sourceId}:`;
  }

  private slot(sourceId: string, url: string): { key: string; field: Buffer } {
    const digest = createHash('sha1').update(url).digest();
    const bucket = this.bucketBits ? digest.readUInt16BE(0) >>> (16 - this.bucketBits) : 0;
    return { key: this.bucketPrefix(sourceId) + bucket.toString(36), field: digest.subarray(2, 10) };
  }

  private async run(script: { lua: string; sha: string }, keys: string[], args: (string | Buffer)[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(script.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).includes('NOSCRIPT')) throw err;
      return this.redis.eval(script.lua, keys.length, ...keys, ...args);
    }
  }
}
