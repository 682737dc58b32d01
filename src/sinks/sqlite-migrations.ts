/** Ordered, append-only: never edit a released migration, add the next version. */
export const SQLITE_MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE records (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        canonical_url TEXT NOT NULL,
        title TEXT NOT NULL,
        published_at TEXT,
        content_hash TEXT NOT NULL,
        simhash TEXT,
        duplicate_of TEXT,
        fetched_at TEXT NOT NULL,
        data JSON NOT NULL CHECK (json_valid(data))
      );
      CREATE INDEX records_source_seq ON records (source, seq);
      CREATE INDEX records_published_at ON records (published_at);
      CREATE INDEX records_content_hash ON records (content_hash);
      -- Two records with the same content can never both be originals, even
      -- when two workers race past the dedupe stage with the same article.
      CREATE UNIQUE INDEX records_content_hash_original ON records (content_hash) WHERE duplicate_of IS NULL;
      CREATE TABLE failures (
        url TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL,
        attempts INTEGER NOT NULL
      );
    `,
  },
];
