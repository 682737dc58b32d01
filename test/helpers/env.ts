import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { deleteKeysUnder } from '../../src/queues/index.ts';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A key prefix no other test file or run uses. */
export function uniquePrefix(tag: string): string {
  return `tf-test-${tag}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

export function tempDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `tinflow-${tag}-`));
}

/** Delete every key under a prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    await deleteKeysUnder(redis, prefix);
  } finally {
    redis.disconnect();
  }
}
