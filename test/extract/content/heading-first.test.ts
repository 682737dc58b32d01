import { describe, expect, it } from 'vitest';
import { HEADING_WORDS, isBoilerplateHeading, mayOpenBoilerplateHeading } from '../../../src/extract/content/patterns.ts';

describe('mayOpenBoilerplateHeading', () => {
  it('lets through the first letters of headings in any case, Vietnamese ones too', () => {
    for (const h of ['Tin liên quan', 'Đọc thêm', 'đọc nhiều', 'Ý kiến bạn đọc', 'Mehr zum Thema', 'Related articles']) {
      expect(isBoilerplateHeading(h)).toBe(true);
      expect(mayOpenBoilerplateHeading(h.charCodeAt(0))).toBe(true);
    }
    // The Kelvin sign case-folds to k.
    expect(mayOpenBoilerplateHeading(0x212a)).toBe(mayOpenBoilerplateHeading('k'.charCodeAt(0)));
  });

  it('turns away only characters that cannot open any heading', () => {
    expect(mayOpenBoilerplateHeading('中'.charCodeAt(0))).toBe(false);
    // Each heading word, its first letter swapped for every BMP character the shortcut turns away: none matches.
    const byFirst = new Map<string, string>();
    for (const w of HEADING_WORDS) if (!byFirst.has(w[0])) byFirst.set(w[0], w);
    for (let c = 0; c < 0x10000; c++) {
      if (mayOpenBoilerplateHeading(c)) continue;
      const ch = String.fromCharCode(c);
      for (const w of byFirst.values()) {
        if (isBoilerplateHeading(ch + w.slice(1))) expect.fail(`U+${c.toString(16)} opens "${ch + w.slice(1)}"`);
      }
    }
  });
});
