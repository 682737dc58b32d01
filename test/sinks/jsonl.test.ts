import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSink } from '../../src/sinks/index.ts';
import { describeSinkContract } from './contract.ts';
import { makeRecord, readAll } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), `tf-test-sinks-jsonl-${process.pid}-`));
let n = 0;
const freshPath = () => join(dir, `run-${++n}`, 'records.jsonl');
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeSinkContract('jsonl', { freshUrl: () => `jsonl:${freshPath()}`, concurrentWriters: false });

describe('jsonl sink specifics', () => {
  it('appends one line per new record; an unchanged re-write appends nothing', async () => {
    const path = freshPath();
    const sink = await openSink(`jsonl:${path}`);
    const r = makeRecord(1);
    await sink.write(r);
    await sink.write(makeRecord(2));
    await sink.write(r);
    expect(lines(path)).toHaveLength(2);
    expect(JSON.parse(lines(path)[0])).toEqual(r);
    // A changed re-write appends; the latest line wins, the first keeps the position.
    await sink.write({ ...r, title: 'Đã sửa' });
    expect(lines(path)).toHaveLength(3);
    const all = await readAll(sink, { limit: 10 });
    expect(all.records.map((x) => [x.id, x.title])).toEqual([
      [r.id, 'Đã sửa'],
      [makeRecord(2).id, makeRecord(2).title],
    ]);
    await sink.close();
  });

  it('writes failures next to the records file', async () => {
    const path = freshPath();
    const sink = await openSink(`jsonl:${path}`);
    const failure = { url: 'https://tin.example.vn/x.html', source: 'bao-a', reason: 'no_article', message: 'empty body', at: '2026-11-20T01:00:00.000Z', attempts: 2 };
    await sink.writeFailure(failure);
    expect(lines(`${path}.failures.jsonl`).map((l) => JSON.parse(l))).toEqual([failure]);
    await sink.close();
  });

  it('seals a torn last line at open and skips it', async () => {
    const path = freshPath();
    const first = await openSink(`jsonl:${path}`);
    await first.write(makeRecord(1));
    await first.close();
    appendFileSync(path, '{"id":"torn","contentHa');
    const sink = await openSink(`jsonl:${path}`);
    expect(await sink.write(makeRecord(2))).toEqual({ status: 'inserted' });
    const all = await readAll(sink, { limit: 10 });
    expect(all.records.map((x) => x.id)).toEqual([makeRecord(1).id, makeRecord(2).id]);
    expect(lines(path)).toHaveLength(3);
    await sink.close();
  });

  it('indexes its own appends from memory and still sees lines another writer appended in between', async () => {
    const path = freshPath();
    const one = await openSink(`jsonl:${path}`);
    const two = await openSink(`jsonl:${path}`);
    const [a, b, c] = [makeRecord(1), makeRecord(2), makeRecord(3)];
    expect(await one.write(a)).toEqual({ status: 'inserted' });
    expect(await two.write(b)).toEqual({ status: 'inserted' }); // two reads a first, then appends b
    appendFileSync(path, `${JSON.stringify(c)}\n`); // a third writer
    // one has not seen b and c yet: its next append lands after them, so it reads them back.
    expect(await one.write({ ...a, title: 'Đã sửa' })).toEqual({ status: 'updated' });
    expect(await one.write(b)).toEqual({ status: 'updated' });
    expect(await one.write(makeRecord(4))).toEqual({ status: 'inserted' });
    expect(lines(path)).toHaveLength(5);
    for (const sink of [one, two]) {
      const all = await readAll(sink, { limit: 10 });
      expect(all.records.map((x) => [x.id, x.title])).toEqual([
        [a.id, 'Đã sửa'],
        [b.id, b.title],
        [c.id, c.title],
        [makeRecord(4).id, makeRecord(4).title],
      ]);
      expect(await sink.get(b.id)).toEqual(b);
      expect(await sink.count()).toEqual({ records: 4, failures: 0 });
    }
    await one.close();
    await two.close();
  });

  it('reads a file written by someone else, and follows lines appended later', async () => {
    const path = freshPath();
    const a = makeRecord(1);
    const b = makeRecord(2);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, `${JSON.stringify(a)}\n`);
    const sink = await openSink(`jsonl:${path}`);
    const page = await sink.read({ limit: 10 });
    expect(page.records).toEqual([a]);
    appendFileSync(path, `${JSON.stringify(b)}\n`);
    const next = await sink.read({ since: page.nextCursor, limit: 10 });
    expect(next.records).toEqual([b]);
    expect(await sink.get(b.id)).toEqual(b);
    await sink.close();
  });
});
