import { load } from 'cheerio/slim';
import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../../src/extract/metadata/dates.ts';
import { extractMetadata, type MetadataOptions } from '../../../src/extract/metadata/index.ts';

const NOW = new Date('2026-03-10T05:00:00Z');
const BERLIN: MetadataOptions = { timezone: 'Europe/Berlin', now: NOW };
const page = (head: string, body: string) => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const meta = (html: string, url = 'https://beispiel.de/artikel/123', opts: MetadataOptions = BERLIN) => extractMetadata(load(html), url, opts);

describe('dates in more scripts', () => {
  it.each([
    ['15 августа 2016, 13:43', '2016-08-15T13:43:00+02:00'],
    ['3 травня 2021', '2021-05-03T00:00:00+02:00'],
    ['7 października 2020', '2020-10-07T00:00:00+02:00'],
    ['2019年6月24日 10時', '2019-06-24T00:00:00+02:00'],
    ['2019년 6월 24일', '2019-06-24T00:00:00+02:00'],
  ])('%s', (text, iso) => {
    expect(parseDateText(text, { timezone: 'Europe/Berlin', reference: NOW })).toBe(iso);
  });

  it('finds the date beside a headline printed in a minor heading (h4)', () => {
    const html = page(
      '<title>Neue Batterie für Speicher</title>',
      '<div class="box"><p>Teilen: <em>01.11.2023 11:35</em></p><h4>Neue Batterie für Speicher</h4><p>Forschende stellen eine neue Batterie vor.</p></div>',
    );
    expect(meta(html).publishedAt).toBe('2023-11-01T11:35:00+01:00');
  });
});

describe('ruby annotations', () => {
  it('leaves rt/rp pronunciation guides out of the title', () => {
    const html = page('<title>ニュース</title>', '<article><h1><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を<ruby>学<rt>まな</rt></ruby>ぶ</h1></article>');
    expect(meta(html, 'https://example.jp/news/1').title).toBe('漢字を学ぶ');
  });
});
