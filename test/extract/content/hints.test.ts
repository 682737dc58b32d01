import { describe, expect, it } from 'vitest';
import { hintVerdict, nameParts } from '../../../src/extract/content/patterns.ts';

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
      // Known words of two and three parts, dashed or camelCased, and the rightmost word deciding.
      ['box-tin-lien-quan', 'strong'],
      ['tinLienQuan2', 'strong'],
      ['left-side-bar', 'strong'],
      ['main-content-v2', 'positive'],
      ['article-copyright', 'weak'],
      ['share-content', 'positive'],
      ['header-top', 'weak'],
      ['top-header', null],
    ];
    for (const [hint, verdict] of cases) expect(hintVerdict(hint), JSON.stringify(hint)).toBe(verdict);
  });
});

describe('nameParts', () => {
  /** The definition: camelCase split, lower-cased, split at "-" / "_" runs, trailing numbers (and a "v" before them) cut. */
  const reference = (name: string) =>
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .split(/[-_]+/)
      .map((p) => p.replace(/v?\d+$/, ''))
      .filter(Boolean);

  it('splits class and id names into their words', () => {
    expect(nameParts('TestReport__Section--Ads')).toEqual(['test', 'report', 'section', 'ads']);
    expect(nameParts('col-v2')).toEqual(['col']);
    expect(nameParts('postid-219')).toEqual(['postid']);
    expect(nameParts('addContent')).toEqual(['add', 'content']);
    expect(nameParts('box_tinLienQuan3')).toEqual(['box', 'tin', 'lien', 'quan']);
  });

  it('cuts every name as the definition does, odd ones included', () => {
    const alphabet = 'aAbBvVzZ09-_xX';
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 20000; n++) {
      let name = '';
      for (let len = Math.floor(next() * 12); len > 0; len--) name += alphabet[Math.floor(next() * alphabet.length)];
      expect(nameParts(name), JSON.stringify(name)).toEqual(reference(name));
    }
    for (const name of ['', '-', '__', 'v', 'V1', 'a1B', 'aBC', 'ABC', 'mainÜbersicht', 'İtem-2', 'x\u212aB']) expect(nameParts(name)).toEqual(reference(name));
  });
});
