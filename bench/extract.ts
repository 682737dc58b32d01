/**
 * Extraction speed and boilerplate leakage: tinflow's extractArticle vs @mozilla/readability on
 * jsdom, same dev-set pages, same run.   node --expose-gc --import tsx bench/extract.ts [--dev DIR] [--limit N] [--rounds R] [--json]
 * Also home of the dev-set helpers (loading, decoding, snippet scoring) that scripts/eval.ts uses.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
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
}

export interface ExtractBenchOptions {
  dev?: string;
  /** Pages to use, from the start of the dev set (default 300; 0 = all). */
  limit?: number;
  /** Alternating blocks per extractor (default 2). */
  rounds?: number;
}

type Page = { entry: DevEntry; html: string };

function figures(pages: Page[], outputs: string[], seconds: number): ExtractorFigures {
  const counts: SnippetCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  let bp = 0;
  pages.forEach((p, i) => {
    scoreSnippets(outputs[i], p.entry, counts);
    bp += boilerplateLines(outputs[i], p.entry);
  });
  return { pages: pages.length, seconds, pagesPerSecond: pages.length / seconds, boilerplateLines: bp, f1: prf(counts).f1 };
}

/**
 * Each extractor runs over all pages as one block, alternating blocks for `rounds` rounds (the order flips each
 * round), with a full GC before each block when node runs with --expose-gc. Per-page interleaving would charge
 * jsdom's garbage (hundreds of MB per block) to the GC pauses of whichever extractor runs next; blocks keep each
 * extractor paying for its own allocations, and alternation keeps the ratio fair while the machine's load changes.
 */
function measureBlocks(pages: Page[], a: (p: Page) => string, b: (p: Page) => string, rounds: number): [ExtractorFigures, ExtractorFigures] {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (const p of pages.slice(0, 5)) {
    a(p);
    b(p);
  }
  const block = (f: (p: Page) => string, out: string[]): number => {
    gc?.();
    const t0 = performance.now();
    for (const p of pages) out.push(f(p));
    return (performance.now() - t0) / 1000;
  };
  let secA = 0;
  let secB = 0;
  let outA: string[] = [];
  let outB: string[] = [];
  for (let r = 0; r < rounds; r++) {
    outA = [];
    outB = [];
    if (r % 2 === 0) {
      secA += block(a, outA);
      secB += block(b, outB);
    } else {
      secB += block(b, outB);
      secA += block(a, outA);
    }
  }
  const fa = figures(pages, outA, secA);
  const fb = figures(pages, outB, secB);
  return [{ ...fa, pages: pages.length * rounds, pagesPerSecond: (pages.length * rounds) / secA }, { ...fb, pages: pages.length * rounds, pagesPerSecond: (pages.length * rounds) / secB }];
}

export async function runExtractBench(opts: ExtractBenchOptions = {}): Promise<ExtractBenchResult> {
  const dir = ensureDevSet(opts.dev ?? DEFAULT_DEV_DIR);
  const limit = opts.limit ?? 300;
  const entries = loadDevSet(dir);
  const pages: Page[] = [];
  for (const entry of limit > 0 ? entries.slice(0, limit) : entries) {
    const path = devPagePath(dir, entry.file);
    if (path) pages.push({ entry, html: decodePage(readFileSync(path)) });
  }
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const virtualConsole = new VirtualConsole();

  const tinflowExtract = ({ entry, html }: Page) => {
    try {
      const a = extractArticle(html, entry.url, { timezone: 'Europe/Berlin' });
      return a.lead ? `${a.lead}\n\n${a.body}` : a.body;
    } catch (err) {
      if (err instanceof ExtractionError) return '';
      throw err;
    }
  };
  const readabilityExtract = ({ entry, html }: Page) => {
    try {
      const dom = new JSDOM(html, { url: entry.url, virtualConsole });
      const out = new Readability(dom.window.document).parse()?.textContent ?? '';
      dom.window.close();
      return out;
    } catch {
      return '';
    }
  };
  const [tinflow, readability] = measureBlocks(pages, tinflowExtract, readabilityExtract, opts.rounds ?? 2);
  return { pages: pages.length, tinflow, readability, speedup: tinflow.pagesPerSecond / readability.pagesPerSecond };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { dev: { type: 'string', default: DEFAULT_DEV_DIR }, limit: { type: 'string', default: '300' }, rounds: { type: 'string', default: '2' }, json: { type: 'boolean', default: false } },
  });
  const r = await runExtractBench({ dev: values.dev, limit: Number(values.limit), rounds: Number(values.rounds) });
  if (values.json) {
    console.log(JSON.stringify(r));
    process.exit(0);
  }
  const row = (f: ExtractorFigures) => ({ 'pages/s': Number(f.pagesPerSecond.toFixed(1)), seconds: Number(f.seconds.toFixed(2)), 'boilerplate lines': f.boilerplateLines, F1: Number(f.f1.toFixed(3)) });
  console.log(`extract bench: ${r.pages} dev-set pages from ${values.dev}, ${values.rounds} alternating blocks per extractor${(globalThis as { gc?: unknown }).gc ? "" : " (run node with --expose-gc for a GC between blocks)"}`);
  console.table({ tinflow: row(r.tinflow), 'readability+jsdom': row(r.readability) });
  console.log(`speed-up: ${r.speedup.toFixed(1)}x`);
}
