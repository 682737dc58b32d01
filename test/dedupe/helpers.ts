import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function uniquePrefix(name: string): string {
  return `tf-test-${name}-${process.pid}-${Date.now()}`;
}

export function connect(): Redis {
  return new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
}

/** Deletes every key under prefix. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** A stand-in content hash: sha256 of a label. */
export function hashOf(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

/** Flips the given bit positions (0 = least significant) of a 16-hex-char simhash. */
export function flipBits(simhash: string, bits: number[]): string {
  let x = BigInt(`0x${simhash}`);
  for (const b of bits) x ^= 1n << BigInt(b);
  return x.toString(16).padStart(16, '0');
}
