import client, { AggregatorRegistry, Registry } from 'prom-client';
import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import type { Queues } from '../queues/index.ts';
import { registry } from './metrics.ts';
import { processId, readWorkerMetrics, withTimeout } from './metrics-push.ts';

/** States exported per queue. Failed jobs have used all their attempts: they are the dead-letter store. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'] as const;

export interface ScrapeOptions {
  redis: Redis;
  prefix: string;
  queues: Queues;
  /** Worker snapshots older than this are dropped (default 60 s). */
  staleMs?: number;
  /** Upper bound for the Redis reads of one scrape (default 2 s). */
  timeoutMs?: number;
  /** Open /records/stream connections, for the clients gauge. */
  streamClients?: () => number;
  onError?: (what: string, err: Error) => void;
}

export interface MetricsScraper {
  contentType: string;
  /** The Prometheus text: pipeline counters summed over this process and every worker, queue gauges, Node process metrics. */
  render(): Promise<string>;
}

/**
 * Queue gauges and process metrics live in registries of their own: they describe
 * this process and Redis now, and must not be summed with what workers pushed.
 */
export function createMetricsScraper(opts: ScrapeOptions): MetricsScraper {
  const staleMs = opts.staleMs ?? 60_000;
  const timeoutMs = opts.timeoutMs ?? 2000;
  const report = (what: string, err: Error) => opts.onError?.(what, err);
  const queueList: Queue[] = [opts.queues.sources, opts.queues.discover, opts.queues.articles];

  const local = new Registry();
  let workersReporting = 0;
  type Counts = Record<string, number>[] | null;
  // Read once per scrape and shared by the gauges below (the registry collects them concurrently).
  let queueCounts: Promise<Counts> = Promise.resolve(null);
  const readQueueCounts = (): Promise<Counts> =>
    withTimeout(Promise.all(queueList.map((q) => q.getJobCounts(...QUEUE_STATES))), timeoutMs, 'queue counts').catch((err: Error) => {
      report('queue counts', err);
      return null;
    });

  new client.Gauge({
    name: 'tinflow_queue_jobs',
    help: 'Jobs per queue and state, read from BullMQ at scrape time',
    labelNames: ['queue', 'state'],
    registers: [local],
    async collect() {
      this.reset();
      const counts = await queueCounts;
      queueList.forEach((q, i) => {
        for (const state of QUEUE_STATES) if (counts) this.set({ queue: q.name, state }, counts[i][state] ?? 0);
      });
    },
  });
  new client.Gauge({
    name: 'tinflow_queue_dead_letter_jobs',
    help: 'Jobs that failed after all their attempts and wait for `tinflow replay` (the failed set)',
    labelNames: ['queue'],
    registers: [local],
    async collect() {
      this.reset();
      const counts = await queueCounts;
      queueList.forEach((q, i) => {
        if (counts) this.set({ queue: q.name }, counts[i].failed ?? 0);
      });
    },
  });
  new client.Gauge({
    name: 'tinflow_redis_up',
    help: '1 when this scrape could read the queues from Redis',
    registers: [local],
    async collect() {
      this.set((await queueCounts) ? 1 : 0);
    },
  });
  new client.Gauge({
    name: 'tinflow_metrics_workers',
    help: 'Worker processes whose pushed metrics are included (pushed within the staleness window)',
    registers: [local],
    collect() {
      this.set(workersReporting);
    },
  });
  new client.Gauge({
    name: 'tinflow_record_stream_clients',
    help: 'Open /records/stream connections on this serve process',
    registers: [local],
    collect() {
      this.set(opts.streamClients?.() ?? 0);
    },
  });
  client.collectDefaultMetrics({ register: local });

  return {
    contentType: local.contentType,
    async render() {
      queueCounts = readQueueCounts();
      const self = processId();
      const pushed = await withTimeout(readWorkerMetrics(opts.redis, opts.prefix, { staleMs, exclude: self }), timeoutMs, 'worker metrics').catch((err: Error) => {
        report('worker metrics', err);
        return { live: new Map(), retired: null };
      });
      workersReporting = pushed.live.size;
      // This process's own counters are read live; a pusher in this process would otherwise count twice.
      const pipeline = AggregatorRegistry.aggregate([await registry.getMetricsAsJSON(), pushed.retired ?? [], ...pushed.live.values()]);
      const [a, b] = await Promise.all([pipeline.metrics(), local.metrics()]);
      return `${a.trimEnd()}\n\n${b}`;
    },
  };
}
