import { JsonlSink } from './jsonl.ts';
import { PostgresSink } from './postgres.ts';
import { SqliteSink } from './sqlite.ts';
import type { Sink } from './types.ts';
import { parseSinkUrl } from './url.ts';

export type { FailureRecord, ReadOptions, RecordListener, RecordPage, Sink, Unsubscribe, WriteOutcome } from './types.ts';
export { InvalidCursorError, SinkUnavailableError, SinkUrlError } from './errors.ts';
export { parseSinkUrl, redactSinkUrl, type SinkTarget } from './url.ts';
export { JsonlSink, PostgresSink, SqliteSink };

/**
 * Opens a sink from its URL: 'sqlite:PATH' | 'jsonl:PATH' | 'postgres://...' |
 * 'postgresql://...' (?schema=NAME, ?pool=N). Throws SinkUrlError on a bad URL.
 * SQLite and JSONL open (and migrate) now; PostgreSQL connects and migrates on
 * first use, so a database outage surfaces as a retryable SinkUnavailableError
 * from the operation rather than from startup.
 */
export async function openSink(url: string): Promise<Sink> {
  const target = parseSinkUrl(url);
  switch (target.kind) {
    case 'sqlite':
      return new SqliteSink(target.path);
    case 'jsonl':
      return JsonlSink.open(target.path);
    case 'postgres':
      return new PostgresSink(target);
  }
}
