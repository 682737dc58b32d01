import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle, ExtractionError } from '../../extract/index.ts';
import { rulesForUrl } from '../../extract/rules/index.ts';
import { decodeBody } from '../../fetch/charset.ts';
import { canonicalizeUrl, urlKey } from '../../urls/canonical.ts';
import { fingerprint } from '../../dedupe/index.ts';
import { buildRecord } from '../../normalize/record.ts';
import type { ExtractRules } from '../../schemas/config.ts';

function* htmlFiles(path: string): Generator<string> {
  const st = statSync(path);
  if (!st.isDirectory()) {
    yield path;
    return;
  }
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(path, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (/\.x?html?$/i.test(e.name)) yield p;
  }
}

/** The page's own idea of its URL (canonical, og:url), read cheaply without a parse. */
function urlFromPage(html: string): string | null {
  const head = html.slice(0, 64 * 1024);
  const m =
    /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i.exec(head) ??
    /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical/i.exec(head) ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(head);
  return m ? canonicalizeUrl(m[1]) : null;
}

export interface ExtractCliOptions {
  url?: string;
  timezone: string;
  source: string;
  rules?: ExtractRules;
}

/** One record (plus `file`) per input, or an error line; returns the number of failures. */
export function extractFiles(paths: string[], opts: ExtractCliOptions, write: (line: string) => void, readStdin: () => Buffer): number {
  let failures = 0;
  const inputs = paths.flatMap((p) => (p === '-' ? ['-'] : [...htmlFiles(p)]));
  for (const file of inputs) {
    const bytes = file === '-' ? readStdin() : readFileSync(file);
    const html = decodeBody(bytes, null).text;
    const url = opts.url ?? urlFromPage(html) ?? (file === '-' ? 'file:///dev/stdin' : pathToFileURL(resolve(file)).href);
    const fetchedAt = new Date().toISOString();
    try {
      const fields = extractArticle(html, url, { timezone: opts.timezone, rules: opts.rules ?? rulesForUrl(url), source: opts.source });
      const canonicalUrl = canonicalizeUrl(fields.canonicalUrl ?? url) ?? url;
      const record = buildRecord(fields, {
        id: urlKey(canonicalUrl),
        url,
        canonicalUrl,
        source: opts.source,
        ...fingerprint(fields),
        fetchedAt,
      });
      write(JSON.stringify({ file, ...record }));
    } catch (err) {
      failures++;
      const reason = err instanceof ExtractionError ? err.reason : 'internal';
      write(JSON.stringify({ file, url, error: { reason, message: (err as Error).message } }));
    }
  }
  return failures;
}
