import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openSink, PostgresSink, SinkUnavailableError } from '../../src/sinks/index.ts';
import { describeSinkContract } from './contract.ts';
import { makeRecord, readAll, sleep } from './fixtures.ts';

const BASE = 'postgres://postgres@127.0.0.1:5432/test';
const prefix = `tf_test_sinks_${process.pid}_${Date.now()}`;
const schemas: string[] = [];
const freshSchema = () => {
  const name = `${prefix}_${schemas.length}`;
  schemas.push(name);
  return name;
};
const urlFor = (schema: string) => `${BASE}?schema=${schema}`;

afterAll(async () => {
  const client = new pg.Client({ connectionString: BASE });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await client.end();
  }
});

describeSinkContract('postgres', { freshUrl: () => urlFor(freshSchema()), concurrentWriters: true });

async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BASE });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('postgres sink specifics', () => {
  it('two processes migrating a new schema at once: one migration, no error', async () => {
    const schema = freshSchema();
    const a = await openSink(urlFor(schema));
    const b = await openSink(`${urlFor(schema)}&pool=2`);
    try {
      await Promise.all([a.ping(), b.ping(), a.count(), b.count()]);
      const versions = await withClient((c) => c.query(`SELECT version FROM "${schema}".schema_migrations`));
      expect(versions.rows).toEqual([{ version: 1 }]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('cursor: a row whose transaction commits late is not skipped', async () => {
    const sink = (await openSink(urlFor(freshSchema()))) as PostgresSink;
    const held = new pg.Client({ connectionString: BASE });
    await held.connect();
    try {
      const before = makeRecord(1);
      await sink.write(before);
      const first = await readAll(sink, { limit: 10, expected: 1 });
      expect(first.records.map((r) => r.id)).toEqual([before.id]);

      // X takes its seq inside an open transaction; Y takes a later seq and commits first.
      const x = makeRecord(2);
      const y = makeRecord(3);
      await held.query('BEGIN');
      await sink.writeWith(held, x);
      await sink.write(y);
      const between = await sink.read({ since: first.cursor, limit: 10 });
      expect(between.records.map((r) => r.id)).not.toContain(y.id); // held back behind X
      await held.query('COMMIT');

      const rest = await readAll(sink, { limit: 10, since: between.nextCursor ?? first.cursor, expected: 2 });
      expect(rest.records.map((r) => r.id)).toEqual([x.id, y.id]);
    } finally {
      await held.end();
      await sink.close();
    }
  });

  it('cursor: an older transaction taking a later seq is not skipped either', async () => {
    const sink = (await openSink(urlFor(freshSchema()))) as PostgresSink;
    const older = new pg.Client({ connectionString: BASE });
    const younger = new pg.Client({ connectionString: BASE });
    await Promise.all([older.connect(), younger.connect()]);
    try {
      await sink.ping();
      // `older` gets its transaction id first but inserts last, then commits first.
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await younger.query('BEGIN');
      const x = makeRecord(2);
      const y = makeRecord(3);
      await sink.writeWith(younger, x); // lower seq, younger transaction
      await sink.writeWith(older, y); // higher seq, older transaction
      await older.query('COMMIT');
      const between = await readAll(sink, { limit: 10, expected: 1 });
      expect(between.records.map((r) => r.id)).toEqual([y.id]);
      await younger.query('COMMIT');
      const rest = await readAll(sink, { limit: 10, since: between.cursor, expected: 1 });
      expect(rest.records.map((r) => r.id)).toEqual([x.id]);
    } finally {
      await Promise.all([older.end(), younger.end()]);
      await sink.close();
    }
  });

  it('subscribe: NOTIFY carries the id of each inserted record (not of updates)', async () => {
    const sink = await openSink(urlFor(freshSchema()));
    try {
      const ids: string[] = [];
      const unsubscribe = await sink.subscribe!((id) => ids.push(id));
      const a = makeRecord(1);
      const b = makeRecord(2);
      await sink.write(a);
      await sink.write(a);
      await sink.write(b);
      const deadline = Date.now() + 5_000;
      while (ids.length < 2 && Date.now() < deadline) await sleep(10);
      await sleep(50);
      expect(ids).toEqual([a.id, b.id]);
      await unsubscribe();
      await sink.write(makeRecord(3));
      await sleep(50);
      expect(ids).toHaveLength(2);
    } finally {
      await sink.close();
    }
  });

  it('stores the columns for consumers: JSONB data, timestamptz, simhash', async () => {
    const schema = freshSchema();
    const sink = await openSink(urlFor(schema));
    try {
      const r = makeRecord(1);
      await sink.write(r);
      const { rows } = await withClient((c) =>
        c.query(`SELECT id, source, published_at, content_hash, simhash, duplicate_of, data FROM "${schema}".records`),
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: r.id, source: r.source, content_hash: r.contentHash, simhash: r.simhash, duplicate_of: null, data: r });
      expect((rows[0].published_at as Date).toISOString()).toBe('2026-11-20T01:15:00.000Z');
    } finally {
      await sink.close();
    }
  });

  it('an unreachable server is a retryable SinkUnavailableError with the password redacted', async () => {
    const sink = await openSink('postgres://postgres:s3cret@127.0.0.1:1/test?schema=nowhere');
    try {
      expect(sink.location).not.toContain('s3cret');
      const err = await sink.write(makeRecord(1)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SinkUnavailableError);
      expect((err as Error).message).toMatch(/unavailable.*ECONNREFUSED/);
      expect((err as Error).message).not.toContain('s3cret');
      await expect(sink.ping()).rejects.toBeInstanceOf(SinkUnavailableError);
    } finally {
      await sink.close();
    }
  });
});
