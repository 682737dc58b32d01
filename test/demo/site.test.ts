import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio/slim';
import { XMLParser } from 'fast-xml-parser';
import { ConfigSchema } from '../../src/schemas/config.ts';
import { loadConfig, resolveSources } from '../../src/config/load.ts';
import { demoSources, startSampleSite, type SampleSite } from '../../src/demo/site.ts';
import { expectedFields } from '../../src/demo/expected.ts';
import { sampleArticles } from '../../src/demo/articles.ts';

let site: SampleSite;

beforeAll(async () => {
  site = await startSampleSite();
});

afterAll(async () => {
  await site?.close();
});

async function get(url: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function links(html: string, base: string): string[] {
  const $ = load(html);
  return $('a[href]')
    .map((_, el) => new URL($(el).attr('href')!, base).href)
    .get();
}

describe('sample site', () => {
  it('serves every sample article once as expected, plus one duplicate URL and one failing page', () => {
    expect(site.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(site.expected).toHaveLength(sampleArticles.length);
    expect(new Set(site.expected.map((e) => e.url)).size).toBe(sampleArticles.length);
    expect(site.duplicateUrls).toHaveLength(1);
    expect(site.expected.map((e) => e.url)).not.toContain(site.duplicateUrls[0]);
    expect(site.failingUrls).toEqual([{ url: expect.stringMatching(/-post\d+\.html$/), reason: 'no-article' }]);
  });

  it('demoSources is a valid config whose patterns reach every page from the home listing within maxDepth', async () => {
    const config = ConfigSchema.parse({ sources: demoSources(site.baseUrl) });
    const source = resolveSources(config).get('demo')!;
    expect(source.allowPrivateNetworks).toBe(true);
    expect(source.respectRobots).toBe(true);
    const articleRe = new RegExp(source.articleUrlPattern!);
    const listingRe = new RegExp(source.listingUrlPattern!);

    // A breadth-first walk of listings, as the discovery stage does it.
    const seenListings = new Set<string>();
    const articleUrls = new Set<string>();
    let frontier = source.listings;
    for (let depth = 0; depth <= source.maxDepth && frontier.length; depth++) {
      const next: string[] = [];
      for (const url of frontier) {
        if (seenListings.has(url)) continue;
        seenListings.add(url);
        const page = await get(url);
        expect(page.status, url).toBe(200);
        for (const href of links(page.text, url)) {
          if (new URL(href).origin !== site.baseUrl) continue;
          if (articleRe.test(href)) articleUrls.add(href);
          else if (listingRe.test(href) && !seenListings.has(href)) next.push(href);
        }
      }
      frontier = next;
    }
    const want = [...site.expected.map((e) => e.url), ...site.duplicateUrls, ...site.failingUrls.map((f) => f.url)];
    expect([...articleUrls].sort()).toEqual(want.sort());
  });

  it('config/demo.yaml documents the same source for a site on port 8099', () => {
    const documented = loadConfig(new URL('../../config/demo.yaml', import.meta.url).pathname);
    expect(documented).toEqual(ConfigSchema.parse({ sources: demoSources('http://127.0.0.1:8099') }));
  });

  it('lists the duplicate only after its original, on a later home page', async () => {
    const dup = site.duplicateUrls[0];
    const home = links((await get(`${site.baseUrl}/`)).text, `${site.baseUrl}/`);
    const original = site.expected.find((e) => dup.includes(e.article.slug))!;
    expect(home).toContain(original.url);
    expect(home).not.toContain(dup);
  });

  it('serves robots.txt, an RSS 2.0 feed with +07:00 dates and a sitemap of the articles', async () => {
    const robots = await get(`${site.baseUrl}/robots.txt`);
    expect(robots.text).toContain('Allow: /');
    expect(robots.text).toContain(`Sitemap: ${site.baseUrl}/sitemap.xml`);

    const parser = new XMLParser();
    const rss = await get(`${site.baseUrl}/rss.xml`);
    expect(rss.type).toContain('application/rss+xml');
    const items = parser.parse(rss.text).rss.channel.item as { link: string; pubDate: string; title: string }[];
    expect(items.length).toBeGreaterThanOrEqual(10);
    const expectedUrls = new Set(site.expected.map((e) => e.url));
    for (const item of items) {
      expect(expectedUrls.has(item.link)).toBe(true);
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+07:00$/);
      const article = site.expected.find((e) => e.url === item.link)!.article;
      expect(item.title).toBe(article.title);
      // The printed date is the same instant as the article's ISO date.
      expect(Date.parse(item.pubDate.replace('+07:00', '+0700'))).toBe(Date.parse(article.publishedAt));
    }

    const sitemap = parser.parse((await get(`${site.baseUrl}/sitemap.xml`)).text);
    const locs = (sitemap.urlset.url as { loc: string }[]).map((u) => u.loc);
    for (const url of expectedUrls) expect(locs).toContain(url);
    expect(locs).not.toContain(site.duplicateUrls[0]);
  });

  it('serves each article page with its title, body text and working image URLs', async () => {
    for (const { url, article } of site.expected) {
      const page = await get(url);
      expect(page.status, url).toBe(200);
      expect(page.type).toContain('text/html');
      const $ = load(page.text);
      expect($('h1').first().text().trim()).toBe(article.title);
      expect($('link[rel=canonical]').attr('href')).toBe(url);
      const text = $('body').text().replace(/\s+/g, ' ');
      const want = expectedFields(article, url);
      for (const paragraph of want.body.split('\n\n')) expect(text, url).toContain(paragraph);
      for (const image of want.images) {
        const res = await fetch(image.url);
        expect(res.status, image.url).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/png');
        expect(Buffer.from(await res.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
      }
    }
  });

  it('serves the same article content under the duplicate URL', async () => {
    const dup = site.duplicateUrls[0];
    const original = site.expected.find((e) => dup.includes(e.article.slug))!;
    const a = await get(original.url);
    const b = await get(dup);
    expect(b.status).toBe(200);
    expect(b.text).not.toBe(a.text);
    const sameAsOriginal = b.text.replaceAll(dup, original.url).replaceAll(encodeURIComponent(dup), encodeURIComponent(original.url));
    expect(sameAsOriginal).toBe(a.text);
  });

  it('serves a page that matches the article pattern but holds no article', async () => {
    const page = await get(site.failingUrls[0].url);
    expect(page.status).toBe(200);
    const $ = load(page.text);
    expect($('h1').text()).toMatch(/^Video:/);
    expect($('main p').text().split(/\s+/).length).toBeLessThan(15);
  });

  it('paginates section listings and answers 404 for unknown pages', async () => {
    const first = await get(`${site.baseUrl}/the-gioi`);
    expect(first.status).toBe(200);
    expect(first.text).toContain('href="/the-gioi?page=2"');
    expect((await get(`${site.baseUrl}/the-gioi?page=2`)).status).toBe(200);
    expect((await get(`${site.baseUrl}/the-gioi?page=99`)).status).toBe(404);
    expect((await get(`${site.baseUrl}/khong-co-trang-nay`)).status).toBe(404);
  });
});

describe('sample site options', () => {
  it('renders every article with one template when a style is given', async () => {
    const one = await startSampleSite({ style: 'thoidai', articles: sampleArticles.slice(0, 3) });
    try {
      expect(one.expected).toHaveLength(3);
      for (const { url } of one.expected) expect((await get(url)).text).toContain('__MASTERCMS_CONTENT');
    } finally {
      await one.close();
    }
  });

  it('closes cleanly: the port stops answering', async () => {
    const s = await startSampleSite();
    const res = await fetch(`${s.baseUrl}/`);
    expect(res.status).toBe(200);
    await res.text();
    await s.close();
    await expect(fetch(`${s.baseUrl}/`)).rejects.toThrow();
  });
});
