import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../config/load.ts';
import { assertRedisReachable, connectRedis, keyPrefix, openQueues } from '../../queues/index.ts';
import { openSink } from '../../sinks/index.ts';
import { createLogger } from '../../log.ts';
import { buildServer } from '../../ops/server.ts';
import { sinkUrlFrom } from '../runtime.ts';

export interface ServeOptions {
  port: number;
  host: string;
  config?: string;
  sink?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port from 0 to 65535');
  return port;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Runs until SIGINT/SIGTERM, then closes the server (ending open record streams), queues, sink and Redis. */
export async function serve(o: ServeOptions): Promise<void> {
  const log = createLogger('tinflow-serve');
  if (o.config) loadConfig(o.config); // fail fast on a broken config shared with crawl/worker
  await assertRedisReachable();
  const redis = connectRedis();
  const prefix = keyPrefix();
  const queues = openQueues(redis, prefix);
  // Every reconnect attempt errors: say it once per outage (/readyz and tinflow_redis_up carry the state).
  let redisDown = false;
  const onRedisError = (err: Error) => {
    if (!redisDown) log.warn({ err: err.message }, 'redis unavailable');
    redisDown = true;
  };
  redis.on('error', onRedisError);
  redis.on('ready', () => {
    if (redisDown) log.info('redis reachable again');
    redisDown = false;
  });
  for (const q of [queues.sources, queues.discover, queues.articles]) q.on('error', onRedisError);
  const sink = await openSink(sinkUrlFrom(o.sink));
  const app = await buildServer({ redis, prefix, sink, queues, logger: log });
  const closeAll = async () => {
    await app.close();
    await queues.close();
    await sink.close();
    redis.disconnect();
  };
  try {
    const address = await app.listen({ port: o.port, host: o.host });
    if (!LOOPBACK.has(o.host) && !process.env.TINFLOW_API_TOKEN) {
      log.warn({ host: o.host }, 'listening beyond loopback without TINFLOW_API_TOKEN: /records is open to the network');
    }
    log.info({ address, store: sink.location, prefix, adminWritable: Boolean(process.env.TINFLOW_ADMIN_TOKEN) }, 'serving /metrics /healthz /readyz /records /admin/queues');
  } catch (err) {
    await closeAll();
    throw err;
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      closeAll().then(resolve, (err: Error) => {
        log.error({ err: err.message }, 'shutdown');
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Adds `tinflow serve` to the CLI program. */
export function registerServeCommand(program: Command): Command {
  return program
    .command('serve')
    .description('HTTP for operators and consumers: /metrics, /healthz, /readyz, /records API and SSE, Bull Board at /admin/queues')
    .option('--port <n>', 'port to listen on', parsePort, 9464)
    .option('--host <addr>', 'address to bind', '127.0.0.1')
    .option('--config <file>', 'sources config (YAML) to validate at start')
    .option('--sink <url>', 'sqlite:PATH | jsonl:PATH | postgres://... (default: $TINFLOW_SINK or sqlite:./data/tinflow.db)')
    .action(async (o: ServeOptions) => serve(o));
}
