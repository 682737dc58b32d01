import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, resolveSources } from '../config/load.ts';
import { ConfigSchema } from '../schemas/config.ts';
import { RedisUnavailableError, assertRedisReachable, connectRedis, deleteKeysUnder, keyPrefix, openQueues } from '../queues/index.ts';
import { openSink } from '../sinks/index.ts';
import { syncSchedulers } from '../scheduler/index.ts';
import { startWorkers } from '../workers/index.ts';
import { canonicalizeUrl, urlKey } from '../urls/canonical.ts';
import { startSampleSite, demoSources } from '../demo/site.ts';
import { DEFAULT_CONFIG, openRuntime, sinkUrlFrom } from './runtime.ts';
import { crawlOnce, formatSummary } from './crawl-once.ts';
import { extractFiles } from './commands/extract.ts';
import { formatStatus, queueStatus, replayFailed } from './commands/status.ts';
import { registerServeCommand } from './commands/serve.ts';
import { buildServer } from '../ops/server.ts';
import { startMetricsPusher } from '../ops/metrics-push.ts';
import type { Runtime } from './runtime.ts';

const out = (line: string) => process.stdout.write(line + '\n');
const progress = (line: string) => process.stderr.write(process.stderr.isTTY ? `\r\x1b[2K${line}` : `${line}\n`);

/** Stop on SIGINT/SIGTERM: close gracefully, exit 0. */
function untilSignal(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = async () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await close();
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * The operator endpoints inside a crawl/worker process. Counters also reach the shared
 * `serve` through Redis (metrics pusher), so a port per worker is optional.
 */
async function startOps(rt: Runtime, o: { serve: boolean; port: number }): Promise<() => Promise<void>> {
  const pusher = startMetricsPusher(rt.redis, rt.prefix, { onError: (err) => rt.log.warn({ err: err.message }, 'metrics push failed') });
  if (!o.serve) return () => pusher.stop();
  const app = await buildServer({ redis: rt.redis, prefix: rt.prefix, sink: rt.sink, queues: rt.queues, logger: rt.log });
  try {
    const address = await app.listen({ port: o.port, host: '127.0.0.1' });
    rt.log.info({ address }, 'serving /metrics /healthz /readyz /records /admin/queues');
  } catch (err) {
    // Another crawl or serve on this host holds the port: crawling matters more than a second endpoint.
    rt.log.warn({ port: o.port, err: (err as Error).message }, 'operator endpoints not started (use --port or --no-serve); metrics still reach `tinflow serve` through Redis');
    await app.close();
    return () => pusher.stop();
  }
  return async () => {
    await app.close();
    await pusher.stop();
  };
}

const portOption = (fallback: number) => new Option('--port <n>', 'port for /metrics, /healthz, /records, /admin/queues').argParser((v) => parseInt(v, 10)).default(fallback);

const configOption = () => new Option('--config <file>', 'sources config (YAML)').default(DEFAULT_CONFIG);
const sinkOption = () => new Option('--sink <url>', 'sqlite:PATH | jsonl:PATH | postgres://... (default: $TINFLOW_SINK or sqlite:./data/tinflow.db)');

export function buildProgram(): Command {
  const program = new Command('tinflow').description('News ingestion pipeline: sources -> queues -> fetch -> extract -> dedupe -> sink');

  program
    .command('crawl')
    .description('scheduler, producers and workers in one process')
    .addOption(configOption())
    .addOption(sinkOption())
    .option('--once', 'run every source once, process until drained, print a summary, exit')
    .option('--concurrency <n>', 'article jobs in parallel', (v) => parseInt(v, 10), 8)
    .option('--no-serve', 'do not start the HTTP endpoints in this process')
    .addOption(portOption(9464))
    .action(async (o) => {
      const rt = await openRuntime({ config: o.config, sink: o.sink });
      try {
        if (o.once) {
          const summary = await crawlOnce(rt, { concurrency: o.concurrency, progress });
          if (process.stderr.isTTY) process.stderr.write('\n');
          out(formatSummary(summary));
          return;
        }
        const sync = await syncSchedulers(rt.queues.sources, [...rt.sources.values()]);
        rt.log.info({ schedulers: sync.upserted, removed: sync.removed }, 'schedules installed');
        const stopOps = await startOps(rt, o);
        const pool = startWorkers(rt, { concurrency: o.concurrency });
        await untilSignal(async () => {
          await pool.close();
          await stopOps();
        });
      } finally {
        await rt.close();
      }
    });

  program
    .command('worker')
    .description('workers only: run many of these, on many hosts, against one Redis')
    .addOption(configOption())
    .addOption(sinkOption())
    .option('--concurrency <n>', 'article jobs in parallel', (v) => parseInt(v, 10), 8)
    .option('--no-serve', 'do not start the HTTP endpoints in this process (metrics still reach `serve` through Redis)')
    .addOption(portOption(0))
    .action(async (o) => {
      const rt = await openRuntime({ config: o.config, sink: o.sink });
      const stopOps = await startOps(rt, o);
      const pool = startWorkers(rt, { concurrency: o.concurrency });
      rt.log.info({ concurrency: o.concurrency, sink: rt.sink.location }, 'worker started');
      await untilSignal(async () => {
        await pool.close();
        await stopOps();
        await rt.close();
      });
    });

  program
    .command('schedule')
    .description('install one job scheduler per source from its cron (idempotent; removes schedulers of deleted sources)')
    .addOption(configOption())
    .action(async (o) => {
      const sources = resolveSources(loadConfig(o.config));
      await assertRedisReachable();
      const redis = connectRedis();
      const queues = openQueues(redis, keyPrefix());
      try {
        const r = await syncSchedulers(queues.sources, [...sources.values()]);
        out(`schedulers: ${r.upserted.join(', ') || '(none)'}${r.removed.length ? `; removed: ${r.removed.join(', ')}` : ''}`);
      } finally {
        await queues.close();
        redis.disconnect();
      }
    });

  program
    .command('enqueue')
    .description('queue article URLs now (bypasses the seen-set)')
    .argument('<url...>')
    .option('--source <id>', 'source id from the config (default: the only source, or the one whose URLs share the host)')
    .addOption(configOption())
    .action(async (urls: string[], o) => {
      const config = loadConfig(o.config);
      const ids = config.sources.map((s) => s.id);
      const pick = (url: string) => {
        if (o.source) {
          if (!ids.includes(o.source)) throw new ConfigError(`--source: "${o.source}" is not a source in ${o.config} (have: ${ids.join(', ')})`);
          return o.source as string;
        }
        const host = new URL(url).host;
        const match = config.sources.find((s) => [...s.urls, ...s.listings, ...s.feeds, ...s.sitemaps].some((u) => new URL(u).host === host));
        if (match) return match.id;
        if (ids.length === 1) return ids[0];
        throw new ConfigError(`cannot tell which source ${url} belongs to: pass --source (have: ${ids.join(', ')})`);
      };
      const jobs = urls.map((u) => {
        const url = canonicalizeUrl(u);
        if (!url) throw new ConfigError(`not an http(s) URL: ${u}`);
        return { name: 'article', data: { url, source: pick(url), depth: 0 }, opts: { jobId: urlKey(url) } };
      });
      await assertRedisReachable();
      const redis = connectRedis();
      const queues = openQueues(redis, keyPrefix());
      try {
        await queues.articles.addBulk(jobs);
        out(`queued ${jobs.length} article job(s)`);
      } finally {
        await queues.close();
        redis.disconnect();
      }
    });

  program
    .command('extract')
    .description('offline extraction, no Redis: one JSON record per line for each HTML file, folder (*.html below it) or - (stdin)')
    .argument('<path...>')
    .option('--url <url>', 'the page URL (default: canonical/og:url from the page, else a file: URL)')
    .option('--timezone <tz>', 'zone for dates printed without an offset', 'Asia/Ho_Chi_Minh')
    .option('--source <id>', 'source id written into the records', 'local')
    .action((paths: string[], o) => {
      const failures = extractFiles(paths, { url: o.url, timezone: o.timezone, source: o.source }, out, () => readFileSync(0));
      if (failures) process.stderr.write(`${failures} page(s) had no extractable article\n`);
    });

  program
    .command('export')
    .description('records as JSONL on stdout, in insertion order')
    .addOption(sinkOption())
    .option('--since <cursor>', 'resume after this cursor (printed to stderr at the end)')
    .option('--source <id>', 'only this source')
    .action(async (o) => {
      const sink = await openSink(sinkUrlFrom(o.sink));
      try {
        let cursor: string | null = o.since ?? null;
        for (;;) {
          const page = await sink.read({ since: cursor, limit: 500, source: o.source });
          for (const r of page.records) out(JSON.stringify(r));
          if (!page.nextCursor || page.records.length === 0) break;
          cursor = page.nextCursor;
        }
        if (cursor) process.stderr.write(`cursor: ${cursor}\n`);
      } finally {
        await sink.close();
      }
    });

  program
    .command('status')
    .description('queue counts by state, dead-letter count and failures by reason')
    .action(async () => {
      await assertRedisReachable();
      const redis = connectRedis();
      const queues = openQueues(redis, keyPrefix());
      try {
        out(formatStatus(await queueStatus(queues)));
      } finally {
        await queues.close();
        redis.disconnect();
      }
    });

  program
    .command('replay')
    .description('re-queue dead-letter jobs')
    .option('--reason <slug>', 'only jobs that failed for this reason (see `tinflow status`)')
    .action(async (o) => {
      await assertRedisReachable();
      const redis = connectRedis();
      const queues = openQueues(redis, keyPrefix());
      try {
        out(`re-queued ${await replayFailed(queues, o.reason)} job(s)`);
      } finally {
        await queues.close();
        redis.disconnect();
      }
    });

  program
    .command('demo')
    .description('crawl the bundled offline sample news site through the real queues into a local sink')
    .addOption(sinkOption())
    .option('--site-only', 'only serve the sample site (until Ctrl-C), e.g. for `crawl --config config/demo.yaml`')
    .option('--site-port <n>', 'port for the sample site (default: any free port; config/demo.yaml expects 8099)', (v) => parseInt(v, 10))
    .action(async (o) => {
      if (o.siteOnly) {
        const site = await startSampleSite({ port: o.sitePort ?? 8099 });
        out(`sample news site on ${site.baseUrl} (Ctrl-C to stop); try: npx tinflow crawl --config config/demo.yaml --once`);
        await untilSignal(() => site.close());
        return;
      }
      const sinkUrl = o.sink ?? process.env.TINFLOW_SINK ?? 'sqlite:./data/demo.db';
      // The progress line and summary tell the story; per-job log lines would drown them.
      process.env.TINFLOW_LOG_LEVEL ??= 'warn';
      const site = await startSampleSite({ port: o.sitePort });
      process.stderr.write(`sample news site on ${site.baseUrl}\n`);
      // The demo starts clean each time: its own key prefix, its own sink file.
      const prefix = process.env.TINFLOW_PREFIX ?? 'tinflow-demo';
      await clearPrefix(prefix);
      if (sinkUrl.startsWith('sqlite:') || sinkUrl.startsWith('jsonl:')) {
        const path = sinkUrl.slice(sinkUrl.indexOf(':') + 1);
        for (const suffix of ['', '-wal', '-shm', '.failures.jsonl']) rmSync(path + suffix, { force: true });
        mkdirSync(dirname(path), { recursive: true });
      }
      const config = ConfigSchema.parse({ sources: demoSources(site.baseUrl) });
      const rt = await openRuntime({ config, sink: sinkUrl, prefix });
      try {
        const summary = await crawlOnce(rt, { progress });
        if (process.stderr.isTTY) process.stderr.write('\n');
        out(formatSummary(summary));
        out(`\nlook at them: npx tinflow export --sink ${sinkUrl} | head -n 1`);
      } finally {
        await rt.close();
        await site.close();
      }
    });

  registerServeCommand(program);
  return program;
}

/** Remove every key under a prefix (the demo's own namespace only). */
async function clearPrefix(prefix: string): Promise<void> {
  await assertRedisReachable();
  const redis = connectRedis();
  try {
    await deleteKeysUnder(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

export async function main(argv = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
    // One-shot commands are done here and long-running ones have closed on a signal; stray
    // keep-alive sockets must not hold the process open.
    process.exit(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof RedisUnavailableError) {
      process.stderr.write(`tinflow: ${err.message}\n`);
      process.exit(err.exitCode);
    }
    throw err;
  }
}
