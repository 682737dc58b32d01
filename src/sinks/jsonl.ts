import { appendFile, access, mkdir, open } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname } from 'node:path';
import type { ArticleRecord } from '../schemas/record.ts';
import { checkLimit, decodeCursor, encodeCursor } from './cursor.ts';
import { SinkUnavailableError } from './errors.ts';
import { LineTail, readSpans } from './line-tail.ts';
import { toRecordData, validateFailure } from './row.ts';
import type { FailureRecord, ReadOptions, RecordPage, Sink, WriteOutcome } from './types.ts';

const CURSOR_TAG = 'j';
const TRANSIENT_FS_CODES = new Set(['ENOSPC', 'EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'EIO']);

interface Entry {
  id: string;
  source: string;
  contentHash: string;
  isOriginal: boolean;
  /** Line of the first write: the record's position in read() order. */
  line: number;
  /** Span of the latest line for this id (a changed re-write appends a new line). */
  offset: number;
  byteLength: number;
}

interface PendingWrite {
  record: ArticleRecord;
  data: string;
  resolve: (outcome: WriteOutcome) => void;
  reject: (err: unknown) => void;
}

/**
 * One JSON record per line, appended with O_APPEND (fs.appendFile) and no lock.
 * The file is the log: a re-write of an existing id appends only if the record
 * changed, and the last line for an id wins while the first fixes its position.
 * Ids and content hashes are re-read from the file before each write, so
 * retries are idempotent across processes too; but check-then-append is not
 * atomic between processes: run several writers against sqlite or postgres.
 */
export class JsonlSink implements Sink {
  readonly kind = 'jsonl' as const;
  readonly location: string;
  readonly failuresPath: string;
  /** Lines that were not a record (torn write, hand edit): ignored. */
  skippedLines = 0;

  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private readonly originalByHash = new Map<string, string>();
  private readonly failureUrls = new Set<string>();
  private readonly records: LineTail;
  private readonly failures: LineTail;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pendingWrites: PendingWrite[] = [];

  private constructor(readonly path: string) {
    this.location = `jsonl:${path}`;
    this.failuresPath = `${path}.failures.jsonl`;
    this.records = new LineTail(path, (text, line, offset, byteLength) => this.indexRecordLine(text, line, offset, byteLength));
    this.failures = new LineTail(this.failuresPath, (text) => this.indexFailureLine(text));
  }

  static async open(path: string): Promise<JsonlSink> {
    const sink = new JsonlSink(path);
    try {
      await mkdir(dirname(path), { recursive: true });
      // A fragment without a newline is a torn write (crash): seal it so the next
      // append starts on a fresh line; the fragment itself is skipped as invalid.
      if ((await sink.records.catchUp()) > 0) await appendFile(path, '\n');
      if ((await sink.failures.catchUp()) > 0) await appendFile(sink.failuresPath, '\n');
      await sink.records.catchUp();
      await sink.failures.catchUp();
    } catch (err) {
      throw sink.wrap(err, 'open');
    }
    return sink;
  }

  private indexRecordLine(text: string, line: number, offset: number, byteLength: number): void {
    let parsed: Partial<ArticleRecord>;
    try {
      parsed = JSON.parse(text) as Partial<ArticleRecord>;
    } catch {
      this.skippedLines++;
      return;
    }
    if (typeof parsed?.id !== 'string' || typeof parsed.contentHash !== 'string' || typeof parsed.source !== 'string') {
      this.skippedLines++;
      return;
    }
    this.indexRecord(parsed.id, parsed.source, parsed.contentHash, parsed.duplicateOf == null, line, offset, byteLength);
  }

  private indexRecord(id: string, source: string, contentHash: string, isOriginal: boolean, line: number, offset: number, byteLength: number): void {
    const existing = this.byId.get(id);
    if (existing) {
      if (existing.isOriginal && this.originalByHash.get(existing.contentHash) === existing.id) {
        this.originalByHash.delete(existing.contentHash);
      }
      Object.assign(existing, { source, contentHash, isOriginal, offset, byteLength });
    } else {
      const entry: Entry = { id, source, contentHash, isOriginal, line, offset, byteLength };
      this.entries.push(entry);
      this.byId.set(entry.id, entry);
    }
    // First original wins, as the unique index does in the databases.
    if (isOriginal && !this.originalByHash.has(contentHash)) this.originalByHash.set(contentHash, id);
  }

  /**
   * Appends whole lines with O_APPEND. When the file then ends exactly where our lines do,
   * nobody else wrote in between, so they are indexed from memory instead of being read back
   * and parsed; otherwise the tail reads everything new, ours included.
   */
  private async appendRecords(written: { record: ArticleRecord; data: string }[]): Promise<void> {
    const start = this.records.offset;
    const byteLengths = written.map((w) => Buffer.byteLength(w.data));
    const text = written.map((w) => `${w.data}\n`).join('');
    const fh = await open(this.path, 'a');
    let size: number;
    try {
      await fh.writeFile(text);
      ({ size } = await fh.stat());
    } finally {
      await fh.close();
    }
    const total = byteLengths.reduce((a, n) => a + n + 1, 0);
    if (size !== start + total) {
      await this.records.catchUp();
      return;
    }
    this.records.skipOwn(byteLengths).forEach(({ line, offset }, i) => {
      const { record } = written[i];
      this.indexRecord(record.id, record.source, record.contentHash, record.duplicateOf == null, line, offset, byteLengths[i]);
    });
  }

  private indexFailureLine(text: string): void {
    try {
      const { url, resolvedAt } = JSON.parse(text) as { url?: unknown; resolvedAt?: unknown };
      if (typeof url !== 'string') return;
      if (resolvedAt === undefined) this.failureUrls.add(url);
      else this.failureUrls.delete(url);
    } catch {
      // torn line: ignored
    }
  }

  /** Serializes operations in this process: index updates and check-then-append. */
  private exclusive<T>(action: string, fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn).catch((err: unknown) => {
      throw this.wrap(err, action);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private wrap(err: unknown, action: string): unknown {
    const code = (err as NodeJS.ErrnoException)?.code;
    if (code && TRANSIENT_FS_CODES.has(code)) {
      return new SinkUnavailableError(`JSONL sink ${this.location}: ${code} during ${action}; retry later`, { cause: err });
    }
    return err;
  }

  /**
   * Group commit: writes that arrive while a flush runs are appended together in the next one,
   * with one tail read and one append per batch instead of four file calls per record.
   */
  async write(input: ArticleRecord): Promise<WriteOutcome> {
    const { record, data } = toRecordData(input);
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.pendingWrites.push({ record, data, resolve, reject });
      if (this.pendingWrites.length === 1) void this.exclusive('write', () => this.flushWrites());
    });
  }

  private async flushWrites(): Promise<void> {
    const batch = this.pendingWrites.splice(0);
    try {
      // A fragment another writer is still appending: our lines would not start at the tail's offset.
      const pendingFragment = (await this.records.catchUp()) > 0;
      const lines: { record: ArticleRecord; data: string }[] = [];
      const claimedHashes = new Map<string, string>();
      const writtenNow = new Map<string, string>();
      const outcomes: WriteOutcome[] = [];
      for (const { record, data } of batch) {
        if (record.duplicateOf === null) {
          const holder = this.originalByHash.get(record.contentHash) ?? claimedHashes.get(record.contentHash);
          if (holder !== undefined && holder !== record.id) {
            outcomes.push({ status: 'duplicate', of: holder });
            continue;
          }
          claimedHashes.set(record.contentHash, record.id);
        }
        const existing = this.byId.get(record.id);
        const earlier = writtenNow.get(record.id);
        if (existing || earlier !== undefined) {
          const current = earlier ?? (await readSpans(this.path, [existing!]))[0];
          if (current !== data) lines.push({ record, data });
          outcomes.push({ status: 'updated' });
        } else {
          lines.push({ record, data });
          outcomes.push({ status: 'inserted' });
        }
        writtenNow.set(record.id, data);
      }
      if (lines.length && !pendingFragment) await this.appendRecords(lines);
      else if (lines.length) {
        await appendFile(this.path, lines.map((l) => `${l.data}\n`).join(''));
        await this.records.catchUp();
      }
      // Only pages actually written clear their failure; a duplicate writes and resolves nothing.
      await this.resolveFailures(batch.flatMap(({ record }, i) => (outcomes[i].status === 'duplicate' ? [] : [record.url, record.canonicalUrl])));
      batch.forEach((w, i) => w.resolve(outcomes[i]));
    } catch (err) {
      const failure = this.wrap(err, 'write');
      for (const w of batch) w.reject(failure);
    }
  }

  /** The page was written after all (e.g. replayed): a tombstone line clears its failure. */
  private async resolveFailures(urls: string[]): Promise<void> {
    await this.failures.catchUp();
    const resolvedAt = new Date().toISOString();
    const lines = [...new Set(urls)].filter((u) => this.failureUrls.has(u)).map((url) => `${JSON.stringify({ url, resolvedAt })}\n`);
    if (lines.length === 0) return;
    await appendFile(this.failuresPath, lines.join(''));
    await this.failures.catchUp();
  }

  async writeFailure(f: FailureRecord): Promise<void> {
    const failure = validateFailure(f);
    return this.exclusive('writeFailure', async () => {
      await appendFile(this.failuresPath, `${JSON.stringify(failure)}\n`);
      await this.failures.catchUp();
    });
  }

  async read({ since = null, limit, source }: ReadOptions): Promise<RecordPage> {
    checkLimit(limit);
    const afterLine = since ? Number(decodeCursor(CURSOR_TAG, since, 1)[0]) : 0;
    return this.exclusive('read', async () => {
      await this.records.catchUp();
      const page: Entry[] = [];
      for (let i = firstEntryAfter(this.entries, afterLine); i < this.entries.length && page.length < limit; i++) {
        const entry = this.entries[i];
        if (source === undefined || entry.source === source) page.push(entry);
      }
      const texts = await readSpans(this.path, page);
      const last = page.at(-1);
      return {
        records: texts.map((t) => JSON.parse(t) as ArticleRecord),
        nextCursor: last ? encodeCursor(CURSOR_TAG, [last.line]) : null,
      };
    });
  }

  async get(id: string): Promise<ArticleRecord | null> {
    return this.exclusive('get', async () => {
      await this.records.catchUp();
      const entry = this.byId.get(id);
      if (!entry) return null;
      const [text] = await readSpans(this.path, [entry]);
      return JSON.parse(text) as ArticleRecord;
    });
  }

  async count(): Promise<{ records: number; failures: number }> {
    return this.exclusive('count', async () => {
      await this.records.catchUp();
      await this.failures.catchUp();
      return { records: this.byId.size, failures: this.failureUrls.size };
    });
  }

  async ping(): Promise<void> {
    try {
      await access(dirname(this.path), constants.W_OK);
    } catch (err) {
      throw new SinkUnavailableError(`JSONL sink ${this.location}: directory not writable`, { cause: err });
    }
  }

  async close(): Promise<void> {
    await this.queue;
  }
}

/** Index of the first entry whose line is after `line` (entries are sorted by line). */
function firstEntryAfter(entries: ReadonlyArray<Entry>, line: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid].line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function openJsonlSink(path: string): Promise<JsonlSink> {
  return JsonlSink.open(path);
}
