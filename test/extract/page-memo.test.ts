import { describe, expect, it } from 'vitest';
import { PageMemo, releasePage } from '../../src/extract/page-memo.ts';
import { parsePage } from '../../src/extract/page.ts';
import { documentElements } from '../../src/extract/metadata/dom.ts';

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

describe('releasePage', () => {
  it('drops every memo of the page and cuts the document from its elements', () => {
    const memo = new PageMemo<string>();
    const page = parsePage('<html><body><p>one</p><p>two</p></body></html>');
    const other = parsePage('<p>other</p>');
    memo.set(page, 'kept until release');
    memo.set(other, 'other page');
    expect(documentElements(page).map((e) => e.name)).toEqual(['html', 'body', 'p', 'p']);
    releasePage(page);
    expect(memo.get(page)).toBeUndefined();
    expect(page.document.children).toEqual([]);
    // The element index is a memo too: it is gone, not served stale.
    expect(documentElements(page)).toEqual([]);
    expect(memo.get(other)).toBe('other page');
  });
});
