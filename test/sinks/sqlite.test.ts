import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSink, SinkUnavailableError, SqliteSink } from '../../src/sinks/index.ts';
import { describeSinkContract } from './contract.ts';
import { makeRecord } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), `tf-test-sinks-sqlite-${process.pid}-`));
let n = 0;
const freshPath = () => join(dir, `db-${++n}`, 'nested', 'tinflow.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeSinkContract('sqlite', { freshUrl: () => `sqlite:${freshPath()}`, concurrentWriters: true });

describe('sqlite sink specifics', () => {
  it('creates parent dirs, uses WAL and records the schema version once', async () => {
    const path = freshPath();
    const a = await openSink(`sqlite:${path}`);
    await a.close();
    const b = await openSink(`sqlite:${path}`);
    await b.close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
      const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'records'").pluck().all();
      expect(indexes).toEqual(expect.arrayContaining(['records_source_seq', 'records_published_at', 'records_content_hash', 'records_content_hash_original']));
    } finally {
      db.close();
    }
  });

  it('stores indexed columns (times in UTC) next to the full record', async () => {
    const path = freshPath();
    const sink = await openSink(`sqlite:${path}`);
    const r = makeRecord(1);
    await sink.write(r);
    await sink.close();
    const db = new Database(path, { readonly: true });
    try {
      const row = db.prepare('SELECT * FROM records').get() as Record<string, unknown>;
      expect(row).toMatchObject({
        seq: 1,
        id: r.id,
        source: r.source,
        canonical_url: r.canonicalUrl,
        published_at: '2026-11-20T01:15:00.000Z',
        content_hash: r.contentHash,
        simhash: r.simhash,
        duplicate_of: null,
      });
      expect(JSON.parse(row.data as string)).toEqual(r);
    } finally {
      db.close();
    }
  });

  it('a locked database surfaces as a retryable SinkUnavailableError, then recovers', async () => {
    const path = freshPath();
    const sink = new SqliteSink(path, { busyTimeoutMs: 50 });
    const other = new Database(path);
    try {
      other.exec('BEGIN EXCLUSIVE');
      const err = await sink.write(makeRecord(1)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SinkUnavailableError);
      expect((err as Error).message).toMatch(/locked/);
      expect((err as SinkUnavailableError).retryable).toBe(true);
      other.exec('ROLLBACK');
      expect(await sink.write(makeRecord(1))).toEqual({ status: 'inserted' });
    } finally {
      other.close();
      await sink.close();
    }
  });
});

describe('sqlite sink across processes', () => {
  it('two processes racing on the same content hashes: one original each, no lock errors', async () => {
    const path = freshPath();
    await (await openSink(`sqlite:${path}`)).close();
    const count = 300;
    const script = join(import.meta.dirname, 'sqlite-writer.ts');
    const run = (offset: number) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', script, path, String(offset), String(count)], { timeout: 30_000 });
    const results = (await Promise.all([run(1_000), run(2_000)])).map(
      (r) => JSON.parse(r.stdout) as { outcomes: string[]; started: number; finished: number },
    );
    const [a, b] = results;
    expect(a.started < b.finished && b.started < a.finished, 'the two writers overlapped in time').toBe(true);
    for (let i = 0; i < count; i++) expect([a.outcomes[i], b.outcomes[i]].sort()).toEqual(['duplicate', 'inserted']);
    const sink = await openSink(`sqlite:${path}`);
    expect(await sink.count()).toEqual({ records: count, failures: 0 });
    await sink.close();
  });
});
