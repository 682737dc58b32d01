import { describe, expect, it } from 'vitest';
import { openSink, parseSinkUrl, redactSinkUrl, SinkUrlError } from '../../src/sinks/index.ts';

describe('sink URLs', () => {
  it('parses the three forms', () => {
    expect(parseSinkUrl('sqlite:./data/tinflow.db')).toEqual({ kind: 'sqlite', path: './data/tinflow.db' });
    expect(parseSinkUrl('sqlite:///tmp/x.db')).toEqual({ kind: 'sqlite', path: '/tmp/x.db' });
    expect(parseSinkUrl('jsonl:out/records.jsonl')).toEqual({ kind: 'jsonl', path: 'out/records.jsonl' });
    expect(parseSinkUrl('postgres://u:p@db.internal:5433/news')).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://u:p@db.internal:5433/news',
      schema: 'public',
      poolSize: 5,
    });
  });

  it('strips schema and pool before connecting, keeps the rest', () => {
    const t = parseSinkUrl('postgresql://u@h/db?schema=feed_1&sslmode=require&pool=12');
    expect(t).toEqual({ kind: 'postgres', connectionString: 'postgresql://u@h/db?sslmode=require', schema: 'feed_1', poolSize: 12 });
  });

  it('rejects bad URLs with a message naming the expected forms', () => {
    for (const bad of ['mysql://h/db', 'sqlite:', 'jsonl:', './file.db', 'postgres://h/db?pool=0', 'postgres://h/db?schema=a;drop']) {
      expect(() => parseSinkUrl(bad), bad).toThrow(SinkUrlError);
    }
    expect(() => parseSinkUrl('mysql://h/db')).toThrow(/sqlite:PATH.*jsonl:PATH.*postgres:\/\//);
  });

  it('openSink rejects a bad URL without leaking the password', async () => {
    const err = await openSink('postgres://u:hunter2@h/db?pool=abc').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SinkUrlError);
    expect((err as Error).message).not.toContain('hunter2');
    expect((err as Error).message).toContain('pool=abc');
  });

  it('redacts passwords only', () => {
    expect(redactSinkUrl('postgres://u:hunter2@h:5432/db?schema=s')).toBe('postgres://u:***@h:5432/db?schema=s');
    expect(redactSinkUrl('postgres://h/db?password=hunter2')).not.toContain('hunter2');
    expect(redactSinkUrl('postgres://u:hunt%20er@h/db')).not.toContain('hunt');
    expect(redactSinkUrl('not a url://u:hunter2@h')).not.toContain('hunter2');
    expect(redactSinkUrl('sqlite:./data/tinflow.db')).toBe('sqlite:./data/tinflow.db');
    expect(redactSinkUrl('postgres://u@h/db')).toBe('postgres://u@h/db');
  });
});
