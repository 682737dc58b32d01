import { parsePage } from '../../../src/extract/page.ts';
import { describe, expect, it } from 'vitest';
import { boilerplateTest, documentElements, inBoilerplate, selfAndAncestors } from '../../../src/extract/metadata/dom.ts';

const HTML = `<html><body class="has-sidebar">
<main class="widget"><article class="post">
  <header><h1 id="t">Tiêu đề bài viết</h1><span class="date">07/03/2026</span></header>
  <aside class="sidebar"><time>06/03/2026</time></aside>
  <div class="related-posts"><ul><li><time>01/03/2026</time></li><li><span class="date">02/03/2026</span></li></ul></div>
  <footer><span class="byline">Phóng viên</span><div class="comments"><p class="date">03/03/2026</p></div></footer>
</article></main>
<div class="widget"><article><h2>Khác</h2><time>05/03/2026</time></article></div>
<footer class="site-footer"><div><span>© 2026</span><div class="tin-lien-quan"><a>Tin</a></div></div></footer>
</body></html>`;

describe('boilerplateTest', () => {
  it('answers as inBoilerplate does for every element, loose or strict, with and without a headline', () => {
    const elements = documentElements(parsePage(HTML));
    const h1 = elements.find((e) => e.attribs.id === 't')!;
    for (const headline of [undefined, selfAndAncestors(h1)]) {
      const test = boilerplateTest(headline);
      // Twice: the second round answers from the remembered climbs.
      for (let round = 0; round < 2; round++) {
        for (const el of elements) {
          for (const loose of [false, true]) expect(test(el, loose)).toBe(inBoilerplate(el, loose, headline));
        }
      }
    }
    // What the rules say, element by element.
    const find = (test: (e: (typeof elements)[number]) => boolean) => elements.find(test)!;
    const headerDate = find((e) => e.name === 'span' && e.attribs.class === 'date' && e.parent!.type === 'tag' && (e.parent as typeof e).name === 'header');
    const asideTime = find((e) => e.name === 'time' && (e.parent as typeof e).name === 'aside');
    const relatedTime = find((e) => e.name === 'time' && (e.parent as typeof e).name === 'li');
    const commentDate = find((e) => e.name === 'p' && e.attribs.class === 'date');
    const otherWidgetTime = find((e) => e.name === 'time' && (e.parent as typeof e).name === 'article');
    const headline = selfAndAncestors(h1);
    expect([headerDate, asideTime, relatedTime, commentDate, otherWidgetTime].map((e) => inBoilerplate(e, false, headline))).toEqual([false, false, true, true, true]);
    expect([headerDate, asideTime, relatedTime, commentDate, otherWidgetTime].map((e) => inBoilerplate(e, true, headline))).toEqual([false, false, true, true, false]);
    // Without a headline the article's aside is furniture like any other.
    expect([inBoilerplate(headerDate), inBoilerplate(asideTime), inBoilerplate(asideTime, true)]).toEqual([false, true, false]);
    // The fixture exercises every outcome.
    const answers = new Set(elements.map((el) => inBoilerplate(el, false, selfAndAncestors(h1))));
    expect(answers).toEqual(new Set([true, false]));
  });
});
