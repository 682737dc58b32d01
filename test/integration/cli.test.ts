import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startSampleSite, demoSources, type SampleSite } from '../../src/demo/site.ts';
import { dropPrefix, tempDir, uniquePrefix } from '../helpers/env.ts';

const BIN = join(import.meta.dirname, '../../bin/tinflow.mjs');

function tinflow(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, TINFLOW_LOG_LEVEL: 'warn' }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

let site: SampleSite;
const prefix = uniquePrefix('cli');

beforeAll(async () => {
  site = await startSampleSite();
});
afterAll(async () => {
  await site?.close();
  await dropPrefix(prefix);
});

describe('tinflow CLI', () => {
  it('crawl --once on a local site writes one record per distinct article and prints the summary', async () => {
    const dir = tempDir('cli');
    const config = join(dir, 'site.yaml');
    writeFileSync(config, stringify({ sources: demoSources(site.baseUrl) }));
    const out = join(dir, 'records.jsonl');
    const r = await tinflow(['crawl', '--config', config, '--once', '--sink', `jsonl:${out}`], { TINFLOW_PREFIX: prefix });
    expect(r.stderr).not.toMatch(/Error:/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tinflow crawl summary');
    expect(r.stdout).toMatch(new RegExp(`records written\\s+${site.expected.length}\\b`));
    expect(r.stdout).toMatch(new RegExp(`duplicates dropped\\s+${site.duplicateUrls.length}\\b`));
    expect(r.stdout).toContain('no-article: 1');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(site.expected.length);
    const urls = new Set(lines.map((l) => JSON.parse(l).url as string));
    // The duplicated article may be written under its other URL, whichever was fetched first.
    const missing = site.expected.filter((e) => !urls.has(e.url));
    const extra = [...urls].filter((u) => !site.expected.some((e) => e.url === u));
    expect(extra.every((u) => site.duplicateUrls.includes(u))).toBe(true);
    expect(missing.length).toBe(extra.length);

    const exported = await tinflow(['export', '--sink', `jsonl:${out}`]);
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim().split('\n')).toHaveLength(site.expected.length);
  });

  it('extract prints one record per page of a folder, with the file name', async () => {
    const folder = join(import.meta.dirname, '../fixtures/vn');
    const files = readdirSync(folder).filter((f) => f.endsWith('.html'));
    const r = await tinflow(['extract', folder]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(files.length);
    for (const rec of lines) {
      expect(rec.file).toMatch(/\.html$/);
      const want = JSON.parse(readFileSync(rec.file.replace(/\.html$/, '.expected.json'), 'utf8'));
      expect(rec.title).toBe(want.title);
      expect(rec.url).toBe(want.url);
    }
  });

  it('extract reads stdin with --url', async () => {
    const html = `<html lang="en"><head><title>Quiet harbour reopens - Example News</title></head><body><nav><a href="/">Home</a></nav><article><h1>Quiet harbour reopens</h1>${'<p>The harbour reopened on Monday after three weeks of repairs to the northern pier, officials said, and the first ferries arrived on schedule with passengers and freight.</p>'.repeat(4)}</article></body></html>`;
    const r = await tinflow(['extract', '-', '--url', 'https://example.org/news/harbour.html'], {}, html);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec).toMatchObject({ file: '-', url: 'https://example.org/news/harbour.html', title: 'Quiet harbour reopens', language: 'en' });
    expect(rec.body).toContain('The harbour reopened on Monday');
    expect(rec.body).not.toContain('Home');
  });

  it('a config error names the file and the field, and exits 2', async () => {
    const dir = tempDir('cli');
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'sources:\n  - id: ok\n    listings: [not-a-url]\n    articleUrlPattern: "(["\n');
    const r = await tinflow(['crawl', '--config', config, '--once']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(config);
    expect(r.stderr).toContain('sources[0].listings[0]');
    expect(r.stderr).toContain('sources[0].articleUrlPattern');
  });

  it('says in one line how to start Redis when it is not answering', async () => {
    const r = await tinflow(['status'], { REDIS_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Redis is not answering/);
    expect(lines[0]).toMatch(/redis-server/);
    expect(lines[0]).toMatch(/docker compose up -d redis/);
  });
});
