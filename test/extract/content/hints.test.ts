import { describe, expect, it } from 'vitest';
import { hintVerdict } from '../../../src/extract/content/patterns.ts';

describe('hintVerdict', () => {
  it('reads each class/id name, whatever whitespace separates them', () => {
    const cases: [string, ReturnType<typeof hintVerdict>][] = [
      ['article-body', 'positive'],
      ['comments', 'strong'],
      ['  ads  ', 'weak'],
      ['has-sidebar', null],
      ['', null],
      [' \t\n ', null],
      // Furniture next to content words makes only a weak case.
      ['related-posts\tcontent', 'weak'],
      ['sidebar\u3000main', 'weak'],
      ['story\u2003share', 'weak'],
      // No-break and other Unicode spaces separate names too: "foo bar" holds no known word.
      ['foo\u00a0bar', null],
      ['x\u00a0comments\u205f', 'strong'],
      ['TestReport__Section--Ads', 'weak'],
    ];
    for (const [hint, verdict] of cases) expect(hintVerdict(hint), JSON.stringify(hint)).toBe(verdict);
  });
});
