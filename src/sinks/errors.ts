/** A sink URL that cannot be used. */
export class SinkUrlError extends Error {
  constructor(url: string, why: string) {
    super(
      `Invalid sink URL "${url}": ${why}. Expected one of sqlite:PATH, jsonl:PATH, ` +
        'postgres://USER:PASSWORD@HOST:PORT/DB[?schema=NAME&pool=N] (or postgresql://...)',
    );
    this.name = 'SinkUrlError';
  }
}

/**
 * The store is unreachable or busy (connection refused, database locked...).
 * Transient: the caller retries the job so an outage never loses a record.
 */
export class SinkUnavailableError extends Error {
  readonly retryable = true;
  /** Stable slug: the workers report it as the failure reason. */
  readonly code = 'sink-unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SinkUnavailableError';
  }
}

/** A `since` cursor that this sink did not produce. */
export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`Invalid read cursor "${cursor}": pass back a nextCursor returned by the same sink`);
    this.name = 'InvalidCursorError';
  }
}
