import { parsePage } from '../../../src/extract/page.ts';
import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../../src/extract/metadata/dates.ts';
import { extractMetadata, type MetadataOptions } from '../../../src/extract/metadata/index.ts';

const NOW = new Date('2026-03-10T05:00:00Z');
const BERLIN: MetadataOptions = { timezone: 'Europe/Berlin', now: NOW };
const page = (head: string, body: string) => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const meta = (html: string, url = 'https://beispiel.de/artikel/123', opts: MetadataOptions = BERLIN) => extractMetadata(parsePage(html), url, opts);

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

  it('reads a date whose month, day and year sit in separate elements', () => {
    const html = page(
      '<title>Noten in der Schule</title>',
      '<article><header><h1>Noten in der Schule</h1><div class="date"><span class="month">Apr</span> <span class="day">04</span><span class="year">2013</span></div></header><p>Text.</p></article>',
    );
    expect(meta(html).publishedAt).toBe('2013-04-04T00:00:00+02:00');
  });

  it("reads Drupal's 'submitted' line over a date elsewhere in the page", () => {
    const html = page(
      '<title>Hackathon im Sommercamp</title>',
      '<div class="region"><article><h1>Hackathon im Sommercamp</h1><div class="submitted">Gespeichert von rasos am 24. Juli 2017 - 18:55</div><p>Text.</p></article></div><div><div><div><span class="date-display">26.08.2017</span></div></div></div>',
    );
    expect(meta(html).publishedAt).toBe('2017-07-24T18:55:00+02:00');
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

describe('headline inside a heading that prints more', () => {
  const title = (h1: string, head = '<title>Beispiel</title>') => meta(page(head, `<article>${h1}<p>Text des Artikels.</p></article>`)).title;

  it('drops the kicker before a separator hidden from sight or from screen readers', () => {
    expect(title('<h1><span>Wetter im Norden</span><span aria-hidden="true"> – </span><span>Sturm legt den Bahnverkehr lahm</span></h1>')).toBe(
      'Sturm legt den Bahnverkehr lahm',
    );
    expect(title('<h1><span class="kicker-x">Wetter im Norden</span><span class="invisible">: </span><span>Sturm legt den Bahnverkehr lahm</span></h1>')).toBe(
      'Sturm legt den Bahnverkehr lahm',
    );
  });

  it('keeps a heading whose visible dash is real text', () => {
    expect(title('<h1>Wetter im Norden – Sturm legt den Bahnverkehr lahm</h1>')).toBe('Wetter im Norden – Sturm legt den Bahnverkehr lahm');
  });

  it('leaves out subtitle, small-print kicker and byline parts of the heading', () => {
    expect(title('<h1><span class="entry-title-primary">Sturm legt den Bahnverkehr lahm</span> <span class="entry-subtitle">Hunderte Pendler warten</span></h1>')).toBe(
      'Sturm legt den Bahnverkehr lahm',
    );
    expect(title('<h1><span class="h1small">Wetter im Norden</span> Sturm legt den Bahnverkehr lahm</h1>')).toBe('Sturm legt den Bahnverkehr lahm');
    expect(title('<h1 class="entry-title">Sturm legt den Bahnverkehr lahm <span class="author">Veröffentlicht von Redaktion am</span></h1>')).toBe(
      'Sturm legt den Bahnverkehr lahm',
    );
  });

  it('reads only the first elements of a heading left open around the page', () => {
    // A hidden bar past the first elements is not read as a kicker separator.
    const filler = '<div><span><i></i></span></div>'.repeat(5000) + '<span aria-hidden="true">|</span>Fußzeile';
    const t0 = performance.now();
    expect(title(`<h1>Sturm legt den Bahnverkehr lahm <h4 class="author">von Redaktion</h4>${filler}`)).toBe('Sturm legt den Bahnverkehr lahm |Fußzeile Text des Artikels.');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('bylines', () => {
  const authors = (body: string, head = '') => meta(page(head, `<article><h1>Sturm legt den Bahnverkehr lahm</h1>${body}<p>Text.</p></article>`)).authors;

  it('drops labels printed in their own byline element and labels glued to the name', () => {
    expect(authors('<span class="meta-prep meta-prep-author">By</span> <span class="author vcard">Daniel Weber</span>')).toEqual(['Daniel Weber']);
    expect(authors('<span class="meta-prep meta-prep-author">Publiziert am</span> <span class="author vcard">uwe</span>')).toEqual(['uwe']);
    expect(authors('<span class="byline"><span class="screen-reader-text">Author</span>Andrea Kühn</span>')).toEqual(['Andrea Kühn']);
    expect(authors('<div class="author">Beitragvon r23 »</div>')).toEqual(['r23']);
    expect(authors('<div class="author">Interview: Julia Lang</div>')).toEqual(['Julia Lang']);
  });

  it('drops the weekday and date, reading time, role and "more" arrows after the name', () => {
    expect(authors('<div class="author">Von Tomas Lehmann Fr, 18. Oktober 2019</div>')).toEqual(['Tomas Lehmann']);
    expect(authors('<div class="author">Von Isa.Berger am Samstag, 19. Oktober 2019 um 11:14 Uhr</div>')).toEqual(['Isa.Berger']);
    expect(authors('<div class="author">By Alex Brown Thursday, January 27, 2022 10:34AM</div>')).toEqual(['Alex Brown']);
    expect(authors('<div class="author"><span>Christa Hein Chefredakteurin</span>, <span>ca. 8 Min.</span></div>')).toEqual(['Christa Hein']);
    expect(authors('<span class="author">Mia Lorenz</span> <span class="author">Mia Lorenz →</span>')).toEqual(['Mia Lorenz']);
    expect(authors('<div class="author">Grant Miller, PhD</div>')).toEqual(['Grant Miller']);
    expect(authors('<span class="byline">By Emma Black 8 January 2020, 3:51 pm 11 Edit</span>')).toEqual(['Emma Black']);
    expect(authors('<div class="author"><span>Christian Thal</span>, <span>07 Dezember</span></div>')).toEqual(['Christian Thal']);
    expect(authors('<div class="author"><b>Wohnideen Team</b>vor 5 Stunden Mehr</div>')).toEqual(['Wohnideen Team']);
    expect(authors('<div class="author">Jane Roe 3 hours ago</div>')).toEqual(['Jane Roe']);
    expect(authors('<div class="author"><span>By</span><a>J.R. Stone</a></div>')).toEqual(['J.R. Stone']);
    expect(authors('<div class="author"><a href="/cdn-cgi/l/email-protection">[email protected]</a> Published: 28 Apr</div>')).toEqual([]);
  });

  it('keeps names that merely contain weekday-like words, and rejects "label: value" parts', () => {
    expect(authors('<div class="author">Mo Farah</div>')).toEqual(['Mo Farah']);
    expect(authors('<div class="author">Autor: Gabor Munier, Anzahl der Kommentare: 0</div>')).toEqual(['Gabor Munier']);
  });

  it("keeps the byline of a blogger whose site is declared as the blogger's own Person", () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': ['Person', 'Organization'], name: 'Andrea Kühn' }] });
    expect(authors('<span class="author vcard">Andrea Kühn</span>', `<script type="application/ld+json">${ld}</script>`)).toEqual(['Andrea Kühn']);
  });
});

describe('author sources', () => {
  const article = (body: string, head = '', bodyAttrs = '') =>
    meta(`<!doctype html><html><head>${head}</head><body ${bodyAttrs}><article><h1>Sturm legt den Bahnverkehr lahm</h1>${body}<p>Text.</p></article></body></html>`).authors;

  it('follows a JSON-LD author given by @id to the Person in the graph', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Article', headline: 'Sturm legt den Bahnverkehr lahm', author: { '@id': 'https://beispiel.de/#/person/1' } },
        { '@type': 'Person', '@id': 'https://beispiel.de/#/person/1', name: 'Christa Hein' },
      ],
    });
    expect(article('', `<script type="application/ld+json">${ld}</script>`)).toEqual(['Christa Hein']);
  });

  it('does not read page-wide <body> classes as a comment section', () => {
    expect(article('<ul class="post-meta"><li class="post-author">Post author By Helge Faber</li></ul>', '', 'class="single showing-comments"')).toEqual(['Helge Faber']);
  });

  it('trusts itemprop=author in the article footer but not in comments', () => {
    expect(article('<footer class="meta"><address itemprop="author"><span itemprop="name">Frank Bauer</span></address></footer>')).toEqual(['Frank Bauer']);
    expect(article('<div class="comments"><span itemprop="author">Leser 1</span></div>')).toEqual([]);
  });

  it('ignores profile and archive link labels', () => {
    expect(article('<a rel="author" href="/profile/1">View my complete profile</a>')).toEqual([]);
    expect(article('<a rel="author" href="/a/h">SHOW ALL ARTICLES OF Heiko Sauer</a>')).toEqual(['Heiko Sauer']);
  });
});

describe('site names in <title>', () => {
  it('strips a site name that itself holds a separator, as printed by the home link', () => {
    const html = page('<title>Enchufla Figuren - Salsa-Figuren - Rueda in Berlin</title>', '<div id="header"><a href="/">Salsa-Figuren - Rueda in Berlin</a></div><p>Text.</p>');
    expect(meta(html, 'https://rueda.example.org/enchufla').title).toBe('Enchufla Figuren');
  });

  it('splits at " // " and drops breadcrumb arrows before the headline, not opening quotes', () => {
    expect(meta(page('<title>beispiel.de //   » Jens Weber</title>', '<p>Text.</p>')).title).toBe('Jens Weber');
    expect(meta(page('<title>»Haltet die Seen sauber!« - Seglerblog</title><meta property="og:site_name" content="Seglerblog">', '<p>Text.</p>')).title).toBe(
      '»Haltet die Seen sauber!«',
    );
  });
});

describe('bylines in blog themes', () => {
  const authors = (body: string, url = 'https://beispiel.de/artikel/123') =>
    meta(page('', `<article><h1>Sturm legt den Bahnverkehr lahm</h1>${body}<p>Text.</p></article>`), url).authors;

  it('reads the name from whichever piece of a "·" or "|" separated byline holds it', () => {
    expect(authors('<div class="byline">Dezember 10, 2019 · von <span>freeman1984</span> · in Allgemein</div>')).toEqual(['freeman1984']);
    expect(authors('<span class="byline"> | <span>Klaus Kirchner</span></span>')).toEqual(['Klaus Kirchner']);
  });

  it('keeps a user named after the site, rejects the host name itself', () => {
    expect(authors('<p class="post-byline">von Limespacer · 22. Oktober 2019</p>', 'https://www.limespace.de/a')).toEqual(['Limespacer']);
    expect(authors('<p class="post-byline">von limespace.de</p>', 'https://www.limespace.de/a')).toEqual([]);
  });

  it('finds bylines in "Autorenzeile", "auteurs" and "contributor" boxes, after a date, without the social handle', () => {
    expect(authors('<p class="autorenzeile small">Von Volker Kabe, Jana Stroh und Ben Strunz</p>')).toEqual(['Volker Kabe', 'Jana Stroh', 'Ben Strunz']);
    expect(authors('<div class="dates_auteurs">par <span class="auteurs">Didier Roux</span>, 21 juin 2018</div>')).toEqual(['Didier Roux']);
    expect(authors('<span class="field-field-contributor">Par <a href="/n/m">Matthieu Hy</a></span>')).toEqual(['Matthieu Hy']);
    expect(authors('<div class="page-meta--author">Posted on September 21, 2020 by Adi Tal</div>')).toEqual(['Adi Tal']);
    expect(authors('<div class="td-post-author-name">Por <a>Williams Perdomo @wperdomod</a></div>')).toEqual(['Williams Perdomo']);
  });

  it('rejects numbers, codes, obfuscated e-mails and a bare "http"', () => {
    expect(authors('<div class="author">12345678</div>')).toEqual([]);
    expect(authors('<div class="author">kontakt[at]beispiel.net</div>')).toEqual([]);
    expect(authors('<div class="author">Frank Bauer, http</div>')).toEqual(['Frank Bauer']);
  });
});

describe('title casing', () => {
  it('takes the real casing from a metadata title when the heading is typed in capitals', () => {
    const html = page(
      '<title>Offshore-Windenergie – Sauberer Strom vom Meer | Stiftung</title><meta property="og:site_name" content="Stiftung">',
      '<article><h1>OFFSHORE-WINDENERGIE – SAUBERER STROM VOM MEER</h1><p>Text.</p></article>',
    );
    expect(meta(html).title).toBe('Offshore-Windenergie – Sauberer Strom vom Meer');
  });

  it('keeps capitals when no metadata title has the same words', () => {
    const html = page('<title>Stiftung</title>', '<article><h1>NEUE WINDPARKS IM NORDEN</h1><p>Text.</p></article>');
    expect(meta(html).title).toBe('NEUE WINDPARKS IM NORDEN');
  });
});

describe('masthead dates', () => {
  it("does not take the date printed in the site's header (today's date) for the article's", () => {
    const html = page(
      '<title>Hội nghị về biên giới</title>',
      `<header class="header"><div class="header__date">Chủ nhật, 08/03/2026</div><nav><a href="/">Trang chủ</a></nav><form class="search"><input name="q"></form></header>` +
        `<main><article><h1>Hội nghị về biên giới</h1><div class="content"><p>${'Nội dung bài viết về hội nghị biên giới. '.repeat(10)}</p></div></article></main>`,
    );
    expect(meta(html, 'https://vidu.vn/hoi-nghi-bien-gioi.html', { timezone: 'Asia/Ho_Chi_Minh', now: NOW }).publishedAt).toBeNull();
  });

  it('still reads a date printed in the header of the article itself', () => {
    const html = page(
      '<title>Hội nghị về biên giới</title>',
      `<header class="header"><nav><a href="/">Trang chủ</a></nav></header>` +
        `<article><header><h1>Hội nghị về biên giới</h1><span class="date">Thứ bảy, 7/3/2026, 08:05 (GMT+7)</span></header><div class="content"><p>${'Nội dung bài viết về hội nghị biên giới. '.repeat(10)}</p></div></article>`,
    );
    expect(meta(html, 'https://vidu.vn/hoi-nghi-bien-gioi.html', { timezone: 'Asia/Ho_Chi_Minh', now: NOW }).publishedAt).toBe('2026-03-07T08:05:00+07:00');
  });
});

describe('date icons', () => {
  it('reads a date labelled only by a calendar icon', () => {
    const html = page(
      '<title>Gedenkfeier in Köln</title>',
      `<main><h1>Gedenkfeier in Köln</h1><ul class="x"><li><i class="fa fa-calendar"></i> 16.10.2021</li></ul><div class="content"><p>${'Ein Bericht über die Gedenkfeier in der Stadt. '.repeat(10)}</p></div></main>`,
    );
    expect(meta(html).publishedAt?.slice(0, 10)).toBe('2021-10-16');
  });
});

describe('hidden headings', () => {
  it('skips an h1 kept only for search engines or screen readers', () => {
    const html = page(
      '<title>Auf das erste Elektron kommt es an - Eawag</title><meta property="og:title" content="Auf das erste Elektron kommt es an">',
      `<h1 class="header pagetitle hidden">News</h1><div class="article"><h1>Auf das erste Elektron kommt es an</h1><p>${'Forschende zeigen, wie das erste Elektron die Reaktion lenkt. '.repeat(8)}</p></div>`,
    );
    expect(meta(html).title).toBe('Auf das erste Elektron kommt es an');
  });
});

describe('app-name tags filled with the page title', () => {
  it('does not take a per-page application-name for the site name (and so drop the headline)', () => {
    const t = 'UK university student halls too full to be safe, experts warn';
    const html = page(
      `<title>${t}</title><meta name="application-name" content="${t}">`,
      `<div id="maincontent"><div class="articlecontent"><h1>${t}</h1><p>${'Students returning to halls face crowded kitchens and corridors. '.repeat(8)}</p></div><section><h2><span>More from The Guardian</span></h2></section></div>`,
    );
    expect(meta(html, 'https://www.msn.com/en-gb/news/uknews/halls/ar-1').title).toBe(t);
  });
});

describe('site names glued to the title', () => {
  it('strips a known site name joined without spaces, as Chinese titles print it', () => {
    const html = page(
      '<title>武汉的声音：有英勇的你，才有英雄的城！-新华网</title><meta property="og:site_name" content="新华网">',
      `<div class="content"><p>${'武汉市民讲述了抗击疫情期间的日常生活和邻里互助的故事。'.repeat(8)}</p></div>`,
    );
    expect(meta(html, 'http://www.xinhuanet.com/2020-02/18/c_1125597921.htm').title).toBe('武汉的声音：有英勇的你，才有英雄的城！');
  });
});
