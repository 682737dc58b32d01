/**
 * Extraction quality on the public dev set (trafilatura's snippets) and on the Vietnamese fixtures.
 *   npm run eval -- [--dev DIR] [--fixtures DIR] [--limit N] [--verbose]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { extractArticle, ExtractionError, type ExtractedArticle } from '../src/extract/index.ts';
import { rulesForUrl } from '../src/extract/rules/index.ts';
import { normalizeText } from '../src/normalize/text.ts';
import { DEFAULT_DEV_DIR, decodePage, devPagePath, ensureDevSet, loadDevSet, prf, scoreSnippets, squashWs, type SnippetCounts } from '../bench/extract.ts';

const { values: args } = parseArgs({
  options: {
    dev: { type: 'string', default: DEFAULT_DEV_DIR },
    fixtures: { type: 'string', default: 'test/fixtures/vn' },
    limit: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    timezone: { type: 'string', default: 'Europe/Berlin' },
  },
});

const splitNames = (s: string) =>
  s
    .split(/\s*(?:,|;|\band\b|\bund\b|&)\s*/i)
    .map((x) => normalizeText(x).toLowerCase())
    .filter(Boolean)
    .sort();

function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function evalDev(dir: string) {
  const entries = loadDevSet(ensureDevSet(dir));
  const limit = args.limit ? Number(args.limit) : entries.length;
  const counts: SnippetCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  let titles = 0, titleOk = 0, titleCaseless = 0, dates = 0, badDates = 0, dateOk = 0, authors = 0, authorOk = 0, pages = 0, errors = 0;
  let seconds = 0;
  for (const e of entries.slice(0, limit)) {
    const path = devPagePath(dir, e.file);
    if (!path) continue;
    const html = decodePage(readFileSync(path));
    pages++;
    let art: ExtractedArticle | null = null;
    const t0 = performance.now();
    try {
      art = extractArticle(html, e.url, { timezone: args.timezone!, rules: rulesForUrl(e.url) });
    } catch (err) {
      if (!(err instanceof ExtractionError)) throw err;
      errors++;
    }
    seconds += (performance.now() - t0) / 1000;
    const text = art ? [art.lead ?? '', art.body].join('\n\n') : '';
    const before = { ...counts };
    scoreSnippets(text, e, counts);
    if (args.verbose && (counts.fn > before.fn || counts.fp > before.fp)) {
      const out = squashWs(text);
      const miss = e.with.filter((s) => !out.includes(squashWs(s)));
      const extra = e.without.filter((s) => out.includes(squashWs(s)));
      console.log(`${e.file}\n  missing: ${JSON.stringify(miss)}\n  extra: ${JSON.stringify(extra)}`);
    }
    if (e.title) {
      titles++;
      if (art && normalizeText(art.title) === normalizeText(e.title)) titleOk++;
      if (art && normalizeText(art.title).toLowerCase() === normalizeText(e.title).toLowerCase()) titleCaseless++;
    }
    // A few annotations are not dates ("2022-29-11", "2022-01.26"): no extractor can match them, so they are not scored.
    if (e.date && !isCalendarDay(e.date)) badDates++;
    else if (e.date) {
      dates++;
      if (art?.publishedAt?.slice(0, 10) === e.date) dateOk++;
    }
    const expAuthor = Array.isArray(e.author) ? e.author.join(', ') : e.author;
    if (expAuthor) {
      authors++;
      if (art && JSON.stringify(splitNames(art.authors.join(', '))) === JSON.stringify(splitNames(expAuthor))) authorOk++;
    }
  }
  const { precision, recall, f1 } = prf(counts);
  return { pages, errors, precision, recall, f1, title: titleOk / Math.max(1, titles), titleCaseless: titleCaseless / Math.max(1, titles), titles, dates, badDates, date: dateOk / Math.max(1, dates), author: authorOk / Math.max(1, authors), pagesPerSecond: pages / Math.max(1e-9, seconds) };
}

function evalFixtures(dir: string) {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  const fields = new Map<string, { ok: number; total: number }>();
  const failures: string[] = [];
  for (const f of files) {
    const expPath = join(dir, f.replace(/\.html$/, '.expected.json'));
    if (!existsSync(expPath)) continue;
    const expected = JSON.parse(readFileSync(expPath, 'utf8')) as Record<string, unknown>;
    const url = typeof expected.url === 'string' ? expected.url : `https://example.vn/${f}`;
    const tz = typeof expected.timezone === 'string' ? expected.timezone : 'Asia/Ho_Chi_Minh';
    let got: Record<string, unknown> = {};
    try {
      got = extractArticle(decodePage(readFileSync(join(dir, f))), url, { timezone: tz, rules: rulesForUrl(url) }) as unknown as Record<string, unknown>;
    } catch (err) {
      got = { error: err instanceof ExtractionError ? err.reason : String(err) };
    }
    for (const [k, v] of Object.entries(expected)) {
      if (k === 'url' || k === 'timezone') continue;
      const c = fields.get(k) ?? { ok: 0, total: 0 };
      c.total++;
      if (JSON.stringify(got[k]) === JSON.stringify(v)) c.ok++;
      else failures.push(`${f} ${k}`);
      fields.set(k, c);
    }
  }
  return { pages: files.length, fields, failures };
}

const pct = (x: number) => x.toFixed(3);
const dev = evalDev(args.dev!);
console.log('dev set: %s (%d titles, %d dates scored; %d annotated dates that are not calendar days left out)', args.dev, dev.titles, dev.dates, dev.badDates);
console.table([
  {
    pages: dev.pages,
    'no-article/title': dev.errors,
    precision: pct(dev.precision),
    recall: pct(dev.recall),
    F1: pct(dev.f1),
    'title exact': pct(dev.title),
    'title (any case)': pct(dev.titleCaseless),
    'date (day)': pct(dev.date),
    author: pct(dev.author),
    'pages/s': Math.round(dev.pagesPerSecond),
  },
]);
const fx = evalFixtures(args.fixtures!);
if (!fx || fx.pages === 0) console.log('fixtures: none in %s', args.fixtures);
else {
  console.log('fixtures: %d pages in %s (exact matches per field)', fx.pages, args.fixtures);
  console.table(Object.fromEntries([...fx.fields].map(([k, c]) => [k, { exact: `${c.ok}/${c.total}` }])));
  if (args.verbose) for (const f of fx.failures) console.log('  mismatch:', f);
}
