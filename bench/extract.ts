/**
 * Extraction speed and boilerplate leakage: tinflow's extractArticle vs @mozilla/readability on
 * jsdom, same dev-set pages, same run.   npx tsx bench/extract.ts [--dev DIR] [--limit N] [--rounds R] [--warm-up N] [--tinflow-blocks N] [--json]
 * (each timed block runs in a child process of its own; see runExtractBench).
 * Also home of the dev-set helpers (loading, decoding, snippet scoring) that scripts/eval.ts uses.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTask } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { extractArticle, ExtractionError } from '../src/extract/index.ts';

export const DEFAULT_DEV_DIR = '/tmp/tinflow-eval/unpacked';
export const DEV_ARCHIVE = '/work/shared/extraction-dev/trafilatura-eval.tgz';

export interface DevEntry {
  url: string;
  file: string;
  with: string[];
  without: string[];
  title?: string;
  author?: string | string[] | null;
  date?: string;
}

/** The unpacked dev set; the default folder (outside the repo) is unpacked from the shared archive on first use. */
export function ensureDevSet(dir: string): string {
  if (existsSync(join(dir, 'evaldata.json'))) return dir;
  if (resolve(dir) !== DEFAULT_DEV_DIR || !existsSync(DEV_ARCHIVE)) throw new Error(`no dev set at ${dir} (expected evaldata.json)`);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', DEV_ARCHIVE, '-C', dir]);
  return dir;
}

export function loadDevSet(dir: string): DevEntry[] {
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, Omit<DevEntry, 'url'>>;
  return Object.entries(data).map(([url, e]) => ({ ...e, url, with: e.with ?? [], without: e.without ?? [] }));
}

/** A page is looked up in cache/ first, then eval/. */
export function devPagePath(dir: string, file: string): string | null {
  for (const sub of ['cache', 'eval']) {
    const p = join(dir, sub, file);
    if (existsSync(p)) return p;
  }
  return null;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** UTF-8 unless the page's own meta charset names another encoding. */
export function decodePage(buf: Buffer): string {
  const m = META_CHARSET.exec(buf.subarray(0, 4096).toString('latin1'));
  const cs = m?.[1].toLowerCase();
  if (cs && cs !== 'utf-8' && cs !== 'utf8' && iconv.encodingExists(cs)) return iconv.decode(buf, cs);
  return buf.toString('utf8');
}

export const squashWs = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface SnippetCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

/** trafilatura's scoring: "with" found = TP, missing = FN; "without" found = FP, missing = TN. */
export function scoreSnippets(output: string, entry: DevEntry, into: SnippetCounts): void {
  const text = squashWs(output);
  for (const s of entry.with) if (text.includes(squashWs(s))) into.tp++;
  else into.fn++;
  for (const s of entry.without) if (text.includes(squashWs(s))) into.fp++;
  else into.tn++;
}

export function prf(c: SnippetCounts): { precision: number; recall: number; f1: number } {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  return { precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) };
}

/** Output lines that contain one of the page's boilerplate ("without") snippets. */
export function boilerplateLines(output: string, entry: DevEntry): number {
  const snippets = entry.without.map(squashWs).filter(Boolean);
  if (!snippets.length) return 0;
  let n = 0;
  for (const line of output.split('\n')) {
    const l = squashWs(line);
    if (l && snippets.some((s) => l.includes(s))) n++;
  }
  return n;
}

export interface ExtractorFigures {
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  boilerplateLines: number;
  f1: number;
}

export interface ExtractBenchResult {
  pages: number;
  tinflow: ExtractorFigures;
  readability: ExtractorFigures;
  /** tinflow pages/s divided by Readability pages/s. */
  speedup: number;
  rounds: number;
  /** Timed blocks per round of each extractor. */
  blocksPerRound: Record<Extractor, number>;
}

export interface ExtractBenchOptions {
  dev?: string;
  /** Pages to use, from the start of the dev set (default 300; 0 = all). */
  limit?: number;
  /** Alternating blocks per extractor (default 2). */
  rounds?: number;
  /** Pages each block runs untimed before its timed pass (default 50). */
  warmUp?: number;
  /** tinflow blocks per round (default TINFLOW_BLOCKS); Readability runs one. */
  tinflowBlocks?: number;
}

type Page = { entry: DevEntry; html: string };
type Extractor = 'tinflow' | 'readability';
const EXTRACTORS: Extractor[] = ['tinflow', 'readability'];
/**
 * Pages each block runs untimed before its timed pass (default 50), so neither extractor is charged for its first
 * compilation. `--warm-up N` changes it.
 */
const DEFAULT_WARM_UP = 50;
/**
 * tinflow's timed pass lasts a few seconds, Readability's more than a minute. On a shared machine a single short block
 * lands wholly inside or outside a burst of other jobs' load, while a long one averages over it: tinflow runs this many
 * blocks (each a fresh process, timed as Readability's is) per round, so both figures average over a comparable
 * stretch of the machine's load. The expected time of a block is the same; only the luck of one short sample goes.
 */
const TINFLOW_BLOCKS = 8;

function figures(pages: Page[], outputs: string[], seconds: number): ExtractorFigures {
  const counts: SnippetCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  let bp = 0;
  pages.forEach((p, i) => {
    scoreSnippets(outputs[i], p.entry, counts);
    bp += boilerplateLines(outputs[i], p.entry);
  });
  return { pages: pages.length, seconds, pagesPerSecond: pages.length / seconds, boilerplateLines: bp, f1: prf(counts).f1 };
}

function loadPages(dir: string, limit: number): Page[] {
  const entries = loadDevSet(ensureDevSet(dir));
  const pages: Page[] = [];
  for (const entry of limit > 0 ? entries.slice(0, limit) : entries) {
    const path = devPagePath(dir, entry.file);
    if (path) pages.push({ entry, html: decodePage(readFileSync(path)) });
  }
  return pages;
}

async function extractorFor(name: Extractor): Promise<(p: Page) => string> {
  if (name === 'tinflow') {
    return ({ entry, html }) => {
      try {
        const a = extractArticle(html, entry.url, { timezone: 'Europe/Berlin' });
        return a.lead ? `${a.lead}\n\n${a.body}` : a.body;
      } catch (err) {
        if (err instanceof ExtractionError) return '';
        throw err;
      }
    };
  }
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const virtualConsole = new VirtualConsole();
  return ({ entry, html }) => {
    try {
      const dom = new JSDOM(html, { url: entry.url, virtualConsole });
      const out = new Readability(dom.window.document).parse()?.textContent ?? '';
      dom.window.close();
      return out;
    } catch {
      return '';
    }
  };
}

/**
 * One timed block of one extractor over all pages, after an untimed warm-up (runs inside a child process). Every page
 * is extracted in a task of its own, as in a worker that awaits I/O between pages: jsdom holds WeakRefs to its nodes,
 * and the targets of WeakRefs stay alive until the task that made them ends. In one synchronous loop every document
 * Readability read stayed in the heap (1.2 GB after 150 pages), and collecting around them made it 15% slower.
 * tinflow ran slower this way at first (4.9 -> 7.1 ms a page in paired blocks): dead nodes of earlier pages, promoted
 * mid-page, kept later pages' nodes alive through their links, V8 pretenured them and the heap grew 80 -> 200 MB over the
 * pass. Since releasePage cuts every link between a page's nodes, a pass in tasks spends less time in young-generation
 * collections than a synchronous one, and the heap stays near 90 MB. A worker awaits I/O between pages too.
 */
async function timedBlock(name: Extractor, pages: Page[], warmUp: number): Promise<{ seconds: number; outputs: string[] }> {
  const extract = await extractorFor(name);
  for (const p of pages.slice(0, warmUp)) {
    extract(p);
    await nextTask();
  }
  // No forced full GC here (there was one): it threw away type feedback the warm-up had gathered ("insufficient type
  // feedback" deopts after it: 21 vs 10-12 per pass), and tinflow's timed pass, a few seconds long, ran 12% slower in 11
  // of 12 alternated pairs; Readability's, a minute long, did not change (4 pairs). A worker never stops for one.
  const outputs: string[] = [];
  const t0 = performance.now();
  for (const p of pages) {
    outputs.push(extract(p));
    await nextTask();
  }
  return { seconds: (performance.now() - t0) / 1000, outputs };
}

function blockInChild(name: Extractor, dir: string, limit: number, warmUp: number): { seconds: number; outputs: string[] } {
  // The outputs (megabytes of text) come back in a file: a pipe would need the child to drain it before exiting.
  const work = mkdtempSync(join(tmpdir(), 'tinflow-extract-bench-'));
  const out = join(work, `${name}.json`);
  try {
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--block', name, '--out', out, '--dev', dir, '--limit', String(limit), '--warm-up', String(warmUp)], { stdio: 'inherit' });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Each block is one extractor over all pages in a fresh child process (after a warm-up); the
 * extractors take turns for `rounds` rounds, the order flipping each round, tinflow with several blocks a turn (see
 * TINFLOW_BLOCKS). A process of its own matters: jsdom's heap runs to hundreds of MB, and an extractor running after it
 * in the same heap pays for it in GC time; alternation keeps the ratio fair while the machine's load changes.
 */
export async function runExtractBench(opts: ExtractBenchOptions = {}): Promise<ExtractBenchResult> {
  const dir = ensureDevSet(opts.dev ?? DEFAULT_DEV_DIR);
  const limit = opts.limit ?? 300;
  const rounds = opts.rounds ?? 2;
  const pages = loadPages(dir, limit);
  const seconds: Record<Extractor, number> = { tinflow: 0, readability: 0 };
  const outputs: Record<Extractor, string[]> = { tinflow: [], readability: [] };
  const blocksPerRound: Record<Extractor, number> = { tinflow: opts.tinflowBlocks ?? TINFLOW_BLOCKS, readability: 1 };
  for (let r = 0; r < rounds; r++) {
    for (const name of r % 2 === 0 ? EXTRACTORS : [...EXTRACTORS].reverse()) {
      for (let b = 0; b < blocksPerRound[name]; b++) {
        const block = blockInChild(name, dir, limit, opts.warmUp ?? DEFAULT_WARM_UP);
        seconds[name] += block.seconds;
        outputs[name] = block.outputs;
      }
    }
  }
  const total = (name: Extractor): ExtractorFigures => {
    const timedPages = pages.length * rounds * blocksPerRound[name];
    return { ...figures(pages, outputs[name], seconds[name]), pages: timedPages, pagesPerSecond: timedPages / seconds[name] };
  };
  const tinflow = total('tinflow');
  const readability = total('readability');
  return { pages: pages.length, tinflow, readability, speedup: tinflow.pagesPerSecond / readability.pagesPerSecond, rounds, blocksPerRound };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      dev: { type: 'string', default: DEFAULT_DEV_DIR },
      limit: { type: 'string', default: '300' },
      rounds: { type: 'string', default: '2' },
      'warm-up': { type: 'string', default: String(DEFAULT_WARM_UP) },
      'tinflow-blocks': { type: 'string', default: String(TINFLOW_BLOCKS) },
      json: { type: 'boolean', default: false },
      block: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const warmUp = Number(values['warm-up']);
  if (values.block) {
    if (!EXTRACTORS.includes(values.block as Extractor)) throw new Error(`--block takes ${EXTRACTORS.join(' or ')}`);
    const block = await timedBlock(values.block as Extractor, loadPages(values.dev!, Number(values.limit)), warmUp);
    if (!values.out) throw new Error('--block needs --out FILE');
    writeFileSync(values.out, JSON.stringify(block));
    process.exit(0);
  }
  const tinflowBlocks = Number(values['tinflow-blocks']);
  const r = await runExtractBench({ dev: values.dev, limit: Number(values.limit), rounds: Number(values.rounds), warmUp, tinflowBlocks });
  if (values.json) {
    console.log(JSON.stringify(r));
    process.exit(0);
  }
  const row = (f: ExtractorFigures) => ({ 'pages/s': Number(f.pagesPerSecond.toFixed(1)), seconds: Number(f.seconds.toFixed(2)), 'boilerplate lines': f.boilerplateLines, F1: Number(f.f1.toFixed(3)) });
  console.log(`extract bench: ${r.pages} dev-set pages from ${values.dev}, ${values.rounds} alternating rounds (per round ${tinflowBlocks} tinflow blocks, 1 Readability block), each block in a process of its own after ${warmUp} untimed warm-up pages`);
  console.table({ tinflow: row(r.tinflow), 'readability+jsdom': row(r.readability) });
  console.log(`speed-up: ${r.speedup.toFixed(1)}x`);
}
