import client from 'prom-client';

/**
 * One registry for the whole process. Stages increment these; `serve` and each
 * worker expose them. Label values stay low-cardinality: host, source, reason, queue.
 */
export const registry = new client.Registry();

const counter = (name: string, help: string, labelNames: string[]) =>
  new client.Counter({ name, help, labelNames, registers: [registry] });
const histogram = (name: string, help: string, labelNames: string[], buckets: number[]) =>
  new client.Histogram({ name, help, labelNames, buckets, registers: [registry] });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const metrics = {
  fetches: counter('tinflow_fetches_total', 'HTTP fetches by host and status (status "error" when no response)', ['host', 'status']),
  fetchBytes: counter('tinflow_fetch_bytes_total', 'Response body bytes received, by host', ['host']),
  fetchRetries: counter('tinflow_fetch_retries_total', 'Fetches retried after a transient failure, by host', ['host']),
  robotsBlocked: counter('tinflow_robots_blocked_total', 'URLs refused by robots.txt, by host', ['host']),
  rateLimitWaits: counter('tinflow_rate_limit_waits_total', 'Jobs delayed by the per-host politeness limit', ['host']),
  ssrfRefused: counter('tinflow_ssrf_refused_total', 'Fetches refused by the SSRF guard', ['host']),
  recordsWritten: counter('tinflow_records_written_total', 'Records written to the sink, by source', ['source']),
  duplicates: counter('tinflow_duplicates_total', 'Duplicate articles by source and kind (exact, near)', ['source', 'kind']),
  ruleMisses: counter('tinflow_extraction_rule_misses_total', 'Site rules that matched nothing (generic fallback used)', ['source', 'field']),
  jobsCompleted: counter('tinflow_jobs_completed_total', 'Jobs completed, by queue and outcome', ['queue', 'outcome']),
  jobsFailed: counter('tinflow_jobs_failed_total', 'Jobs failed, by queue and reason', ['queue', 'reason']),
  stageSeconds: histogram('tinflow_stage_duration_seconds', 'Time per pipeline stage', ['stage'], SECONDS),
  jobSeconds: histogram('tinflow_job_duration_seconds', 'Time per whole job', ['queue'], SECONDS),
};
