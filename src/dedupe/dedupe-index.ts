import type { Redis } from 'ioredis';
import { metrics } from '../ops/metrics.ts';
import { CLAIM_LUA, RELEASE_LUA } from './lua.ts';

export type DedupeVerdict = { kind: 'new' } | { kind: 'exact'; of: string } | { kind: 'near'; of: string; distance: number };

export type ClaimInput = {
  recordId: string;
  source: string;
  contentHash: string;
  /** null: no near-duplicate lookup and no band registration (stubs too short for a SimHash). */
  simhash: string | null;
  /**
   * Max Hamming distance that counts as near. Every record within it is found for
   * nearDistance <= MAX_GUARANTEED_DISTANCE; above, only those within one bit of the query on some band.
   */
  nearDistance: number;
};

export type DedupeIndexOptions = {
  /** Members kept, and scanned, per band bucket (the most recent ones). */
  bucketCap?: number;
};

/**
 * 4 bands of 16 bits. Two SimHashes within distance 3 agree exactly on at least one band
 * (pigeonhole), so 4 bucket lookups find every candidate. Within distance 7 they differ by
 * at most one bit on some band, so probing each band's 16 one-bit neighbours as well
 * (4 × 17 = 68 lookups, no extra storage) finds every candidate up to 7.
 */
export const BANDS = 4;
const BAND_BITS = 16;
export const MAX_GUARANTEED_DISTANCE = 2 * BANDS - 1;
/**
 * Default bucket cap. A bucket holds the records whose simhash has one given 16-bit band,
 * about N / 65536 of N records, so 128 covers ~8M records before the oldest members of a
 * bucket fall out; a claim then verifies at most 4 × 128 candidates inside Redis.
 */
export const DEFAULT_BUCKET_CAP = 128;

const CONTENT_HASH = /^[0-9a-f]{64}$/;
const SIMHASH = /^[0-9a-f]{16}$/;

function bandHex(value: number): string {
  return value.toString(16).padStart(BAND_BITS / 4, '0');
}

type DedupeCommands = {
  tinflowDedupeClaim(...args: string[]): Promise<string[]>;
  tinflowDedupeRelease(...args: string[]): Promise<number>;
};

function defineCommands(redis: Redis): DedupeCommands {
  const commands = redis as unknown as Partial<DedupeCommands>;
  if (typeof commands.tinflowDedupeClaim !== 'function') {
    // The claim's key count varies with the probes, so it is passed on each call.
    redis.defineCommand('tinflowDedupeClaim', { lua: CLAIM_LUA });
    redis.defineCommand('tinflowDedupeRelease', { numberOfKeys: 6, lua: RELEASE_LUA });
  }
  return redis as unknown as DedupeCommands;
}

/**
 * Shared dedupe index in Redis, keyed under `${prefix}:dd:`. All keys of one claim are
 * passed to one script: on Redis Cluster give the prefix a hash tag ("{tinflow}").
 */
export class DedupeIndex {
  private readonly commands: DedupeCommands;
  private readonly bucketCap: number;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    options: DedupeIndexOptions = {},
  ) {
    this.commands = defineCommands(redis);
    this.bucketCap = options.bucketCap ?? DEFAULT_BUCKET_CAP;
    if (!Number.isInteger(this.bucketCap) || this.bucketCap < 1) throw new RangeError('bucketCap must be a positive integer');
  }

  private bandKey(band: number, value: string): string {
    return `${this.prefix}:dd:b${band}:${value}`;
  }

  private keys(contentHash: string, simhash: string | null): string[] {
    const bands = Array.from({ length: BANDS }, (_, i) => this.bandKey(i, simhash ? simhash.slice(i * 4, i * 4 + 4) : '-'));
    return [`${this.prefix}:dd:h:${contentHash}`, ...bands, `${this.prefix}:dd:seq`];
  }

  /** Buckets one bit away from each of the simhash's bands. */
  private neighbourKeys(simhash: string): string[] {
    const keys: string[] = [];
    for (let i = 0; i < BANDS; i++) {
      const value = parseInt(simhash.slice(i * 4, i * 4 + 4), 16);
      for (let bit = 0; bit < BAND_BITS; bit++) keys.push(this.bandKey(i, bandHex(value ^ (1 << bit))));
    }
    return keys;
  }

  /** Atomic: claims contentHash (and indexes simhash) for recordId, or returns who holds it. Idempotent for the same recordId (a retried job gets 'new' again). */
  async claim(input: ClaimInput): Promise<DedupeVerdict> {
    const { recordId, source, contentHash, simhash, nearDistance } = input;
    if (!recordId) throw new RangeError('recordId must be non-empty');
    if (!CONTENT_HASH.test(contentHash)) throw new RangeError(`contentHash must be 64 lowercase hex chars: ${contentHash}`);
    if (simhash !== null && !SIMHASH.test(simhash)) throw new RangeError(`simhash must be 16 lowercase hex chars: ${simhash}`);
    if (!Number.isInteger(nearDistance) || nearDistance < 0 || nearDistance > 64) throw new RangeError(`nearDistance out of range: ${nearDistance}`);

    const keys = this.keys(contentHash, simhash);
    if (simhash && nearDistance >= BANDS) keys.push(...this.neighbourKeys(simhash));
    const reply = await this.commands.tinflowDedupeClaim(
      String(keys.length),
      ...keys,
      recordId,
      simhash ?? '',
      String(nearDistance),
      String(this.bucketCap),
    );
    const [kind, of, distance] = reply;
    if (kind === 'new') return { kind: 'new' };
    if (kind === 'exact') {
      metrics.duplicates.inc({ source, kind: 'exact' });
      return { kind: 'exact', of };
    }
    if (kind === 'near') {
      metrics.duplicates.inc({ source, kind: 'near' });
      return { kind: 'near', of, distance: Number(distance) };
    }
    throw new Error(`unexpected dedupe reply: ${JSON.stringify(reply)}`);
  }

  /** Undoes a claim (when the sink write failed for good): frees the hash if recordId holds it and unindexes the simhash. */
  async release(recordId: string, contentHash: string, simhash: string | null): Promise<void> {
    await this.commands.tinflowDedupeRelease(...this.keys(contentHash, simhash), recordId, simhash ?? '');
  }
}
