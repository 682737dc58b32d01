import pg from 'pg';
import type { ArticleRecord } from '../schemas/record.ts';
import { checkLimit, decodeCursor, encodeCursor } from './cursor.ts';
import { SinkUnavailableError } from './errors.ts';
import { notifyChannel, POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
import { toRecordRow, validateFailure, type RecordRow } from './row.ts';
import type { FailureRecord, ReadOptions, RecordListener, RecordPage, Sink, Unsubscribe, WriteOutcome } from './types.ts';
import { redactSinkUrl } from './url.ts';

export interface PostgresSinkOptions {
  connectionString: string;
  schema: string;
  poolSize: number;
  connectTimeoutMs?: number;
}

const CURSOR_TAG = 'p';
const ORIGINAL_HASH_INDEX = 'records_content_hash_original';
const TRANSIENT_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
// SQLSTATE: connection exceptions, insufficient resources, shutdown / cannot connect now, serialization, deadlock.
const TRANSIENT_SQLSTATE = /^(08|53|57P0[1-3]|40001|40P01)/;
const TRANSIENT_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; errors?: unknown[] };
  if (typeof e?.code === 'string') return e.code;
  // Node reports a failed connect to several addresses (::1, 127.0.0.1) as an AggregateError.
  const first = Array.isArray(e?.errors) ? (e.errors[0] as { code?: unknown }) : undefined;
  return typeof first?.code === 'string' ? first.code : undefined;
}

export function isTransientPgError(err: unknown): boolean {
  const code = errorCode(err);
  if (code && (TRANSIENT_NET_CODES.has(code) || TRANSIENT_SQLSTATE.test(code))) return true;
  return err instanceof Error && TRANSIENT_MESSAGE.test(err.message);
}

export class PostgresSink implements Sink {
  readonly kind = 'postgres' as const;
  readonly location: string;
  readonly schema: string;
  private readonly pool: pg.Pool;
  private readonly t: { records: string; failures: string; migrations: string; schema: string };
  private ready: Promise<void> | null = null;
  private closed = false;
  private readonly listeners = new Set<pg.Client>();

  constructor(private readonly options: PostgresSinkOptions) {
    this.schema = options.schema;
    const url = new URL(options.connectionString);
    if (options.schema !== 'public') url.searchParams.set('schema', options.schema);
    this.location = redactSinkUrl(url.toString());
    const q = `"${options.schema}"`;
    this.t = { schema: q, records: `${q}.records`, failures: `${q}.failures`, migrations: `${q}.schema_migrations` };
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  private wrap(err: unknown, action: string): unknown {
    if (err instanceof SinkUnavailableError || !isTransientPgError(err)) return err;
    const detail = errorCode(err) ?? (err as Error).message;
    return new SinkUnavailableError(`PostgreSQL sink ${this.location} unavailable during ${action} (${detail}); retry later`, { cause: err });
  }

  /** Creates the schema and tables on first use; a failed attempt is retried by the next call. */
  private ensureReady(): Promise<void> {
    this.ready ??= this.migrate().catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    return this.ready;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Two processes starting together: the second waits here, then finds the work done.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tinflow:migrate:${this.schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.t.schema}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${this.t.migrations} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ v: number }>(`SELECT coalesce(max(version), 0)::int AS v FROM ${this.t.migrations}`);
      const current = rows[0].v;
      await client.query(`SET LOCAL search_path TO ${this.t.schema}`);
      for (const m of POSTGRES_MIGRATIONS) {
        if (m.version <= current) continue;
        await client.query(m.sql);
        await client.query(`INSERT INTO ${this.t.migrations} (version) VALUES ($1)`, [m.version]);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private async run<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      await this.ensureReady();
      return await fn();
    } catch (err) {
      throw this.wrap(err, action);
    }
  }

  async write(record: ArticleRecord): Promise<WriteOutcome> {
    const { row } = toRecordRow(record);
    return this.run('write', () => this.upsert(this.pool, row));
  }

  /**
   * Writes through a caller's client, e.g. inside the caller's transaction. A
   * content-hash conflict then aborts that transaction (PostgreSQL semantics).
   */
  async writeWith(client: pg.ClientBase, record: ArticleRecord): Promise<WriteOutcome> {
    const { row } = toRecordRow(record);
    return this.run('write', () => this.upsert(client, row));
  }

  private async upsert(db: pg.Pool | pg.ClientBase, row: RecordRow): Promise<WriteOutcome> {
    // The original holding a hash could in theory change between the conflict and
    // the lookup (re-written as a duplicate): try again a few times.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        // One statement: the upsert, and the page's earlier failure (if any) is resolved.
        const { rows } = await db.query<{ inserted: boolean }>(
          `WITH up AS (
           INSERT INTO ${this.t.records}
             (id, source, url, canonical_url, title, published_at, content_hash, simhash, duplicate_of, fetched_at, data)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)
           ON CONFLICT (id) DO UPDATE SET
             source = EXCLUDED.source, url = EXCLUDED.url, canonical_url = EXCLUDED.canonical_url,
             title = EXCLUDED.title, published_at = EXCLUDED.published_at, content_hash = EXCLUDED.content_hash,
             simhash = EXCLUDED.simhash, duplicate_of = EXCLUDED.duplicate_of, fetched_at = EXCLUDED.fetched_at,
             data = EXCLUDED.data
           RETURNING (xmax = 0) AS inserted
           ), resolved AS (DELETE FROM ${this.t.failures} WHERE url IN ($3, $4))
           SELECT inserted FROM up`,
          [row.id, row.source, row.url, row.canonical_url, row.title, row.published_at, row.content_hash, row.simhash, row.duplicate_of, row.fetched_at, row.data],
        );
        return { status: rows[0].inserted ? 'inserted' : 'updated' };
      } catch (err) {
        const e = err as { code?: string; constraint?: string };
        if (e.code !== '23505' || e.constraint !== ORIGINAL_HASH_INDEX) throw err;
        const { rows } = await db.query<{ id: string }>(
          `SELECT id FROM ${this.t.records} WHERE content_hash = $1 AND duplicate_of IS NULL`,
          [row.content_hash],
        );
        // Two writers inserting the same id at once: the later insert can trip the hash index
        // before it sees the id conflict. The holder is then this very id: retry, and the
        // ON CONFLICT (id) path turns it into the update it is.
        if (rows[0] && rows[0].id !== row.id) return { status: 'duplicate', of: rows[0].id };
      }
    }
    throw new Error(`content hash ${row.content_hash} kept conflicting without a visible original`);
  }

  async writeFailure(f: FailureRecord): Promise<void> {
    const failure = validateFailure(f);
    return this.run('writeFailure', async () => {
      await this.pool.query(
        `INSERT INTO ${this.t.failures} (url, source, reason, message, at, attempts) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (url) DO UPDATE SET source = EXCLUDED.source, reason = EXCLUDED.reason,
           message = EXCLUDED.message, at = EXCLUDED.at, attempts = EXCLUDED.attempts`,
        [failure.url, failure.source, failure.reason, failure.message, failure.at, failure.attempts],
      );
    });
  }

  /**
   * Pages in (txid, seq) order, i.e. insertion order by transaction. A BIGSERIAL
   * is taken at insert time but becomes visible at commit, so a plain `seq >
   * cursor` feed can pass over a row whose transaction commits late and lose it
   * for good. Every row returned here belongs to a transaction older than the
   * snapshot's xmin, so it was finished before the read: any row not yet visible
   * (in flight now, or future) has txid >= xmin and therefore sorts after the
   * cursor. Rows of recent transactions wait for the next page. Ordering by txid
   * first (not seq) matters: a transaction with an older xid can take a later seq
   * and commit while a younger one is still open.
   */
  async read({ since = null, limit, source }: ReadOptions): Promise<RecordPage> {
    checkLimit(limit);
    const [txid, seq] = since ? decodeCursor(CURSOR_TAG, since, 2) : [0n, 0n];
    return this.run('read', async () => {
      const params: unknown[] = [txid.toString(), seq.toString(), limit];
      const bySource = source === undefined ? '' : `AND r.source = $${params.push(source)}`;
      const { rows } = await this.pool.query<{ txid: string; seq: string; data: ArticleRecord }>(
        `SELECT r.txid::text AS txid, r.seq::text AS seq, r.data
           FROM ${this.t.records} r
          WHERE (r.txid, r.seq) > ($1::xid8, $2::bigint) ${bySource}
            AND r.txid < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY r.txid, r.seq
          LIMIT $3`,
        params,
      );
      const last = rows.at(-1);
      return {
        records: rows.map((r) => r.data),
        nextCursor: last ? encodeCursor(CURSOR_TAG, [last.txid, last.seq]) : null,
      };
    });
  }

  async get(id: string): Promise<ArticleRecord | null> {
    return this.run('get', async () => {
      const { rows } = await this.pool.query<{ data: ArticleRecord }>(`SELECT data FROM ${this.t.records} WHERE id = $1`, [id]);
      return rows[0]?.data ?? null;
    });
  }

  async count(): Promise<{ records: number; failures: number }> {
    return this.run('count', async () => {
      const { rows } = await this.pool.query<{ records: string; failures: string }>(
        `SELECT (SELECT count(*) FROM ${this.t.records}) AS records, (SELECT count(*) FROM ${this.t.failures}) AS failures`,
      );
      return { records: Number(rows[0].records), failures: Number(rows[0].failures) };
    });
  }

  async ping(): Promise<void> {
    return this.run('ping', async () => {
      await this.pool.query('SELECT 1');
    });
  }

  /** LISTEN on a dedicated connection (outside the pool); onRecord gets each inserted id. */
  async subscribe(onRecord: RecordListener, onError?: (err: Error) => void): Promise<Unsubscribe> {
    return this.run('subscribe', async () => {
      const client = new pg.Client({ connectionString: this.options.connectionString });
      const channel = notifyChannel(this.schema);
      client.on('notification', (msg) => {
        if (msg.channel === channel && msg.payload) onRecord(msg.payload);
      });
      client.on('error', (err) => onError?.(this.wrap(err, 'subscribe') as Error));
      await client.connect();
      try {
        await client.query(`LISTEN "${channel}"`);
      } catch (err) {
        await client.end().catch(() => undefined);
        throw err;
      }
      this.listeners.add(client);
      return async () => {
        if (!this.listeners.delete(client)) return;
        await client.end().catch(() => undefined);
      };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.listeners].map((c) => c.end().catch(() => undefined)));
    this.listeners.clear();
    await this.pool.end();
  }
}
