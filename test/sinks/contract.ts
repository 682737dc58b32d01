import { afterEach, describe, expect, it } from 'vitest';
import { InvalidCursorError, openSink, type Sink } from '../../src/sinks/index.ts';
import { makeRecord, readAll } from './fixtures.ts';

export interface ContractOptions {
  /** A URL for a fresh, empty store. */
  freshUrl(): string | Promise<string>;
  /** Whether two instances may write the same store at once (not jsonl). */
  concurrentWriters: boolean;
}

/** The behaviour every sink kind must share; each kind's test file runs it. */
export function describeSinkContract(kind: Sink['kind'], options: ContractOptions) {
  describe(`${kind} sink contract`, () => {
    const opened: Sink[] = [];
    const open = async (url: string) => {
      const sink = await openSink(url);
      opened.push(sink);
      return sink;
    };
    const fresh = async () => open(await options.freshUrl());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('inserts a record and gets it back unchanged', async () => {
      const sink = await fresh();
      expect(sink.kind).toBe(kind);
      const record = makeRecord(1);
      expect(await sink.write(record)).toEqual({ status: 'inserted' });
      expect(await sink.get(record.id)).toEqual(record);
      expect(await sink.get('no-such-id')).toBeNull();
      expect(await sink.count()).toEqual({ records: 1, failures: 0 });
    });

    it('re-writing the same id updates in place: still one record', async () => {
      const sink = await fresh();
      const record = makeRecord(1);
      await sink.write(record);
      expect(await sink.write(record)).toEqual({ status: 'updated' });
      const changed = { ...record, title: 'Tiêu đề đã sửa' };
      expect(await sink.write(changed)).toEqual({ status: 'updated' });
      expect(await sink.get(record.id)).toEqual(changed);
      expect(await sink.count()).toEqual({ records: 1, failures: 0 });
      const all = await readAll(sink, { limit: 10, expected: 1 });
      expect(all.records).toEqual([changed]);
    });

    it('refuses a second original with the same contentHash and writes nothing', async () => {
      const sink = await fresh();
      const first = makeRecord(1);
      const copy = makeRecord(2, { contentHash: first.contentHash });
      await sink.write(first);
      expect(await sink.write(copy)).toEqual({ status: 'duplicate', of: first.id });
      expect(await sink.get(copy.id)).toBeNull();
      expect(await sink.count()).toEqual({ records: 1, failures: 0 });
      // A near-duplicate linked to its original may share the hash: it is not an original.
      const linked = makeRecord(3, { contentHash: first.contentHash, duplicateOf: first.id });
      expect(await sink.write(linked)).toEqual({ status: 'inserted' });
      // Re-writing an existing record with another original's hash is refused too.
      const other = makeRecord(4);
      await sink.write(other);
      expect(await sink.write({ ...other, contentHash: first.contentHash })).toEqual({ status: 'duplicate', of: first.id });
      expect((await sink.get(other.id))?.contentHash).toBe(other.contentHash);
    });

    it('records failures with their reason, upserted by url, never as records', async () => {
      const sink = await fresh();
      const at = '2026-11-20T01:00:00.000Z';
      await sink.writeFailure({ url: 'https://tin.example.vn/a.html', source: 'bao-a', reason: 'http_404', message: 'Not Found', at, attempts: 1 });
      await sink.writeFailure({ url: 'https://tin.example.vn/a.html', source: 'bao-a', reason: 'no_article', message: 'no body', at, attempts: 3 });
      await sink.writeFailure({ url: 'https://tin.example.vn/b.html', source: 'bao-b', reason: 'timeout', message: 'timed out', at, attempts: 5 });
      expect(await sink.count()).toEqual({ records: 0, failures: 2 });
      await expect(sink.writeFailure({ url: '', source: 'x', reason: 'r', message: '', at, attempts: 1 })).rejects.toThrow();
    });

    it('a page written after it failed (a replay) is no longer counted as a failure', async () => {
      const sink = await fresh();
      const r = makeRecord(1);
      const at = '2026-11-20T01:00:00.000Z';
      await sink.writeFailure({ url: r.url, source: r.source, reason: 'timeout', message: 'timed out', at, attempts: 5 });
      await sink.writeFailure({ url: 'https://tin.example.vn/other.html', source: r.source, reason: 'http-404', message: 'Not Found', at, attempts: 1 });
      expect(await sink.count()).toEqual({ records: 0, failures: 2 });
      await sink.write(r);
      expect(await sink.count()).toEqual({ records: 1, failures: 1 });
      // A duplicate writes nothing and resolves nothing.
      await sink.writeFailure({ url: r.url, source: r.source, reason: 'timeout', message: 'timed out', at, attempts: 5 });
      const copy = makeRecord(2, { contentHash: r.contentHash, url: r.url });
      expect((await sink.write(copy)).status).toBe('duplicate');
      expect(await sink.count()).toEqual({ records: 1, failures: 2 });
    });

    it('rejects an invalid record before writing anything', async () => {
      const sink = await fresh();
      await expect(sink.write({ ...makeRecord(1), contentHash: 'not-a-hash' })).rejects.toThrow();
      await expect(sink.write({ ...makeRecord(1), title: '' })).rejects.toThrow();
      expect(await sink.count()).toEqual({ records: 0, failures: 0 });
    });

    it('pages in insertion order with a resumable cursor', async () => {
      const sink = await fresh();
      const records = Array.from({ length: 7 }, (_, i) => makeRecord(10 + i));
      for (const r of records) await sink.write(r);
      // An update keeps the record at its first position.
      await sink.write({ ...records[1], title: 'Cập nhật' });
      const all = await readAll(sink, { limit: 3, expected: 7 });
      expect(all.pages).toEqual([3, 3, 1]);
      expect(all.records.map((r) => r.id)).toEqual(records.map((r) => r.id));
      expect(all.records[1].title).toBe('Cập nhật');
      // The last page's cursor resumes exactly after it.
      const late = makeRecord(99);
      await sink.write(late);
      const rest = await readAll(sink, { limit: 3, since: all.cursor, expected: 1 });
      expect(rest.records.map((r) => r.id)).toEqual([late.id]);
      await expect(sink.read({ since: 'garbage!', limit: 3 })).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(sink.read({ limit: 0 })).rejects.toThrow(RangeError);
    });

    it('filters by source, still in order', async () => {
      const sink = await fresh();
      const records = Array.from({ length: 9 }, (_, i) => makeRecord(20 + i));
      for (const r of records) await sink.write(r);
      const b = records.filter((r) => r.source === 'bao-b');
      const page = await readAll(sink, { limit: 2, source: 'bao-b', expected: b.length });
      expect(page.records.map((r) => r.id)).toEqual(b.map((r) => r.id));
      expect((await readAll(sink, { limit: 2, source: 'nobody' })).records).toEqual([]);
    });

    it('reopening keeps the data and re-runs no migration', async () => {
      const url = await options.freshUrl();
      const a = await open(url);
      await a.write(makeRecord(1));
      await a.close();
      const b = await open(url);
      const c = await open(url);
      await b.ping();
      expect(await c.count()).toEqual({ records: 1, failures: 0 });
      expect(await b.write(makeRecord(1))).toEqual({ status: 'updated' });
    });

    it('a second instance sees the first one\'s records (cross-process idempotency)', async () => {
      const url = await options.freshUrl();
      const a = await open(url);
      const b = await open(url);
      const r = makeRecord(5);
      expect(await a.write(r)).toEqual({ status: 'inserted' });
      expect(await b.write(r)).toEqual({ status: 'updated' });
      expect(await b.write(makeRecord(6, { contentHash: r.contentHash }))).toEqual({ status: 'duplicate', of: r.id });
      expect(await a.count()).toEqual({ records: 1, failures: 0 });
    });

    it('concurrent calls on one instance: one original per hash, one row per id', async () => {
      const sink = await fresh();
      const original = makeRecord(1);
      const copies = Array.from({ length: 5 }, (_, i) => makeRecord(10 + i, { contentHash: original.contentHash }));
      const outcomes = await Promise.all([original, original, ...copies].map((r) => sink.write(r)));
      expect(outcomes.filter((o) => o.status === 'inserted')).toHaveLength(1);
      const winner = [original, original, ...copies][outcomes.findIndex((o) => o.status === 'inserted')];
      for (const o of outcomes) if (o.status === 'duplicate') expect(o.of).toBe(winner.id);
      expect(await sink.count()).toEqual({ records: 1, failures: 0 });
    });

    it.runIf(options.concurrentWriters)('two writers racing on the same id: one inserted, one updated', async () => {
      const url = await options.freshUrl();
      const a = await open(url);
      const b = await open(url);
      await Promise.all([a.ping(), b.ping()]);
      const records = Array.from({ length: 8 }, (_, i) => makeRecord(300 + i));
      const outcomes = await Promise.all(records.flatMap((r) => [a.write(r), b.write(r)]));
      for (let i = 0; i < records.length; i++) {
        expect([outcomes[2 * i].status, outcomes[2 * i + 1].status].sort()).toEqual(['inserted', 'updated']);
      }
      expect(await b.count()).toEqual({ records: records.length, failures: 0 });
    });

    it.runIf(options.concurrentWriters)('two writers racing on the same contentHash leave one original', async () => {
      const url = await options.freshUrl();
      const a = await open(url);
      const b = await open(url);
      await Promise.all([a.ping(), b.ping()]);
      const pairs = Array.from({ length: 12 }, (_, i) => {
        const first = makeRecord(100 + i);
        return [first, makeRecord(200 + i, { contentHash: first.contentHash })] as const;
      });
      const outcomes = await Promise.all(pairs.flatMap(([x, y]) => [a.write(x), b.write(y)]));
      for (let i = 0; i < pairs.length; i++) {
        const [x, y] = pairs[i];
        const [ox, oy] = [outcomes[2 * i], outcomes[2 * i + 1]];
        const statuses = [ox.status, oy.status].sort();
        expect(statuses).toEqual(['duplicate', 'inserted']);
        const winner = ox.status === 'inserted' ? x : y;
        const loser = ox.status === 'inserted' ? oy : ox;
        expect(loser).toEqual({ status: 'duplicate', of: winner.id });
      }
      expect(await a.count()).toEqual({ records: pairs.length, failures: 0 });
    });
  });
}
