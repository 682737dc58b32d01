/**
 * Renders the extraction fixtures (src/demo/fixtures.ts) into test/fixtures/vn/:
 * NAME.html and NAME.expected.json. Run: npx tsx scripts/make-fixtures.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFixtures } from '../src/demo/fixtures.ts';

const dir = join(import.meta.dirname, '../test/fixtures/vn');
mkdirSync(dir, { recursive: true });
// Start clean so a renamed fixture leaves no stale file behind.
for (const f of readdirSync(dir)) if (f.endsWith('.html') || f.endsWith('.expected.json')) rmSync(join(dir, f));

const fixtures = buildFixtures();
for (const f of fixtures) {
  writeFileSync(join(dir, `${f.name}.html`), f.html);
  writeFileSync(join(dir, `${f.name}.expected.json`), `${JSON.stringify(f.expected, null, 2)}\n`);
}
process.stdout.write(`wrote ${fixtures.length} fixtures to ${dir}\n`);
