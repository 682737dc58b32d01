import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DedupeVerdict } from '../../src/dedupe/index.ts';
import { connect, deletePrefix, REDIS_URL, uniquePrefix } from './helpers.ts';

const PREFIX = uniquePrefix('dedupe-race');
const SCRIPT = fileURLToPath(new URL('./fixtures/race-claim.ts', import.meta.url));
const ROUNDS = 300;
let redis: Redis;

beforeAll(() => {
  redis = connect();
});

afterAll(async () => {
  await deletePrefix(redis, PREFIX);
  redis.disconnect();
});

function runWorker(worker: string): Promise<DedupeVerdict[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, REDIS_URL, PREFIX, worker, String(ROUNDS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 45_000,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${worker} exited ${code}: ${err}`))));
  });
}

it('two processes racing on the same articles: exactly one new per article', async () => {
  const results = Promise.all([runWorker('p1'), runWorker('p2')]);
  // Release both only once both are connected and have prepared their claims.
  for (let i = 0; i < 2; i++) expect(await redis.blpop(`${PREFIX}:ready`, 40)).not.toBeNull();
  await redis.multi().rpush(`${PREFIX}:go:p1`, '1').rpush(`${PREFIX}:go:p2`, '1').exec();
  const [v1, v2] = await results;

  expect(v1).toHaveLength(ROUNDS);
  expect(v2).toHaveLength(ROUNDS);
  const wins = { p1: 0, p2: 0 };
  for (let i = 0; i < ROUNDS; i++) {
    const pair = [v1[i], v2[i]];
    expect(pair.map((v) => v.kind).sort()).toEqual(['exact', 'new']);
    const winner = v1[i].kind === 'new' ? 'p1' : 'p2';
    wins[winner]++;
    const loser = winner === 'p1' ? v2[i] : v1[i];
    expect(loser).toEqual({ kind: 'exact', of: `${winner}-${i}` });
  }
  console.log(`race: ${ROUNDS} articles, wins ${JSON.stringify(wins)}`);
});
