import { describe, expect, it } from 'vitest';
import { load } from 'cheerio/slim';
import { sameEventDifferentArticles, sampleArticles, syndicatedPair } from '../../src/demo/articles.ts';
import { slugify, toOldStyleTones } from '../../src/demo/slug.ts';
import { expectedFields } from '../../src/demo/expected.ts';
import { articleUrl, renderers, siteStyles } from '../../src/demo/templates/index.ts';

describe('sample articles', () => {
  it('are at least 15 distinct, well-formed Vietnamese articles', () => {
    expect(sampleArticles.length).toBeGreaterThanOrEqual(15);
    expect(new Set(sampleArticles.map((a) => a.id)).size).toBe(sampleArticles.length);
    expect(new Set(sampleArticles.map((a) => a.slug)).size).toBe(sampleArticles.length);
    for (const a of sampleArticles) {
      const paragraphs = a.blocks.filter((b) => b.kind === 'p').length;
      expect(paragraphs, a.slug).toBeGreaterThanOrEqual(4);
      expect(paragraphs, a.slug).toBeLessThanOrEqual(9);
      expect(a.images.length).toBeLessThanOrEqual(3);
      expect(a.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/);
      expect(a.slug).toBe(slugify(a.title));
      for (const img of a.images) {
        expect(img.afterBlock).toBeGreaterThanOrEqual(0);
        expect(img.afterBlock).toBeLessThanOrEqual(a.blocks.length);
        expect(img.caption).not.toMatch(/Ảnh:|\.$/);
      }
      expect(a.title + a.lead + JSON.stringify(a.blocks)).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
    const kinds = new Set(sampleArticles.flatMap((a) => a.blocks.map((b) => b.kind)));
    expect(kinds).toEqual(new Set(['p', 'h2', 'quote', 'list']));
    expect(sampleArticles.some((a) => a.lead === null)).toBe(true);
    expect(sampleArticles.some((a) => a.trailingCredit)).toBe(true);
  });

  it('syndicatedPair holds one text three ways; sameEventDifferentArticles are two texts', () => {
    const { original, copy, variant } = syndicatedPair;
    expect(new Set([original.id, copy.id, variant.id]).size).toBe(3);
    expect(copy.blocks).toEqual(original.blocks);
    expect(variant.agencyPrefix).not.toBe(original.agencyPrefix);
    const variantBody = expectedFields(variant, 'https://example.vn/a').body;
    expect(variantBody).toBe(toOldStyleTones(expectedFields(original, 'https://example.vn/a').body));
    expect(variantBody).not.toBe(expectedFields(original, 'https://example.vn/a').body);
    expect(JSON.stringify(variant.blocks)).toBe(JSON.stringify(variant.blocks).normalize('NFD'));

    const [a, b] = sameEventDifferentArticles;
    expect(a.id).not.toBe(b.id);
    const shared = a.blocks.filter((x) => b.blocks.some((y) => JSON.stringify(x) === JSON.stringify(y)));
    expect(shared).toEqual([]);
    expect(a.publishedAt.slice(0, 10)).toBe(b.publishedAt.slice(0, 10));
  });
});

describe('slug helpers', () => {
  it('slugify strips tone marks and đ', () => {
    expect(slugify('Đối thoại Chiến lược Việt Nam - Australia lần thứ tám')).toBe('doi-thoai-chien-luoc-viet-nam-australia-lan-thu-tam');
  });

  it('toOldStyleTones moves the mark only on open oa/oe/uy syllables', () => {
    expect(toOldStyleTones('hòa bình, Thủy sản, hóa chất, khỏe, Ủy ban, hoàn thành, quý, thuyền, Hòa')).toBe('hoà bình, Thuỷ sản, hoá chất, khoẻ, Uỷ ban, hoàn thành, quý, thuyền, Hoà');
  });
});

describe.each(siteStyles)('%s template', (style) => {
  it('prints every article: title in h1, the prefixed lead, all body paragraphs, each image once in the body', () => {
    for (const a of sampleArticles) {
      const url = articleUrl('https://tin.example.vn', a);
      const html = renderers[style](a, { baseUrl: 'https://tin.example.vn', related: sampleArticles.filter((r) => r !== a).slice(0, 8) });
      const $ = load(html);
      expect($('h1').length, a.slug).toBe(1);
      expect($('h1').text().trim()).toBe(a.title);
      expect($('title').text()).toMatch(/ - /);
      expect($('meta[property="og:url"]').attr('content')).toBe(url);
      const text = $('body').text().replace(/\s+/g, ' ');
      const want = expectedFields(a, url);
      for (const p of want.body.split('\n\n')) expect(text, `${style} ${a.slug}`).toContain(p);
      if (a.lead && a.agencyPrefix) expect(text).toMatch(new RegExp(`${a.agencyPrefix.replace(/[()]/g, '\\$&')}\\.? -? ?${a.lead.slice(0, 20)}`));
      if (a.trailingCredit) expect(text).toContain(a.trailingCredit);
      const sources = $('img')
        .map((_, el) => $(el).attr('data-src') ?? $(el).attr('src'))
        .get()
        .map((src) => new URL(src, url).href);
      for (const img of want.images) expect(sources.filter((s) => s === img.url), img.url).toHaveLength(1);
    }
  });
});
