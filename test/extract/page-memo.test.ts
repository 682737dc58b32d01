import { load } from 'cheerio/slim';
import { describe, expect, it } from 'vitest';
import { PageMemo, releasePage } from '../../src/extract/page-memo.ts';
import { documentElements } from '../../src/extract/metadata/dom.ts';

describe('PageMemo', () => {
  it('keeps one value per loaded page', () => {
    const memo = new PageMemo<string>();
    const a = load('<p>a</p>');
    const b = load('<p>b</p>');
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
    const $ = load('<p>x</p>');
    m1.set($, 1);
    m2.set($, 2);
    expect([m1.get($), m2.get($)]).toEqual([1, 2]);
  });
});

describe('releasePage', () => {
  it('drops every memo of the page and cuts the document from its elements', () => {
    const memo = new PageMemo<string>();
    const $ = load('<html><body><p>one</p><p>two</p></body></html>');
    const other = load('<p>other</p>');
    memo.set($, 'kept until release');
    memo.set(other, 'other page');
    expect(documentElements($).map((e) => e.name)).toEqual(['html', 'body', 'p', 'p']);
    releasePage($);
    expect(memo.get($)).toBeUndefined();
    expect($.root()[0].children).toEqual([]);
    // The element index is a memo too: it is gone, not served stale.
    expect(documentElements($)).toEqual([]);
    expect(memo.get(other)).toBe('other page');
  });
});
