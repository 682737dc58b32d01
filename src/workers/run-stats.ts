/** What this process did, for progress lines and the end-of-run summary. */
export class RunStats {
  pagesFetched = 0;
  notModified = 0;
  discoverPages = 0;
  articlesQueued = 0;
  recordsWritten = 0;
  recordsUpdated = 0;
  duplicatesExact = 0;
  duplicatesNear = 0;
  readonly failures = new Map<string, number>();

  fail(reason: string): void {
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }

  get failed(): number {
    let n = 0;
    for (const v of this.failures.values()) n += v;
    return n;
  }

  progressLine(pending: number): string {
    return (
      `fetched ${this.pagesFetched} pages, wrote ${this.recordsWritten} records, ` +
      `${this.duplicatesExact + this.duplicatesNear} duplicates, ${this.failed} failed, ${pending} jobs pending`
    );
  }
}
