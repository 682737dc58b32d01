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
  /** Max Hamming distance that counts as near. Found for sure up to BANDS - 1; above, only candidates sharing a band. */
  nearDistance: number;
};

export type DedupeIndexOptions = {
  /** Members kept, and scanned, per band bucket (the most recent ones). */
  bucketCap?: number;
};

/** 4 bands of 16 bits: two SimHashes within distance 3 agree exactly on at least one band (pigeonhole). */
export const BANDS = 4;
/**
 * Default bucket cap. A bucket holds the records whose simhash has one given 16-bit band,
 * about N / 65536 of N records, so 128 covers ~8M records before the oldest members of a
 * bucket fall out; a claim then verifies at most 4 × 128 candidates inside Redis.
 */
export const DEFAULT_BUCKET_CAP = 128;

const CONTENT_HASH = /^[0-9a-f]{64}$/;
const SIMHASH = /^[0-9a-f]{16}$/;

type DedupeCommands = {
  tinflowDedupeClaim(...args: string[]): Promise<string[]>;
  tinflowDedupeRelease(...args: string[]): Promise<number>;
};

function defineCommands(redis: Redis): DedupeCommands {
  const commands = redis as unknown as Partial<DedupeCommands>;
  if (typeof commands.tinflowDedupeClaim !== 'function') {
    redis.defineCommand('tinflowDedupeClaim', { numberOfKeys: 6, lua: CLAIM_LUA });
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

  private keys(contentHash: string, simhash: string | null): string[] {
    const base = `${this.prefix}:dd`;
    const bands = Array.from({ length: BANDS }, (_, i) => (simhash ? `${base}:b${i}:${simhash.slice(i * 4, i * 4 + 4)}` : `${base}:b${i}:-`));
    return [`${base}:h:${contentHash}`, ...bands, `${base}:seq`];
  }

  /** Atomic: claims contentHash (and indexes simhash) for recordId, or returns who holds it. Idempotent for the same recordId (a retried job gets 'new' again). */
  async claim(input: ClaimInput): Promise<DedupeVerdict> {
    const { recordId, source, contentHash, simhash, nearDistance } = input;
    if (!recordId) throw new RangeError('recordId must be non-empty');
    if (!CONTENT_HASH.test(contentHash)) throw new RangeError(`contentHash must be 64 lowercase hex chars: ${contentHash}`);
    if (simhash !== null && !SIMHASH.test(simhash)) throw new RangeError(`simhash must be 16 lowercase hex chars: ${simhash}`);
    if (!Number.isInteger(nearDistance) || nearDistance < 0 || nearDistance > 64) throw new RangeError(`nearDistance out of range: ${nearDistance}`);

    const reply = await this.commands.tinflowDedupeClaim(
      ...this.keys(contentHash, simhash),
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
