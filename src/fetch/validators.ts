import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

const TTL_SECONDS = 90 * 24 * 3600;

/** ETag / Last-Modified remembered per URL so a later fetch can be conditional. */
export class ValidatorStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(url: string): string {
    return `${this.prefix}:fetch:validators:${createHash('sha1').update(url).digest('hex')}`;
  }

  async get(url: string): Promise<Validators> {
    const h = await this.redis.hgetall(this.key(url));
    const out: Validators = {};
    if (h.etag) out.etag = h.etag;
    if (h.lastModified) out.lastModified = h.lastModified;
    return out;
  }

  async save(url: string, v: Validators): Promise<void> {
    const key = this.key(url);
    if (!v.etag && !v.lastModified) {
      await this.redis.del(key);
      return;
    }
    const fields: Record<string, string> = {};
    if (v.etag) fields.etag = v.etag;
    if (v.lastModified) fields.lastModified = v.lastModified;
    await this.redis.multi().del(key).hset(key, fields).expire(key, TTL_SECONDS).exec();
  }
}

export function conditionalHeaders(v: Validators): Record<string, string> {
  const h: Record<string, string> = {};
  if (v.etag) h['if-none-match'] = v.etag;
  if (v.lastModified) h['if-modified-since'] = v.lastModified;
  return h;
}
