import type { ArticleRecord } from '../schemas/record.ts';

export interface FailureRecord {
  url: string;
  source: string;
  reason: string;
  message: string;
  /** ISO 8601 */
  at: string;
  attempts: number;
}

export type WriteOutcome =
  /** Keyed by record.id: a retried job never makes a second record. */
  | { status: 'inserted' }
  | { status: 'updated' }
  /** Another id already holds this contentHash as an original; nothing was written. */
  | { status: 'duplicate'; of: string };

export interface RecordPage {
  records: ArticleRecord[];
  /**
   * Opaque; pass back as `since` for the next page. Set whenever the page holds
   * records (so the last page still yields a resumable position); null only for
   * an empty page: nothing more right now, keep your `since` and poll later.
   * Records keep the position of their first insertion: an update never moves
   * a record to a later page.
   */
  nextCursor: string | null;
}

export interface ReadOptions {
  since?: string | null;
  limit: number;
  source?: string;
}

/** Called with the id of each newly inserted record. */
export type RecordListener = (id: string) => void;
export type Unsubscribe = () => Promise<void>;

export interface Sink {
  readonly kind: 'sqlite' | 'jsonl' | 'postgres';
  /** For humans; passwords redacted. */
  readonly location: string;
  write(record: ArticleRecord): Promise<WriteOutcome>;
  /** A page that failed is recorded with its reason (upsert by url), never as an empty record. */
  writeFailure(f: FailureRecord): Promise<void>;
  /** Records in insertion order, cursor-paged. */
  read(opts: ReadOptions): Promise<RecordPage>;
  get(id: string): Promise<ArticleRecord | null>;
  count(): Promise<{ records: number; failures: number }>;
  /** Throws SinkUnavailableError if the store cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * PostgreSQL only: follow new inserts (LISTEN/NOTIFY). Notifications are a
   * wake-up signal, not a log: they are lost while disconnected, so a consumer
   * that must see every record re-reads with its cursor after a wake-up.
   */
  subscribe?(onRecord: RecordListener, onError?: (err: Error) => void): Promise<Unsubscribe>;
}
