/**
 * Ordered, append-only: never edit a released migration, add the next version.
 * Each runs with search_path set to the sink's schema, inside the migration
 * transaction that holds the advisory lock.
 */
export const POSTGRES_MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE records (
        seq BIGSERIAL PRIMARY KEY,
        -- The inserting transaction: read() pages by (txid, seq) and holds back rows
        -- of transactions that may still be in flight (see PostgresSink.read).
        txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        id TEXT NOT NULL CONSTRAINT records_id_key UNIQUE,
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        canonical_url TEXT NOT NULL,
        title TEXT NOT NULL,
        published_at TIMESTAMPTZ,
        content_hash TEXT NOT NULL,
        simhash TEXT,
        duplicate_of TEXT,
        fetched_at TIMESTAMPTZ NOT NULL,
        data JSONB NOT NULL
      );
      -- Paging order; (source, txid, seq) serves the source-filtered feed.
      CREATE INDEX records_txid_seq ON records (txid, seq);
      CREATE INDEX records_source_txid_seq ON records (source, txid, seq);
      CREATE INDEX records_published_at ON records (published_at);
      CREATE INDEX records_content_hash ON records (content_hash);
      -- Two records with the same content can never both be originals, even when
      -- two workers race past the dedupe stage with the same article.
      CREATE UNIQUE INDEX records_content_hash_original ON records (content_hash) WHERE duplicate_of IS NULL;

      CREATE TABLE failures (
        url TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        message TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL,
        attempts INTEGER NOT NULL
      );

      CREATE FUNCTION notify_record_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('tinflow:' || TG_TABLE_SCHEMA, NEW.id);
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER records_notify_insert AFTER INSERT ON records
        FOR EACH ROW EXECUTE FUNCTION notify_record_inserted();
    `,
  },
];

/** The LISTEN/NOTIFY channel of a schema's records table (kept in sync with the trigger above). */
export const notifyChannel = (schema: string) => `tinflow:${schema}`;
