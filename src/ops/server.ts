import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Queues } from '../queues/index.ts';
import type { Sink } from '../sinks/index.ts';
import type { Logger } from '../log.ts';
import { adminBoard } from './board.ts';
import { redactUrl } from './redact.ts';
import { healthRoutes } from './health.ts';
import { createMetricsScraper } from './scrape.ts';
import { recordsApi } from './records-api.ts';
import { StreamHub, type StreamHubOptions } from './record-stream.ts';

export interface ServerOptions {
  redis: Redis;
  prefix: string;
  sink: Sink;
  queues: Queues;
  logger?: Logger;
  /** Default $TINFLOW_API_TOKEN: when set, /records* need `Authorization: Bearer <token>` ('' turns it off). */
  apiToken?: string;
  /** Default $TINFLOW_ADMIN_TOKEN: when set, the board is writable and needs the token ('' turns it off). */
  adminToken?: string;
  /** Worker metric snapshots older than this are dropped (default 60 s). */
  metricsStaleMs?: number;
  /** Upper bound for each Redis/sink call of a scrape or readiness probe (default 2 s). */
  probeTimeoutMs?: number;
  stream?: StreamHubOptions;
}

const QUIET_ROUTES = new Set(['/metrics', '/healthz', '/readyz']);

/** The `tinflow serve` HTTP server, not yet listening: tests call inject() or listen({ port: 0 }). */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const apiToken = opts.apiToken ?? (process.env.TINFLOW_API_TOKEN || undefined);
  const adminToken = opts.adminToken ?? (process.env.TINFLOW_ADMIN_TOKEN || undefined);
  const loggerInstance: FastifyBaseLogger | undefined = opts.logger;
  // Our own request log line: fastify's would print ?token= in the URL, and every scrape.
  const app = Fastify({ loggerInstance, logController: new LogController({ disableRequestLogging: true }) });
  app.addHook('onResponse', async (request, reply) => {
    const quiet = QUIET_ROUTES.has(request.routeOptions.url ?? '');
    request.log[quiet ? 'debug' : 'info']({ method: request.method, url: redactUrl(request.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  const hub = new StreamHub(opts.sink, { ...opts.stream, onError: (err) => app.log.warn({ err: err.message }, 'record notifications lost; polling') });
  const scraper = createMetricsScraper({
    redis: opts.redis,
    prefix: opts.prefix,
    queues: opts.queues,
    staleMs: opts.metricsStaleMs,
    timeoutMs: opts.probeTimeoutMs,
    streamClients: () => hub.size,
    onError: (what, err) => app.log.warn({ err: err.message }, `metrics: ${what} unavailable`),
  });
  // SSE responses never end by themselves: close them so that app.close() returns.
  app.addHook('preClose', async () => hub.close());

  app.get('/metrics', async (_request, reply) => reply.type(scraper.contentType).send(await scraper.render()));
  await app.register(healthRoutes, { redis: opts.redis, sink: opts.sink, timeoutMs: opts.probeTimeoutMs });
  await app.register(recordsApi, { sink: opts.sink, hub, apiToken });
  await app.register(adminBoard, { queues: opts.queues, adminToken });
  app.get('/', async () => ({
    name: 'tinflow',
    endpoints: ['/metrics', '/healthz', '/readyz', '/records', '/records/:id', '/records/stream', '/admin/queues'],
  }));
  return app;
}
