import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ArticleRecord } from '../schemas/record.ts';
import { checkLimit, decodeCursor, encodeCursor } from './cursor.ts';
import { SinkUnavailableError } from './errors.ts';
import { toRecordRow, validateFailure, type RecordRow } from './row.ts';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts';
import type { FailureRecord, ReadOptions, RecordPage, Sink, WriteOutcome } from './types.ts';

export interface SqliteSinkOptions {
  /** How long a writer waits for another connection's lock before failing. */
  busyTimeoutMs?: number;
}

const CURSOR_TAG = 's';
const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED']);

function sqliteCode(err: unknown): string | undefined {
  return err instanceof Database.SqliteError ? err.code : undefined;
}

function isOriginalHashConflict(err: unknown): boolean {
  return (
    sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE' && /records\.content_hash/.test((err as Error).message)
  );
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  // IMMEDIATE takes the write lock first, so two processes opening a new file do not race.
  db.transaction(() => {
    const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    for (const m of SQLITE_MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
    }
  }).immediate();
}

function prepareStatements(db: Database.Database) {
  return {
    exists: db.prepare<[string], { seq: number }>('SELECT seq FROM records WHERE id = ?'),
    upsert: db.prepare<RecordRow>(`
      INSERT INTO records (id, source, url, canonical_url, title, published_at, content_hash, simhash, duplicate_of, fetched_at, data)
      VALUES (@id, @source, @url, @canonical_url, @title, @published_at, @content_hash, @simhash, @duplicate_of, @fetched_at, @data)
      ON CONFLICT (id) DO UPDATE SET
        source = excluded.source, url = excluded.url, canonical_url = excluded.canonical_url, title = excluded.title,
        published_at = excluded.published_at, content_hash = excluded.content_hash, simhash = excluded.simhash,
        duplicate_of = excluded.duplicate_of, fetched_at = excluded.fetched_at, data = excluded.data`),
    original: db.prepare<[string], { id: string }>(
      'SELECT id FROM records WHERE content_hash = ? AND duplicate_of IS NULL',
    ),
    failure: db.prepare<FailureRecord>(`
      INSERT INTO failures (url, source, reason, message, at, attempts)
      VALUES (@url, @source, @reason, @message, @at, @attempts)
      ON CONFLICT (url) DO UPDATE SET
        source = excluded.source, reason = excluded.reason, message = excluded.message,
        at = excluded.at, attempts = excluded.attempts`),
    resolveFailures: db.prepare<[string, string]>('DELETE FROM failures WHERE url IN (?, ?)'),
    get: db.prepare<[string], { data: string }>('SELECT data FROM records WHERE id = ?'),
    page: db.prepare<[number, number], { seq: number; data: string }>(
      'SELECT seq, data FROM records WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    pageBySource: db.prepare<[string, number, number], { seq: number; data: string }>(
      'SELECT seq, data FROM records WHERE source = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    countRecords: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM records'),
    countFailures: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM failures'),
  };
}
type Statements = ReturnType<typeof prepareStatements>;

export class SqliteSink implements Sink {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  private readonly db: Database.Database;
  private readonly stmts: Statements;
  private readonly upsertTx: Database.Transaction<(row: RecordRow) => boolean>;

  constructor(readonly path: string, options: SqliteSinkOptions = {}) {
    this.location = `sqlite:${path}`;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path, { timeout: options.busyTimeoutMs ?? 5_000 });
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      migrate(this.db);
    } catch (err) {
      throw this.wrap(err, 'open');
    }
    this.stmts = prepareStatements(this.db);
    this.upsertTx = this.db.transaction((row: RecordRow): boolean => {
      const existed = this.stmts.exists.get(row.id) !== undefined;
      this.stmts.upsert.run(row);
      // The page was written after all (e.g. replayed): it is no longer a failure.
      this.stmts.resolveFailures.run(row.url, row.canonical_url);
      return existed;
    });
  }

  private wrap(err: unknown, action: string): unknown {
    const code = sqliteCode(err);
    if (code && BUSY_CODES.has(code)) {
      return new SinkUnavailableError(`SQLite sink ${this.location}: database is locked (${code}) during ${action}; retry later`, { cause: err });
    }
    if (code === 'SQLITE_CANTOPEN') {
      return new SinkUnavailableError(`SQLite sink ${this.location}: cannot open the database file`, { cause: err });
    }
    return err;
  }

  async write(input: ArticleRecord): Promise<WriteOutcome> {
    const { row } = toRecordRow(input);
    try {
      const existed = this.upsertTx.immediate(row);
      return { status: existed ? 'updated' : 'inserted' };
    } catch (err) {
      if (isOriginalHashConflict(err)) {
        const original = this.stmts.original.get(row.content_hash);
        if (original) return { status: 'duplicate', of: original.id };
      }
      throw this.wrap(err, 'write');
    }
  }

  async writeFailure(f: FailureRecord): Promise<void> {
    const failure = validateFailure(f);
    try {
      this.stmts.failure.run(failure);
    } catch (err) {
      throw this.wrap(err, 'writeFailure');
    }
  }

  async read({ since = null, limit, source }: ReadOptions): Promise<RecordPage> {
    checkLimit(limit);
    const after = since ? Number(decodeCursor(CURSOR_TAG, since, 1)[0]) : 0;
    const rows =
      source === undefined
        ? this.stmts.page.all(after, limit)
        : this.stmts.pageBySource.all(source, after, limit);
    const last = rows.at(-1);
    return {
      records: rows.map((r) => JSON.parse(r.data) as ArticleRecord),
      nextCursor: last ? encodeCursor(CURSOR_TAG, [last.seq]) : null,
    };
  }

  async get(id: string): Promise<ArticleRecord | null> {
    const row = this.stmts.get.get(id);
    return row ? (JSON.parse(row.data) as ArticleRecord) : null;
  }

  async count(): Promise<{ records: number; failures: number }> {
    return { records: this.stmts.countRecords.get()!.n, failures: this.stmts.countFailures.get()!.n };
  }

  async ping(): Promise<void> {
    try {
      this.db.prepare('SELECT count(*) FROM schema_migrations').get();
    } catch (err) {
      throw this.wrap(err, 'ping');
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteSink(path: string, options?: SqliteSinkOptions): SqliteSink {
  return new SqliteSink(path, options);
}
