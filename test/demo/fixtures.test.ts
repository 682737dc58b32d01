import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio/slim';
import { buildFixtures } from '../../src/demo/fixtures.ts';
import { syndicatedPair } from '../../src/demo/articles.ts';
import { ImageSchema } from '../../src/schemas/record.ts';

const DIR = join(import.meta.dirname, '../fixtures/vn');
const fixtures = buildFixtures();

/** Page text as a reader sees it: NFC, one space between words. */
function pageText(html: string, selector = 'body'): string {
  const $ = load(html.normalize('NFC'));
  $('script, style').remove();
  return $(selector).text().replace(/\s+/g, ' ');
}

const MONTH_DAY = (d: string, m: string, y: string, hh: string, mm: string) =>
  `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T${hh}:${mm}:00+07:00`;

// Independent readers of each site's visible date format, to check the templates print the right instant.
const VISIBLE_DATE: Record<string, (text: string) => string | null> = {
  nhandan: (t) => {
    const m = /(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}) GMT\+7/.exec(t);
    return m && MONTH_DAY(m[1], m[2], m[3], m[4], m[5]);
  },
  baotintuc: (t) => {
    const m = /(Chủ nhật|Thứ hai|Thứ ba|Thứ tư|Thứ năm|Thứ sáu|Thứ bảy), (\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}) \(GMT\+7\)/.exec(t);
    return m && MONTH_DAY(m[2], m[3], m[4], m[5], m[6]);
  },
  thoidai: (t) => {
    const m = /(Chủ Nhật|Thứ Hai|Thứ Ba|Thứ Tư|Thứ Năm|Thứ Sáu|Thứ Bảy), (\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})/.exec(t);
    return m && MONTH_DAY(m[2], m[3], m[4], m[5], m[6]);
  },
  baophapluat: (t) => {
    const m = /(\d{2}):(\d{2}) \| (\d{2})\/(\d{2})\/(\d{4})/.exec(t);
    return m && MONTH_DAY(m[3], m[4], m[5], m[1], m[2]);
  },
  biengioilanhtho: (t) => {
    const m = /(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})/.exec(t);
    return m && MONTH_DAY(m[1], m[2], m[3], m[4], m[5]);
  },
};
const WEEKDAYS = ['chủ nhật', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy'];

describe('extraction fixtures', () => {
  it('test/fixtures/vn holds exactly the generated fixtures, up to date (npx tsx scripts/make-fixtures.ts)', () => {
    const files = readdirSync(DIR).sort();
    expect(files).toEqual(fixtures.flatMap((f) => [`${f.name}.expected.json`, `${f.name}.html`]).sort());
    for (const f of fixtures) {
      expect(readFileSync(join(DIR, `${f.name}.html`), 'utf8'), f.name).toBe(f.html);
      expect(JSON.parse(readFileSync(join(DIR, `${f.name}.expected.json`), 'utf8')), f.name).toEqual(f.expected);
    }
  });

  it('covers at least 20 pages over the five site styles and the difficult variants', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(new Set(fixtures.map((f) => f.style))).toEqual(new Set(['nhandan', 'baotintuc', 'thoidai', 'baophapluat', 'biengioilanhtho']));
    const names = fixtures.map((f) => f.name).join(' ');
    for (const variant of ['nfd', 'double-encoded-title', 'caption-twice', 'table-captions', 'lazy-srcset', 'partial-date', 'no-lead', 'trailing-credit']) {
      expect(names).toContain(variant);
    }
  });

  describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const text = pageText(f.html);

    it('expected fields are well formed and NFC', () => {
      const e = f.expected;
      expect(new URL(e.url).hostname).toMatch(/(nhandan|baotintuc|thoidai|baophapluat|biengioilanhtho)\./);
      expect(e.language).toBe('vi');
      expect(e.publishedAt === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/.test(e.publishedAt)).toBe(true);
      for (const img of e.images) {
        expect(ImageSchema.parse(img)).toEqual(img);
        expect(img.url.startsWith(new URL(e.url).origin + '/images/')).toBe(true);
        expect(img.caption).not.toMatch(/Ảnh:|\.$/);
      }
      const json = JSON.stringify(e);
      expect(json).toBe(json.normalize('NFC'));
      expect(e.body.split('\n\n').length).toBeGreaterThanOrEqual(4);
    });

    it('the page prints the title, lead, every body paragraph, captions and credits', () => {
      const e = f.expected;
      expect(pageText(f.html, 'h1').trim()).toBe(e.title);
      for (const paragraph of e.body.split('\n\n')) expect(text).toContain(paragraph);
      if (e.lead !== null) expect(text).toContain(e.lead);
      for (const img of e.images) {
        expect(text).toContain(img.caption);
        if (img.credit) expect(text).toContain(`Ảnh: ${img.credit}`);
      }
      for (const tag of e.tags) expect(text).toContain(tag);
      for (const author of e.authors) expect(text).toContain(author);
      expect(text).toContain('Từ khóa');
      expect(text).toMatch(/Tin liên quan|Tin bài liên quan|Các tin khác/);
    });

    it('prints the publication date in the site format, for the same instant, or none at all', () => {
      const visible = VISIBLE_DATE[f.style](text);
      expect(visible).toBe(f.expected.publishedAt);
      if (f.expected.publishedAt === null) {
        expect(f.html).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
        expect(text).toMatch(/Ngày \d{1,2}\/\d{1,2},/);
      } else if (f.style === 'baotintuc' || f.style === 'thoidai') {
        const d = new Date(f.expected.publishedAt);
        const weekday = WEEKDAYS[new Date(d.getTime() + 7 * 3600_000).getUTCDay()];
        expect(text.toLowerCase()).toContain(`${weekday},`);
      }
    });
  });

  it('variants carry what they claim', () => {
    const byName = new Map(fixtures.map((f) => [f.name, f]));
    const nfd = byName.get('baotintuc-middle-east-exports-nfd')!;
    expect(nfd.html).toBe(nfd.html.normalize('NFD'));
    expect(nfd.html).not.toBe(nfd.html.normalize('NFC'));

    const tones = byName.get('thoidai-thai-fisheries-old-tones-nfd')!;
    expect(tones.html).toBe(tones.html.normalize('NFD'));
    expect(tones.expected.body).toContain('thuỷ sản');
    expect(tones.expected.body).not.toContain('thủy sản');
    expect(tones.expected.agency).toBe('TG&VN');
    const original = byName.get('nhandan-thai-fisheries-original')!;
    expect(original.expected.body).toContain('thủy sản');
    expect(original.expected.body.replaceAll('thủy', 'thuỷ').replaceAll('Ủy', 'Uỷ').replaceAll('hòa', 'hoà').replaceAll('khỏe', 'khoẻ').replaceAll('hóa', 'hoá').replaceAll('thỏa', 'thoả')).toBe(tones.expected.body);
    const republished = byName.get('baotintuc-thai-fisheries-republished')!;
    expect(republished.expected.body).toBe(original.expected.body);
    expect(republished.url).not.toBe(original.url);
    expect(syndicatedPair.copy.id).not.toBe(syndicatedPair.original.id);

    const doubled = byName.get('thoidai-human-rights-council-double-encoded-title')!;
    expect(load(doubled.html)('title').text()).toContain('&quot;');
    expect(doubled.expected.title).toContain('"lấy con người làm trung tâm"');

    const twice = byName.get('nhandan-citizen-evacuation-caption-twice')!;
    const caption = twice.expected.images[0].caption;
    expect(pageText(twice.html).split(caption).length - 1).toBe(2);

    const lazy = byName.get('thoidai-australia-dialogue-lazy-srcset')!;
    const $ = load(lazy.html);
    expect($('.__MASTERCMS_CONTENT img[data-src][data-srcset]').length).toBe(lazy.expected.images.length);
    expect($('.__MASTERCMS_CONTENT img').first().attr('src')).toMatch(/^data:/);
    expect($('table.MASTERCMS_TPL_TABLE').length + $('table.image').length).toBe(lazy.expected.images.length);

    const noLead = byName.get('biengioilanhtho-laos-border-commission-no-lead')!;
    expect(noLead.expected.lead).toBeNull();
    expect(noLead.expected.body.startsWith('Ngày 25/1,')).toBe(true);

    const credit = byName.get('baotintuc-asean-ministers-trailing-credit')!;
    expect(pageText(credit.html, '.contents')).toContain('TTXVN/Báo Tin tức');
    expect(credit.expected.body).not.toContain('TTXVN/Báo Tin tức');
    expect(credit.expected.agency).toBe('TTXVN');
  });
});
