import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import iconv from 'iconv-lite';

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

/** The unpacked dev set, unpacking the shared archive there first if needed (outside the repo). */
export function ensureDevSet(dir: string): string {
  if (existsSync(join(dir, 'evaldata.json'))) return dir;
  if (dir !== DEFAULT_DEV_DIR || !existsSync(DEV_ARCHIVE)) throw new Error(`no dev set at ${dir} (expected evaldata.json)`);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', DEV_ARCHIVE, '-C', dir]);
  return dir;
}

export function loadDevSet(dir: string): DevEntry[] {
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, Omit<DevEntry, 'url'>>;
  return Object.entries(data).map(([url, e]) => ({ url, ...e, with: e.with ?? [], without: e.without ?? [] }));
}

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
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = META_CHARSET.exec(head);
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
  for (const s of entry.with) if (text.includes(squashWs(s))) into.tp++; else into.fn++;
  for (const s of entry.without) if (text.includes(squashWs(s))) into.fp++; else into.tn++;
}

export function prf(c: SnippetCounts): { precision: number; recall: number; f1: number } {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  return { precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) };
}
