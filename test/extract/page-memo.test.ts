import { describe, expect, it } from 'vitest';
import { PageMemo } from '../../src/extract/page-memo.ts';
import { parsePage } from '../../src/extract/page.ts';

describe('PageMemo', () => {
  it('keeps one value per parsed page', () => {
    const memo = new PageMemo<string>();
    const a = parsePage('<p>a</p>');
    const b = parsePage('<p>b</p>');
    memo.set(a, 'A');
    expect(memo.get(a)).toBe('A');
    expect(memo.get(b)).toBeUndefined();
    memo.set(b, 'B');
    expect(memo.get(a)).toBe('A');
    expect(memo.get(b)).toBe('B');
  });

  it('two memos on one page do not share a slot', () => {
    const m1 = new PageMemo<number>();
    const m2 = new PageMemo<number>();
    const page = parsePage('<p>x</p>');
    m1.set(page, 1);
    m2.set(page, 2);
    expect([m1.get(page), m2.get(page)]).toEqual([1, 2]);
  });
});
