import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { detach } from '../../src/extract/content/dom.ts';
import { parse } from 'css-what';
import { builtinRules } from '../../src/extract/rules/index.ts';
import { selectAllElements, selectorKey } from '../../src/extract/selectors.ts';
import { parsePage } from '../../src/extract/page.ts';
import { textContent } from '../../src/extract/metadata/dom.ts';

const PAGE = `<!doctype html><html lang="vi"><head><title>t</title><script class="data" id="s1">{}</script></head><body>
<div id="main" class="page article__body">
  <h1 class="article__title big">Tiêu đề</h1>
  <div class="article__sapo">Sapo</div>
  <div class="article__body" data-x="1"><p>Một</p><div class="box-related"><a href="/a">Tin A</a></div><p class="Normal">Hai</p></div>
  <ul class="path"><li><a href="/">Trang chủ</a></li><li><a href="/the-gioi">Thế giới</a></li></ul>
  <p class="Normal" style="text-align:right"><strong>Tác giả</strong></p>
</div>
<aside class="box-related"><a href="/b">Tin B</a></aside>
<div class="ARTICLE__BODY">case differs</div>
<div class="contents  contents" id="dup"><p>class named twice</p></div>
</body></html>`;

const SELECTORS = [
  '.article__body',
  'h1.article__title',
  '.article__title.big',
  '#main .article__sapo',
  '#main',
  'div#main > h1',
  '.article__body .box-related',
  '.box-related a',
  '.path a:last-child',
  'p.Normal[style*="right"] strong',
  '.article__body p',
  'h1',
  'p',
  'script.data',
  '#s1',
  '.article__title, .article__sapo',
  'div:not(.article__body)',
  '.article__body .box-related a',
  '#main p strong',
  '.article__sapo + div',
  '.article__sapo ~ div p',
  'ul.path > li > a',
  '.contents',
  '.contents p',
  '.missing',
  '.missing a',
  '#missing',
];

const names = (els: Element[]) => els.map((e) => `${e.name}${e.attribs.class ? `.${e.attribs.class}` : ''}`);

describe('selectAllElements', () => {
  it.each(SELECTORS)('matches what cheerio matches, in document order: %s', (sel) => {
    const page = parsePage(PAGE);
    const expected = load(page.document)(sel).toArray() as Element[];
    const got = selectAllElements(page, sel);
    expect(got).toEqual(expected);
    expect(got.every((el, i) => el === expected[i])).toBe(true);
  });

  it('looks up the class or id of the subject, or of an ancestor compound, and walks the page only without one', () => {
    const key = (sel: string) => selectorKey(parse(sel));
    expect(key('.box-related')).toEqual({ kind: 'class', value: 'box-related', scope: 'self' });
    expect(key('h1.article__title.big')).toEqual({ kind: 'class', value: 'article__title', scope: 'self' });
    expect(key('div#main.page')).toEqual({ kind: 'id', value: 'main', scope: 'self' });
    expect(key('.article__tag a')).toEqual({ kind: 'class', value: 'article__tag', scope: 'descendants' });
    expect(key('#main > ul li.x')).toEqual({ kind: 'class', value: 'x', scope: 'self' });
    expect(key('#main > ul li')).toEqual({ kind: 'id', value: 'main', scope: 'descendants' });
    expect(key('.a + p')).toBeNull();
    expect(key('h1')).toBeNull();
    expect(key('.a, .b')).toBeNull();
    expect(key('[class="x" i]')).toBeNull();
  });

  it('leaves out elements detached after its index was built, and their descendants', () => {
    const page = parsePage(PAGE);
    expect(names(selectAllElements(page, '.box-related'))).toEqual(['div.box-related', 'aside.box-related']);
    const [inner] = selectAllElements(page, '.article__body .box-related');
    detach(inner);
    expect(names(selectAllElements(page, '.box-related'))).toEqual(['aside.box-related']);
    detach(selectAllElements(page, '#main')[0]);
    expect(selectAllElements(page, '.article__sapo')).toEqual([]);
    expect(selectAllElements(page, '.box-related a').map((el) => textContent(el))).toEqual(['Tin B']);
  });

  it('keeps the answers of each page to that page', () => {
    const a = parsePage('<div class="x">A</div>');
    const b = parsePage('<p class="x">B</p><p class="x">C</p>');
    expect(selectAllElements(a, '.x').map((e) => e.name)).toEqual(['div']);
    expect(selectAllElements(b, '.x').map((el) => textContent(el))).toEqual(['B', 'C']);
  });

  it('hands selectors css-select cannot run alone to cheerio, and throws on invalid CSS as cheerio does', () => {
    const page = parsePage(PAGE);
    expect(names(selectAllElements(page, '.path a:first'))).toEqual(['a']);
    expect(() => selectAllElements(page, 'div[[')).toThrow();
  });

  it('selects what cheerio selects for every built-in template selector on every Vietnamese fixture page', () => {
    const selectors = new Set(Object.values(builtinRules).flatMap((rules) => Object.values(rules).flat()));
    const dir = join(import.meta.dirname, '../fixtures/vn');
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    let matched = 0;
    for (const page of pages) {
      const html = readFileSync(join(dir, page), 'utf8');
      for (const sel of selectors) {
        const parsed = parsePage(html);
        const expected = load(parsed.document)(sel).toArray();
        const got = selectAllElements(parsed, sel);
        expect(got.length, `${sel} on ${page}`).toBe(expected.length);
        expect(got.every((el, i) => el === expected[i]), `${sel} on ${page}`).toBe(true);
        matched += got.length;
      }
    }
    expect(matched).toBeGreaterThan(0);
  });
});
