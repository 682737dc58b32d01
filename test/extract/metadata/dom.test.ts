import { describe, expect, it } from 'vitest';
import { classPattern, documentElements } from '../../../src/extract/metadata/dom.ts';
import { parsePage } from '../../../src/extract/page.ts';

const elementsOf = (html: string) => documentElements(parsePage(html));

describe('classPattern', () => {
  const dated = classPattern(/(?:^|[\s_-])(?:date|kicker)(?:$|[\s_-])/);

  it('tests class, id and data-testid in any case, words bounded', () => {
    const els = elementsOf(
      '<div class="post-DATE"></div><div id="date"></div><div data-testid="Kicker"></div><div class="update"></div><div></div><div class="x" id="y"></div>',
    );
    expect(els.map(dated)).toEqual([true, true, true, false, false, false]);
  });

  it('reads non-ASCII values as lower-cased text: the Kelvin sign lower-cases to k', () => {
    // U+212A KELVIN SIGN: toLowerCase() gives "k", a case-insensitive ASCII pattern does not.
    const els = elementsOf('<span class="\u212Aicker"></span><span class="ok" id="\u212Aicker"></span><span class="ngày"></span>');
    expect(els.map(dated)).toEqual([true, true, false]);
  });

  it('matches words around other non-ASCII text, and takes the exact path wherever İ or the Kelvin sign stands', () => {
    const els = elementsOf(
      '<p class="tin-liên-quan Date"></p><p class="İ post-date"></p><p class="İnfo Kicker"></p><p class="İdate"></p><p class="K"></p>',
    );
    expect(els.map(dated)).toEqual([true, true, true, false, false]);
  });
});
