import { InvalidCursorError } from './errors.ts';

/**
 * Cursors are opaque to consumers: base64url of "<tag>:<decimal>[:<decimal>]".
 * The tag stops a cursor from one sink kind being read by another.
 */
export function encodeCursor(tag: string, parts: ReadonlyArray<bigint | number | string>): string {
  return Buffer.from(`${tag}:${parts.join(':')}`, 'utf8').toString('base64url');
}

export function decodeCursor(tag: string, cursor: string, arity: number): bigint[] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const parts = text.split(':');
  if (parts[0] !== tag || parts.length !== arity + 1) throw new InvalidCursorError(cursor);
  const values = parts.slice(1);
  if (!values.every((v) => /^\d{1,20}$/.test(v))) throw new InvalidCursorError(cursor);
  return values.map((v) => BigInt(v));
}

export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`read limit must be a positive integer, got ${limit}`);
}
