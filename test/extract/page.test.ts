import { load } from 'cheerio/slim';
import { describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { Element as DomElement } from 'domhandler';
import { attribute, classAttribute, documentIndex, documentPosition, idAttribute, parsePage, releasePage, testIdAttribute, type Page } from '../../src/extract/page.ts';
import { PageMemo } from '../../src/extract/page-memo.ts';
import { documentElements } from '../../src/extract/metadata/dom.ts';
import { detach } from '../../src/extract/content/dom.ts';

/** The page serialized as cheerio serializes a document. */
const html = (page: Page) => load(page.document).html();

const HTML = `<!doctype html><html lang="vi"><head><title>Tin</title><script>var a = 1;</script><style>p{}</style></head>
<body><header><nav><a href="/">Trang chủ</a></nav></header><article><h1>Tiêu đề</h1><p>Một <b>hai</b> ba</p><ul><li>x</li><li>y<br>z</li></ul>
<img src="a.jpg"><table><tr><td>ô</td></tr></table></article><!-- c --><footer><p>Chân trang &amp; bản quyền</p></footer></body></html>`;

/** Every element reachable from the root, in document order. */
function walk(root: { children: unknown[] }): Element[] {
  const out: Element[] = [];
  const visit = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') out.push(n as unknown as Element);
    for (const c of n.children ?? []) visit(c as never);
  };
  for (const c of root.children) visit(c as never);
  return out;
}

describe('parsePage', () => {
  it('builds the same tree as cheerio load', () => {
    expect(html(parsePage(HTML, 250))).toBe(load(HTML).html());
  });

  it('skips through text and attribute values to the same tree, entities, raw-text tags and truncated markup included', () => {
    const cases = [
      '<p title="a&amp;b &copy=1 &notit; &#x41;">x &amp; y &lt;z&gt; &copy 2020 &notin; &#128; &#0;</p><a href=\'q?a=1&b=2\'>l</a><img alt=bare&amp;x src=x>',
      '<title>A &amp; B</title><textarea>&lt;x&gt;</textarea><script>if (a < b && c) {}</script><style>a>b{}</style><!-- c & d --><p>&amp;',
      `<div data-x="${'long value '.repeat(500)}&amp;">${'plain text '.repeat(2000)}&eacute;<b>${'x'.repeat(100)}</b></div>`,
      'text only & more', '<div a="unterminated', "<div a='x&", '<p>x&', '&', '<', '',
    ];
    for (const markup of cases) expect(html(parsePage(markup, 250))).toBe(load(markup).html());
  });

  it('keeps attributes in null-prototype dictionaries with the same own properties', () => {
    const page = parsePage('<div class="a" id="b" data-x="1" class="dup"><img src="x.jpg" alt></div>', 250);
    const [div, img] = documentIndex(page).elements;
    expect(Object.getPrototypeOf(div.attribs)).toBeNull();
    expect({ ...div.attribs }).toEqual({ class: 'a', id: 'b', 'data-x': '1' });
    expect({ ...img.attribs }).toEqual({ src: 'x.jpg', alt: '' });
  });

  it('names elements and attributes alike whether a name is a common one, another one, or in capitals', () => {
    const page = parsePage('<div class="x"><DIV CLASS="y" Data-Src=a><custom-tag data-foo=1 hre=2></custom-tag></DIV><p\nclass=z>t</p></div>', 250);
    const els = documentIndex(page).elements;
    expect(els.map((e) => e.name)).toEqual(['div', 'div', 'custom-tag', 'p']);
    expect(els.map((e) => Object.keys(e.attribs))).toEqual([['class'], ['class', 'data-src'], ['data-foo', 'hre'], ['class']]);
    expect(documentIndex(page).byName.get('div')).toHaveLength(2);
  });

  it('gives elements without attributes one shared, frozen, empty dictionary', () => {
    const page = parsePage('<div><p>a</p><p>b</p><p id="c">c</p><br></div>', 250);
    const [div, p1, p2, p3, br] = documentIndex(page).elements;
    expect(p1.attribs).toBe(div.attribs);
    expect(p2.attribs).toBe(div.attribs);
    expect(br.attribs).toBe(div.attribs);
    expect(Object.isFrozen(div.attribs)).toBe(true);
    expect(Object.getPrototypeOf(div.attribs)).toBeNull();
    expect(Object.keys(div.attribs)).toEqual([]);
    expect({ ...p3.attribs }).toEqual({ id: 'c' });
    expect(p3.attribs).not.toBe(div.attribs);
  });

  it('indexes every element in document order, and by tag name, as it parses', () => {
    const page = parsePage(HTML, 250);
    const index = documentIndex(page);
    expect(index.elements).toEqual(walk(page.document));
    expect(index.elements.map((e) => e.name).slice(0, 6)).toEqual(['html', 'head', 'title', 'script', 'style', 'body']);
    expect(index.byName.get('li')).toEqual(index.elements.filter((e) => e.name === 'li'));
    // The index is built once, not walked again on every call.
    expect(documentIndex(page)).toBe(index);
  });

  it('flattens markup deeper than the limit, and indexes only what is left in the tree', () => {
    const markup = `<body><div id="top">${'<div><span>'.repeat(40)}<p>deep <b>text</b></p>${'</span></div>'.repeat(40)}<p>after</p></div></body>`;
    const page = parsePage(markup, 20);
    const elements = walk(page.document);
    expect(documentIndex(page).elements).toEqual(elements);
    const depth = (n: Element) => {
      let d = 0;
      for (let p = n.parent; p; p = p.parent) d++;
      return d;
    };
    expect(Math.max(...elements.map(depth))).toBeLessThanOrEqual(20);
    // The text is kept, in order.
    expect(load(page.document).root().text()).toBe('deep textafter');
  });

  it('gives each element its class, id and data-testid as fields, and its place in document order', () => {
    const page = parsePage('<div class="a b" id="x"><p data-testid="t">1</p><span>2</span><DIV CLASS="C">3</DIV></div>', 250);
    const [div, p, span, upper] = documentIndex(page).elements;
    expect([classAttribute(div), idAttribute(div), testIdAttribute(div)]).toEqual(['a b', 'x', undefined]);
    expect([classAttribute(p), idAttribute(p), testIdAttribute(p)]).toEqual([undefined, undefined, 't']);
    expect([classAttribute(span), idAttribute(span), testIdAttribute(span)]).toEqual([undefined, undefined, undefined]);
    expect(classAttribute(upper)).toBe('C');
    expect(documentIndex(page).elements.map(documentPosition)).toEqual([0, 1, 2, 3]);
    // Detached elements keep their place.
    detach(p);
    expect(documentPosition(p)).toBeLessThan(documentPosition(span));
  });

  it('answers for the noted attributes from the bits it took at parse time', () => {
    const page = parsePage('<div role="main" itemprop="articleBody" class="c"><p hidden>x</p><a rel="tag" href="/t">t</a><span aria-hidden="true" style="display:none" type="x">y</span></div>', 250);
    const [div, p, a, span] = documentIndex(page).elements;
    expect([attribute(div, 'role'), attribute(div, 'itemprop'), attribute(div, 'rel'), attribute(div, 'hidden')]).toEqual(['main', 'articleBody', undefined, undefined]);
    expect(attribute(p, 'hidden')).toBe('');
    expect([attribute(a, 'rel'), attribute(a, 'role')]).toEqual(['tag', undefined]);
    expect([attribute(span, 'aria-hidden'), attribute(span, 'style'), attribute(span, 'type')]).toEqual(['true', 'display:none', 'x']);
  });

  it('reads the attributes of elements built elsewhere, and refuses them a document position', () => {
    const el = new DomElement('div', { class: 'k', id: 'i', 'data-testid': 'd', role: 'r' });
    expect([classAttribute(el), idAttribute(el), testIdAttribute(el), attribute(el, 'role')]).toEqual(['k', 'i', 'd', 'r']);
    expect(() => documentPosition(el)).toThrow(/not built by parsePage/);
  });

  it('leaves pages within the limit untouched', () => {
    const markup = `<body>${'<div>'.repeat(10)}<p>x</p>${'</div>'.repeat(10)}</body>`;
    expect(html(parsePage(markup, 12))).toBe(load(markup).html());
  });
});

describe('releasePage', () => {
  it('drops every memo of the page and cuts every link between its nodes, detached ones included', () => {
    const memo = new PageMemo<string>();
    const page = parsePage('<html><body><p>one <b>bold</b></p><div id="gone"><p>two</p></div>text</body></html>');
    const other = parsePage('<p>other</p>');
    memo.set(page, 'kept until release');
    memo.set(other, 'other page');
    const elements = documentElements(page);
    expect(elements.map((e) => e.name)).toEqual(['html', 'body', 'p', 'b', 'div', 'p']);
    const gone = elements[4];
    detach(gone);
    const texts = elements.flatMap((e) => e.children.filter((c) => c.type === 'text'));
    releasePage(page);
    expect(memo.get(page)).toBeUndefined();
    expect(page.document.children).toEqual([]);
    for (const node of [...elements, ...texts]) {
      expect([node.parent, node.prev, node.next]).toEqual([null, null, null]);
      if ('children' in node) expect(node.children).toEqual([]);
    }
    // The children arrays left are frozen: a released page cannot be written to.
    expect(() => elements[2].children.push(elements[3])).toThrow();
    // The element index is a memo too: it is gone, not served stale.
    expect(documentElements(page)).toEqual([]);
    expect(memo.get(other)).toBe('other page');
  });
});
