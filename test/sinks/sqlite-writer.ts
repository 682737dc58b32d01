// Child process for the cross-process race test: `node --import tsx sqlite-writer.ts PATH OFFSET COUNT`.
// Writes COUNT records whose content hashes collide with the other writer's. Both start together:
// each drops PATH.ready-OFFSET once open and waits until two such files exist.
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { openSink } from '../../src/sinks/index.ts';
import { makeRecord, sleep } from './fixtures.ts';

const [path, offset, count] = process.argv.slice(2);
const sink = await openSink(`sqlite:${path}`);
writeFileSync(`${path}.ready-${offset}`, '');
const readyFiles = () => readdirSync(dirname(path)).filter((f) => f.startsWith(`${basename(path)}.ready-`)).length;
while (readyFiles() < 2) await sleep(2);
const outcomes: string[] = [];
const started = Date.now();
for (let i = 0; i < Number(count); i++) {
  const record = makeRecord(Number(offset) + i, { contentHash: makeRecord(i).contentHash });
  outcomes.push((await sink.write(record)).status);
}
const finished = Date.now();
await sink.close();
process.stdout.write(JSON.stringify({ outcomes, started, finished }));
