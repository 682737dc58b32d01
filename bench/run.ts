/**
 * npm run bench [-- --pages N] [-- --quick] [-- --concurrency C] [-- --no-write]
 *
 * One run, written to BENCHMARKS.md: tinflow pipeline throughput with 1, 2 and 4 worker
 * processes on a generated local site, worker RSS, Redis memory per queued job, Crawlee's
 * CheerioCrawler on the same site in the same run, the per-stage profile of one worker,
 * extraction alone (bench/extract.ts) and the seen-set (bench/seen-set.ts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { extractArticle } from '../src/extract/index.ts';
import { parsePage, releasePage } from '../src/extract/page.ts';
import { generatedArticleUrls, startGeneratedSite } from './site.ts';
import { runPipelineBench, summarizeCpuProfile, type PipelineRunResult } from './pipeline.ts';
import type { CrawleeRunResult } from './crawlee.ts';
import type { ExtractBenchResult } from './extract.ts';

const ROOT = join(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    pages: { type: 'string' },
    quick: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '16' },
    'no-write': { type: 'boolean', default: false },
    'skip-extract': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const PAGES = Number(values.pages ?? (quick ? 1000 : 20_000));
const CONCURRENCY = Number(values.concurrency);
const command = `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A private, non-persistent redis-server: memory figures are ours alone and no one else's keys are touched. */
async function privateRedis(dir: string): Promise<{ url: string; proc: ChildProcess | null }> {
  try {
    execFileSync('redis-server', ['--version']);
  } catch {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    log(`redis-server not found: using ${url} (memory figures include other clients)`);
    return { url, proc: null };
  }
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return { url, proc };
    } catch {
      probe.disconnect();
      await sleep(100);
    }
  }
  throw new Error('private redis-server did not start');
}

function runCrawleeChild(baseUrl: string, pages: number, concurrency: number, out: string): Promise<CrawleeRunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/crawlee.ts'), '--base', baseUrl, '--pages', String(pages), '--concurrency', String(concurrency), '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.on('exit', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`crawlee bench exited ${code}: ${stdout.slice(-500)}`));
      }
    });
  });
}

/** bench/extract.ts, which runs each extractor's timed blocks in processes of their own. */
function runExtractChild(limit: number): ExtractBenchResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/extract.ts'), '--limit', String(limit), '--rounds', '2', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as ExtractBenchResult;
}

/**
 * Share of extractArticle's time spent in its parse (parsePage: htmlparser2 into a cheerio document), on generated pages: warm (every page extracted once,
 * untimed, so the JIT has compiled the extractor as a long-running worker has), then three timed rounds of each.
 */
async function parseShare(baseUrl: string, n: number): Promise<{ parseMs: number; extractMs: number }> {
  const pages: { url: string; html: string }[] = [];
  for (const url of generatedArticleUrls(baseUrl, n)) pages.push({ url, html: await (await fetch(url)).text() });
  for (const p of pages) extractArticle(p.html, p.url, { timezone: 'Asia/Ho_Chi_Minh' });
  const rounds = 3;
  let t = performance.now();
  for (let r = 0; r < rounds; r++) for (const p of pages) releasePage(parsePage(p.html));
  const parseMs = (performance.now() - t) / (rounds * pages.length);
  t = performance.now();
  for (let r = 0; r < rounds; r++) for (const p of pages) extractArticle(p.html, p.url, { timezone: 'Asia/Ho_Chi_Minh' });
  return { parseMs, extractMs: (performance.now() - t) / (rounds * pages.length) };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');

function pipelineTable(runs: PipelineRunResult[]): string {
  const rows = runs.map((r) => {
    const rss = r.rss.map((s) => `${f0(s.startMb)} / ${f0(s.middleMb)} / ${f0(s.endMb)}`).join('; ');
    return `| ${r.processes} | ${r.concurrency} | ${r.sink} | ${r.pages} | ${r.records} | ${r.failed} | ${f1(r.seconds)} (${f1(r.wallSeconds)}) | **${f1(r.pagesPerSecond)}** | ${f1(r.recordsPerSecond)} | ${rss} |`;
  });
  return [
    '| worker processes | concurrency each | sink | pages | records | failed | seconds (incl. start-up) | pages/s | records/s | worker RSS MB start / middle / end |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

function stageTable(r: PipelineRunResult, split: { parseMs: number; extractMs: number }): string {
  const jobMs = (r.jobSeconds.seconds / Math.max(1, r.jobSeconds.count)) * 1000;
  const rows: string[] = [];
  let accounted = 0;
  for (const stage of ['fetch', 'extract', 'dedupe', 'sink']) {
    const s = r.stages[stage];
    if (!s) continue;
    const ms = (s.seconds / Math.max(1, s.count)) * 1000;
    accounted += ms;
    rows.push(`| ${stage} | ${ms.toFixed(2)} | ${((ms / jobMs) * 100).toFixed(0)}% |`);
  }
  const rest = jobMs - accounted;
  rows.push(`| rest of the job (zod, record build, fingerprint, seen-set) | ${rest.toFixed(2)} | ${((rest / jobMs) * 100).toFixed(0)}% |`);
  rows.push(`| **whole article job** | **${jobMs.toFixed(2)}** | 100% |`);
  const parseShareText = `Of extract, the parse alone (htmlparser2 into the domhandler tree cheerio uses) is ${split.parseMs.toFixed(2)} ms of ${split.extractMs.toFixed(2)} ms per page (${((split.parseMs / split.extractMs) * 100).toFixed(0)}%), measured warm in the bench process over three rounds of ${quick ? 100 : 300} generated pages.`;
  return [
    `Mean wall time per article job inside one worker process (${r.processes} process, concurrency ${r.concurrency}, ${r.sink} sink), from the \`tinflow_stage_duration_seconds\` and \`tinflow_job_duration_seconds\` histograms the worker pushed to Redis. Stages overlap across the ${r.concurrency} concurrent jobs, so wall time per job is not CPU time: the fetch and Redis stages include waiting while other jobs hold the event loop.`,
    '',
    '| stage | ms per job | share |',
    '| --- | ---: | ---: |',
    ...rows,
    '',
    parseShareText,
  ].join('\n');
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'tinflow-bench-'));
  const redis = await privateRedis(work);
  const site = await startGeneratedSite({ pages: PAGES, cache: true });
  log(`site ${site.baseUrl} with ${PAGES} article pages; redis ${redis.url}; work dir ${work}`);
  const started = new Date();
  const loadAtStart = loadavg()[0];
  try {
    const urls = site.articleUrls();
    const runs: PipelineRunResult[] = [];
    const run = async (processes: number, sink: 'jsonl' | 'postgres', concurrency = CONCURRENCY) => {
      log(`tinflow: ${processes} worker process(es) x concurrency ${concurrency}, ${sink} sink ...`);
      const r = await runPipelineBench({ baseUrl: site.baseUrl, urls, processes, concurrency, sink, redisUrl: redis.url, workDir: work });
      log(`  ${r.pagesPerSecond.toFixed(1)} pages/s, ${r.records} records, ${r.failed} failed, RSS ${JSON.stringify(r.rss)}`);
      runs.push(r);
      return r;
    };
    // The comparison pair first and back to back, same sink kind (JSONL), same concurrency.
    const tinflowOne = await run(1, 'jsonl');
    log(`crawlee: CheerioCrawler, concurrency ${CONCURRENCY}, JSONL ...`);
    const crawlee = await runCrawleeChild(site.baseUrl, PAGES, CONCURRENCY, join(work, 'crawlee.jsonl'));
    log(`  ${crawlee.pagesPerSecond.toFixed(1)} pages/s, ${crawlee.records} records`);
    // The same 16 pages in flight, spread over two worker processes: what tinflow's queue design buys on this 2-core machine.
    const tinflowSplit = await run(2, 'jsonl', Math.max(1, Math.round(CONCURRENCY / 2)));
    for (const p of [1, 2, 4]) await run(p, 'postgres');

    log('CPU profile of one worker process ...');
    const profPages = Math.min(PAGES, quick ? 1000 : 4000);
    const profDir = join(work, 'cpuprof');
    const profRun = await runPipelineBench({ baseUrl: site.baseUrl, urls: urls.slice(0, profPages), processes: 1, concurrency: CONCURRENCY, sink: 'postgres', redisUrl: redis.url, workDir: work, workerNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
    // tsx runs a loader thread too: its profile is the small one; the worker's main thread is the biggest.
    const profFile = readdirSync(profDir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort((a, b) => statSync(join(profDir, b)).size - statSync(join(profDir, a)).size)[0];
    const cpuRows = profFile ? summarizeCpuProfile(join(profDir, profFile)).filter((r) => r.percent >= 0.5) : [];
    const cpuSection = profFile
      ? [
          `\`node --cpu-prof\` of one \`tinflow worker --concurrency ${CONCURRENCY}\` (postgres sink) over ${profPages} pages (${f1(profRun.pagesPerSecond)} pages/s while profiled; start-up included), self time by library / stage:`,
          '',
          '| where | share of samples |',
          '| --- | ---: |',
          ...cpuRows.map((r) => `| ${r.category} | ${r.percent.toFixed(1)}% |`),
        ].join('\n')
      : '_no CPU profile was written_';

    log('profile split: parse vs extract ...');
    const split = await parseShare(site.baseUrl, quick ? 100 : 300);

    let extractSection = '_bench/extract.ts not run._';
    if (!values['skip-extract']) {
      try {
        log('extraction alone: bench/extract.ts ...');
        const e = runExtractChild(quick ? 50 : 300);
        const row = (name: string, x: { pagesPerSecond: number; seconds: number; boilerplateLines: number; f1: number }) =>
          `| ${name} | ${f1(x.pagesPerSecond)} | ${x.seconds.toFixed(2)} | ${x.boilerplateLines} | ${x.f1.toFixed(3)} |`;
        extractSection = [
          `${e.pages} pages of the extraction dev set (\`npx tsx bench/extract.ts --limit ${e.pages} --rounds 2\`): each extractor runs all pages as a timed block in a child process of its own (after 50 untimed warm-up pages, without a forced GC), each page in an event-loop task of its own as in a worker; the extractors take turns for ${e.rounds} rounds (order flipped each round), tinflow with ${e.blocksPerRound.tinflow} blocks a turn and Readability with ${e.blocksPerRound.readability}, so that tinflow's few-second passes, like Readability's minute-long ones, average over the machine's changing load; pages/s over all blocks. Same pages, same run; a process per block keeps jsdom's garbage out of the other extractor's heap.`,
          '',
          '| extractor | pages/s | seconds | boilerplate lines | F1 |',
          '| --- | ---: | ---: | ---: | ---: |',
          row('tinflow extractArticle', e.tinflow),
          row('@mozilla/readability on jsdom', e.readability),
          '',
          `tinflow is ${e.speedup.toFixed(1)}x faster.`,
        ].join('\n');
      } catch (err) {
        extractSection = `_bench/extract.ts could not run: ${(err as Error).message}_`;
      }
    }

    let seenSection = '_bench/seen-set.ts not run._';
    try {
      const { runSeenSetBench } = await import('./seen-set.ts');
      const n = quick ? 50_000 : 200_000;
      log(`seen-set: ${n} URLs ...`);
      const s = await runSeenSetBench({ redisUrl: redis.url, urls: n });
      seenSection = `${s.urls} URLs in ${s.keys} keys (${s.nonListpackKeys} not listpack): ${s.bytesPerUrl.toFixed(1)} bytes/URL by MEMORY USAGE, ${s.usedMemoryBytesPerUrl.toFixed(1)} bytes/URL by INFO used_memory, ${f0(s.urlsPerSecond)} URLs/s inserted (\`runSeenSetBench\` from bench/seen-set.ts, private Redis).`;
    } catch (err) {
      seenSection = `_bench/seen-set.ts could not run: ${(err as Error).message}_`;
    }

    const ratio = tinflowOne.pagesPerSecond / crawlee.pagesPerSecond;
    const ratioSplit = tinflowSplit.pagesPerSecond / crawlee.pagesPerSecond;
    const cpu = cpus();
    const machine = `${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform} ${process.arch}; Redis ${readRedisVersion()} (private instance started by the bench), PostgreSQL on 127.0.0.1.`;
    const md = `# Benchmarks

Produced by \`${command}\` (bench/run.ts) on ${started.toISOString()}.

Machine: ${machine}
The machine is shared with other jobs (1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end, on ${cpus().length} cores), so
absolute figures move a lot between runs; the comparison runs (tinflow vs Crawlee) go back to back in the same run on the same site.

## Setup

- **Site**: bench/site.ts serves ${PAGES} generated article pages in the bench process, rendered by the five
  sample-site templates from seeded random Vietnamese-like text (~8 KB of HTML each, with menus, share bars,
  related boxes, JSON-LD), plus a sitemap index. Each page is rendered once and then served from memory, so
  both crawlers get the same bytes and the server (which shares the machine's cores) costs little per request. Politeness off for both crawlers (tinflow rateLimit: false, robots not read).
- **tinflow**: the ${PAGES} article jobs are queued in Redis first (${f1(tinflowOne.enqueueSeconds)} s, not counted), then
  \`tinflow worker --concurrency ${CONCURRENCY}\` processes are spawned; each job does fetch (undici, SSRF guard,
  Redis politeness check) -> extract -> fingerprint -> dedupe claim (Redis Lua) -> sink write -> seen-set mark.
  Time is measured from the first completed job to the last (process start-up shown in brackets).
- **Crawlee**: bench/crawlee.ts in its own process: CheerioCrawler with min = max concurrency ${CONCURRENCY} (no
  autoscaling ramp), in-memory storage in a fresh tmp folder, no session pool; its request handler runs the same
  tinflow extractArticle + fingerprint + buildRecord on the body and appends the record as one JSON line.
  Time is measured around \`crawler.run(urls)\`.
- **Fairness**: same site, same pages, same concurrency budget (one process, ${CONCURRENCY} pages in flight), both
  write every record to a JSONL file; both pay for one parse in extractArticle (Crawlee additionally parses the page
  into \`$\` itself, which is how CheerioCrawler works). tinflow does more per page (Redis queue moves, dedupe, seen-set).

## tinflow vs Crawlee (same run)

| crawler | pages | records | seconds | pages/s | records/s |
| --- | ---: | ---: | ---: | ---: | ---: |
| tinflow, 1 worker process, concurrency ${CONCURRENCY}, JSONL | ${tinflowOne.pages} | ${tinflowOne.records} | ${f1(tinflowOne.seconds)} | **${f1(tinflowOne.pagesPerSecond)}** | ${f1(tinflowOne.recordsPerSecond)} |
| Crawlee CheerioCrawler, concurrency ${CONCURRENCY}, JSONL | ${crawlee.pages} | ${crawlee.records} | ${f1(crawlee.seconds)} | **${f1(crawlee.pagesPerSecond)}** | ${f1(crawlee.recordsPerSecond)} |
| tinflow, 2 worker processes x concurrency ${tinflowSplit.concurrency} (same ${tinflowSplit.concurrency * 2} in flight), one JSONL file each | ${tinflowSplit.pages} | ${tinflowSplit.records} | ${f1(tinflowSplit.seconds)} | **${f1(tinflowSplit.pagesPerSecond)}** | ${f1(tinflowSplit.recordsPerSecond)} |

**Ratio tinflow / Crawlee, one process each: ${ratio.toFixed(2)}x. Same in-flight budget over two worker processes: ${ratioSplit.toFixed(2)}x** (target >= 2x: ${ratio >= 2 ? 'met with one process' : ratioSplit >= 2 ? 'met only with two processes' : 'NOT met'}).

Where the one-process ratio comes from: both crawlers run the very same \`extractArticle\` on every page, which
costs E = ${split.extractMs.toFixed(2)} ms per page here (warm, measured in the bench process on generated pages). Per page,
Crawlee spends ${f1(1000 / crawlee.pagesPerSecond)} ms in all, i.e. ~${f1(1000 / crawlee.pagesPerSecond - split.extractMs)} ms besides E, and one tinflow worker
${f1(1000 / tinflowOne.pagesPerSecond)} ms, ~${f1(1000 / tinflowOne.pagesPerSecond - split.extractMs)} ms besides E (fetch, queue moves, politeness and dedupe Lua, fingerprint, sink).
The one-process ratio is (C + E) / (T + E) for those two overheads C and T, so the shared extraction pulls it
below C / T; tinflow's queue design spreads the same in-flight budget over processes (and hosts), which a CheerioCrawler
process does not.

## Pipeline throughput and worker memory

${pipelineTable(runs)}

Redis memory per queued article job: **${f0(tinflowOne.redisBytesPerQueuedJob)} bytes** (INFO used_memory delta over ${PAGES} queued jobs, private Redis, before any worker ran).
Worker RSS is read from /proc/<pid>/status (VmRSS) when the first job completes, at half the pages and at the end.

## Where one worker's time goes

${stageTable(tinflowOne, split)}

${cpuSection}

## Extraction alone

${extractSection}

## Seen-set

${seenSection}
`;
    if (!values['no-write']) writeFileSync(join(ROOT, 'BENCHMARKS.md'), md);
    process.stdout.write(md);
  } finally {
    await site.close();
    redis.proc?.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }

  function readRedisVersion(): string {
    try {
      return /v=(\S+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))?.[1] ?? '?';
    } catch {
      return '?';
    }
  }
}

await main();
process.exit(0);
