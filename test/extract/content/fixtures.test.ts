import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.ts';
import { rulesForUrl } from '../../../src/extract/rules/index.ts';

const DIR = join(import.meta.dirname, '../../fixtures/vn');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.html') && existsSync(join(DIR, f.replace(/\.html$/, '.expected.json')))).sort() : [];

/** Keys of the expected file that are inputs, not extracted fields. */
const INPUTS = new Set(['url', 'timezone']);

/** The page's own address: from the expected record, else its canonical link. */
function pageUrl(html: string, expected: Record<string, unknown>, file: string): string {
  for (const k of ['url', 'canonicalUrl']) if (typeof expected[k] === 'string') return expected[k] as string;
  const m = /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html) ?? /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html);
  return m ? m[1] : `https://fixtures.example.vn/${file}`;
}

function run(file: string) {
  const html = readFileSync(join(DIR, file), 'utf8');
  const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.html$/, '.expected.json')), 'utf8')) as Record<string, unknown>;
  const url = pageUrl(html, expected, file);
  const timezone = typeof expected.timezone === 'string' ? expected.timezone : 'Asia/Ho_Chi_Minh';
  const got = extractArticle(html, url, { timezone, rules: rulesForUrl(url) }) as unknown as Record<string, unknown>;
  return { expected, got };
}

describe('Vietnamese fixtures (test/fixtures/vn): every field exact', () => {
  it('the fixture folder is not empty', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of files) {
    it(file, () => {
      const { expected, got } = run(file);
      for (const [field, value] of Object.entries(expected)) {
        if (!INPUTS.has(field)) expect(got[field], `${file}: ${field}`).toEqual(value);
      }
    });
  }
});
