import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/queues/index.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tf-ops-cli-'));
const prefix = `tf-test-ops-cli-${process.pid}-${Date.now()}`;

afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  const redis = connectRedis();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.unlink(...keys);
  await redis.quit();
});

describe('tinflow serve', () => {
  it('listens, answers, logs no token, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/ops/fixtures/serve-cli.ts', 'serve', '--port', '0', '--sink', `sqlite:${join(tmp, 'serve.db')}`], {
      env: { ...process.env, TINFLOW_PREFIX: prefix, TINFLOW_LOG_LEVEL: 'info', TINFLOW_LOG_FORMAT: 'json', TINFLOW_ADMIN_TOKEN: 'khoa-quan-tri', TINFLOW_API_TOKEN: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stderr}`)), 20_000);
        child.stderr!.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const m = /"address":"(http:\/\/[^"]+)"/.exec(stderr);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', () => reject(new Error(`serve exited early:\n${stderr}`)));
      });
      expect((await fetch(`${address}/healthz`)).status).toBe(200);
      expect((await fetch(`${address}/readyz`)).status).toBe(200);
      expect((await fetch(`${address}/admin/queues`)).status).toBe(401);
      expect((await fetch(`${address}/admin/queues?token=khoa-quan-tri`, { redirect: 'manual' })).status).toBe(302);
      const metrics = await (await fetch(`${address}/metrics`)).text();
      expect(metrics).toContain('tinflow_queue_jobs{queue="articles",state="waiting"} 0');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('"adminWritable":true');
    expect(stderr).toContain('token=***');
    expect(stderr).not.toContain('khoa-quan-tri');
  });
});
