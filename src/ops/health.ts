import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Sink } from '../sinks/index.ts';
import { withTimeout } from './metrics-push.ts';

export type CheckResult = { ok: true } | { ok: false; error: string };

async function check(run: () => Promise<unknown>, timeoutMs: number, what: string): Promise<CheckResult> {
  try {
    await withTimeout(run(), timeoutMs, what);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** /healthz: the process answers. /readyz: Redis PING and sink ping both succeed, else 503 naming the failed one. */
export async function healthRoutes(app: FastifyInstance, opts: { redis: Redis; sink: Sink; timeoutMs?: number }) {
  const timeoutMs = opts.timeoutMs ?? 2000;
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const [redis, sink] = await Promise.all([
      check(() => opts.redis.ping(), timeoutMs, 'redis ping'),
      check(() => opts.sink.ping(), timeoutMs, 'sink ping'),
    ]);
    const failed = [...(redis.ok ? [] : ['redis']), ...(sink.ok ? [] : ['sink'])];
    return reply.code(failed.length ? 503 : 200).send({ status: failed.length ? 'unavailable' : 'ready', failed, checks: { redis, sink } });
  });
}
