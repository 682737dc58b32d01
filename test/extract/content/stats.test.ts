import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { firstNamed, rawText, squashedLength } from '../../../src/extract/content/dom.ts';
import { computeStats } from '../../../src/extract/content/stats.ts';
import { parsePage } from '../../../src/extract/page.ts';

/** A deterministic stream of pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['lời', 'b', ' ', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', 'x y', ' z ', 'Hà Nội'];

describe('computeStats', () => {
  it("counts a leaf's characters as its squashed text, however its text nodes split words and whitespace", () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const runs: string[] = [];
      for (let i = 1 + Math.floor(next() * 5); i > 0; i--) {
        let text = '';
        for (let j = Math.floor(next() * 6); j > 0; j--) text += PIECES[Math.floor(next() * PIECES.length)];
        runs.push(text);
      }
      // Inline elements split the leaf's text into several text nodes.
      const html = `<body><p>${runs.map((t, i) => (i % 2 ? `<b>${t}</b>` : t)).join('')}</p></body>`;
      const p = firstNamed(parsePage(html).document, 'p') as Element;
      const chars = computeStats(p).get(p)?.chars ?? 0;
      expect(chars, JSON.stringify(runs)).toBe(squashedLength(rawText(p)));
    }
  });
});
