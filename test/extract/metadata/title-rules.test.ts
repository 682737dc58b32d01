import { parsePage } from '../../../src/extract/page.ts';
import { describe, expect, it } from 'vitest';
import { extractMetadata, type MetadataOptions } from '../../../src/extract/metadata/index.ts';

const OPTS: MetadataOptions = { timezone: 'Europe/Berlin', now: new Date('2026-03-10T05:00:00Z') };
const URL_DE = 'https://www.beispiel.de/2022/01/artikel.html';

function page(head: string, body: string): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}
const title = (head: string, body: string, url = URL_DE) => extractMetadata(parsePage(page(head, body)), url, OPTS).title;

describe('site identity of archived pages', () => {
  it('knows the blog name heading of a web-archive copy by its link to the archived home page', () => {
    const url = 'https://web.archive.org/web/20140226054445/http://www.kinoblog.example/2013/08/07/digitale-kinos/';
    expect(
      title(
        '<title>Kino Blog Schweiz » Blog Archiv » Was ist Virales Marketing?</title>',
        '<div id="header"><h1><a href="https://web.archive.org/web/20140226054445/http://www.kinoblog.example/">Kino Blog Schweiz</a></h1></div>' +
          '<div class="post"><h2><a href="#">Was ist Virales Marketing?</a></h2><p>Text des Artikels.</p></div>',
        url,
      ),
    ).toBe('Was ist Virales Marketing?');
  });
});

describe('kicker headings', () => {
  it('does not take a heading styled as the kicker (strapline, Dachzeile) for the headline', () => {
    expect(
      title(
        '<title>Karten ab sofort mit mehr Infos - Routen-Update: Neue Funktionen</title>',
        '<article><h1 class="strapline">Routen-Update: Neue Funktionen</h1><h2 class="title">Karten ab sofort mit mehr Infos</h2><p>Text des Artikels.</p></article>',
      ),
    ).toBe('Karten ab sofort mit mehr Infos');
  });
});

describe('headings longer than the metadata title', () => {
  it('keeps a headline-classed heading written as one run of text when the <title> leaves its opening out', () => {
    expect(
      title(
        '<title>Kramer verpasst die Spiele in Peking - Skisport</title><meta property="og:site_name" content="Skisport">',
        '<article><h1 class="entry-title">"Pure Leere": Kramer verpasst die Spiele in Peking</h1><p>Text des Artikels.</p></article>',
      ),
    ).toBe('"Pure Leere": Kramer verpasst die Spiele in Peking');
  });

  it('still takes the metadata title out of a heading whose extra words sit in elements of their own', () => {
    expect(
      title(
        '<title>Kramer verpasst die Spiele in Peking - Skisport</title><meta property="og:site_name" content="Skisport">',
        '<article><h1 class="entry-title"><span>Corona-Test positiv</span> Kramer verpasst die Spiele in Peking</h1><p>Text des Artikels.</p></article>',
      ),
    ).toBe('Kramer verpasst die Spiele in Peking');
  });
});

describe('itemprop="headline" on teasers', () => {
  it('gives no headline credit to itemprop="headline" on a list of teasers', () => {
    const teaser = (t: string) => `<h3 class="slide-entry-title" itemprop="headline"><a href="/${t.length}">${t}</a></h3>`;
    expect(
      title(
        '<title>Zellwerk erhöht Kapazität - Batterie-News</title><meta property="og:site_name" content="Batterie-News">',
        '<div class="entry-content"><h1>Zellwerk erhöht Kapazität in Tennessee</h1><p>Text des Artikels.</p></div>' +
          `<div class="related">${teaser('Zellwerk erhöht Kapazität')}${teaser('Neue Fabrik in Ohio')}${teaser('Lithium wird knapp')}</div>`,
      ),
    ).toBe('Zellwerk erhöht Kapazität in Tennessee');
  });
});

describe('one-word headings', () => {
  it("takes the page's only heading even when it is one word", () => {
    expect(
      title('<title>Geschichte - Knabenchor Ulm</title>', '<div class="textarea"><h1>Chorgeschichte</h1><p>Text des Artikels.</p></div>'),
    ).toBe('Chorgeschichte');
  });

  it('but not a one-word heading that the <title> lists as a section', () => {
    expect(
      title(
        '<title>Magazin | Literatur | Buch der Woche: Ein Roman über Köln</title><meta property="og:title" content="Buch der Woche: Ein Roman über Köln">',
        '<div class="unit"><h1>Literatur</h1></div><p>Text des Artikels.</p>',
      ),
    ).toBe('Buch der Woche: Ein Roman über Köln');
  });
});

describe('pages without h1', () => {
  it('takes the first h2 that holds a <title> segment plus a few words', () => {
    expect(
      title(
        '<title>Feuerwehr Musterstadt - Ausbildung</title>',
        '<div class="nav"><h2 class="sr-only">Ausbildung Navigation</h2></div><div><h2>Bootsdienst Ausbildung</h2><p>Text des Artikels.</p></div>',
      ),
    ).toBe('Bootsdienst Ausbildung');
  });

  it("takes the first visible h2 of the article over an SEO <title> it does not match", () => {
    expect(
      title(
        '<title>Wochenbericht 14. - 20. Januar 2022 - Lawinendienst</title>',
        '<header><h2 class="sr-only">Hauptnavigation</h2></header><main><article><header><h2>Schwache Profile – günstige Lawinensituation</h2></header>' +
          '<p>Text des Artikels.</p><h2>Rückblick</h2></article></main>',
      ),
    ).toBe('Schwache Profile – günstige Lawinensituation');
  });

  it('but not an h2 that follows the article text (a section or comment heading)', () => {
    const text = 'Die Lawinensituation blieb in der ganzen Woche günstig, nur in den Hochlagen gab es einzelne schwache Schichten, die beobachtet werden mussten, vor allem im Norden.';
    expect(
      title('<title>Wochenbericht Januar 2022 - Lawinendienst</title>', `<main><article><p>${text}</p><h2>Schreibe einen Kommentar</h2></article></main>`),
    ).toBe('Wochenbericht Januar 2022 - Lawinendienst');
  });

  it('skips a heading hidden with Bootstrap\'s text-hide', () => {
    expect(
      title(
        '<title>Wochenbericht 14. - 20. Januar 2022 - Lawinendienst</title>',
        '<main><h2 class="text-hide">Hauptinhalt der Seite</h2><article><h2>Schwache Profile – günstige Lawinensituation</h2><p>Text des Artikels.</p></article></main>',
      ),
    ).toBe('Schwache Profile – günstige Lawinensituation');
  });

  it('treats one-word label h1s outside the article as no h1', () => {
    expect(
      title(
        '<title>Einsteiger/Download - Python Wiki</title>',
        '<div class="sidepanel"><h1>Seite</h1><ul><li>Bearbeiten</li></ul><h1>Benutzer</h1></div><div id="content"><h2>Python herunterladen</h2><p>Text des Artikels.</p></div>',
      ),
    ).toBe('Python herunterladen');
  });

  it('takes an h2 that is the <title> without a tail the page does not print', () => {
    expect(
      title(
        '<meta property="og:title" content="Der historische Purzelbaum (2021/5)">',
        '<div><h2> Der historische Purzelbaum </h2><p>Text des Artikels.</p></div>',
      ),
    ).toBe('Der historische Purzelbaum');
  });
});

describe('kickers glued to the metadata title', () => {
  it('drops a kicker the page prints in an element of its own', () => {
    expect(
      title(
        '<meta property="og:title" content="Industriell revolutioniert?: Aufbauspiel 1800 Beta">',
        '<div class="review"><span class="subtitle">Industriell revolutioniert?</span><span class="title">Aufbauspiel 1800 Beta</span><p>Text des Artikels.</p></div>',
      ),
    ).toBe('Aufbauspiel 1800 Beta');
  });

  it('keeps "Kicker: Headline" when the page does not set the kicker apart', () => {
    expect(
      title('<meta property="og:title" content="Industriell revolutioniert?: Aufbauspiel 1800 Beta">', '<div><p>Text des Artikels.</p></div>'),
    ).toBe('Industriell revolutioniert?: Aufbauspiel 1800 Beta');
  });
});

describe('dates printed with the headline', () => {
  it('drops a full date set off from the headline by a separator', () => {
    expect(title('<title>23.01.2022 - Wierer darf beim Abschluss noch jubeln</title>', '<p>Text des Artikels.</p>')).toBe(
      'Wierer darf beim Abschluss noch jubeln',
    );
    expect(title('<title>Wierer darf beim Abschluss noch jubeln | 2022-01-23</title>', '<p>Text des Artikels.</p>')).toBe(
      'Wierer darf beim Abschluss noch jubeln',
    );
  });

  it('keeps dates that belong to the headline', () => {
    expect(title('<title>30.11. | Buch der Woche</title>', '<p>Text des Artikels.</p>')).toBe('30.11. | Buch der Woche');
    expect(title('<title>Was sich am 01.01.2023 ändert</title>', '<p>Text des Artikels.</p>')).toBe('Was sich am 01.01.2023 ändert');
  });
});

describe('navigation segments in <title>', () => {
  const head = '<title>EFC Fanclub Beispielstadt Ulm - Eintracht stellt Weichen für die Zukunft - Eintracht Presse - News</title>';
  it('drops end segments the page prints as link texts, and one holding the host name', () => {
    expect(
      title(
        head,
        '<div class="menu"><a href="/news/">News</a> <a href="/news/?topic=3">Eintracht Presse</a></div><p>Text des Artikels.</p>',
        'http://fanclub-beispielstadt.de/news/article.php?id=504',
      ),
    ).toBe('Eintracht stellt Weichen für die Zukunft');
  });

  it('keeps them when the page does not link them', () => {
    expect(title(head, '<p>Text des Artikels.</p>', 'http://example.org/news/article.php?id=504')).toBe(
      'EFC Fanclub Beispielstadt Ulm - Eintracht stellt Weichen für die Zukunft - Eintracht Presse - News',
    );
  });
});

describe('share boxes', () => {
  it('does not take the heading of a share-this-article box for the headline', () => {
    expect(
      title(
        '<meta property="og:title" content="Koch tritt Kampagne gegen Billigimporte bei">',
        '<div class="article-text"><h2>Kampf gegen Billigimporte: Koch und Trainer fordern Einfuhrstopp für minderwertige Lebensmittel</h2>' +
          '<div class="shareArticles"><h1>Koch tritt Kampagne gegen Billigimporte bei</h1><a href="#">Teilen</a></div><p>Text des Artikels.</p></div>',
      ),
    ).toBe('Kampf gegen Billigimporte: Koch und Trainer fordern Einfuhrstopp für minderwertige Lebensmittel');
  });
});

describe('home link labels', () => {
  it('does not take a greeting on the home link ("Willkommen") for the site name', () => {
    expect(
      title(
        '<title>Kanzlei Muster</title>',
        '<ul class="nav"><li><a href="/index.html">Willkommen</a></li><li><a href="/kontakt.html">Kontakt</a></li></ul>' +
          '<div class="col"><h1>Willkommen!</h1><p>Text des Artikels.</p></div>',
        'https://kanzlei-muster.de/index.html',
      ),
    ).toBe('Willkommen!');
  });
});

describe('brand links that go nowhere', () => {
  it('does not take the text of a brand-classed link to "#" for the site name', () => {
    expect(
      title(
        '<title>Radwege! Ischgl</title>',
        '<nav><a class="navbar-brand" href="#">Ischgl</a></nav><main><div class="col"><h1>Ischgl</h1><p>Text des Artikels.</p></div></main>',
        'https://radwege.example/region/ischgl/',
      ),
    ).toBe('Ischgl');
  });
});

describe('one-word secondary headings', () => {
  it('does not take a one-word h2 that is one keyword of a <title> list for the title', () => {
    expect(
      title(
        '<title>Drucker • Etiketten • Service | Muster AG</title><meta property="og:site_name" content="Muster AG">',
        '<main><div class="wrapper"><h1>Drucklösungen vom Experten!</h1><p>Text des Artikels.</p><h2>Etiketten</h2></div></main>',
      ),
    ).toBe('Drucklösungen vom Experten!');
  });

  it('still takes a one-word h2 that is the <title> beside the site name', () => {
    expect(
      title('<title>»frag.jetzt« – Lernplattform</title>', '<main><article><h2>»frag.jetzt«</h2><p>Text des Artikels.</p></article></main>'),
    ).toBe('»frag.jetzt«');
  });
});

describe('SEO words added to the heading', () => {
  it('confirms a heading whose words, in order, make up most of a <title> segment', () => {
    expect(
      title(
        '<title>Windows auf dem Mac - Musterdesk 15 Virtuelle Maschine für Mac</title>',
        '<main><header><h1>Musterdesk 15 für Mac</h1><h3>Windows auf dem Mac</h3></header><p>Text des Artikels.</p>' +
          '<section><h2>Windows auf dem Mac</h2><p>Jetzt testen.</p></section></main>',
      ),
    ).toBe('Musterdesk 15 für Mac');
  });
});

describe('exact metadata matches', () => {
  it('prefers an article h2 equal to og:title over an h1 that only opens a longer <title>', () => {
    expect(
      title(
        '<title>Betriebsrente (bAV) - Wann lohnt sie sich? - Ratgeber</title><meta property="og:title" content="Mit Hilfe des Chefs für die Rente sparen">',
        '<article><header><h1>Betriebsrente</h1><h2>Mit Hilfe des Chefs für die Rente sparen</h2></header><p>Text des Artikels.</p></article>',
      ),
    ).toBe('Mit Hilfe des Chefs für die Rente sparen');
  });

  it('keeps an h1 that equals a metadata title', () => {
    expect(
      title(
        '<title>Tote Tauben im Dome gefunden | Zeitung</title><meta property="og:site_name" content="Zeitung"><meta property="og:title" content="Düsseldorf: Tauben im Dome – Anzeige erstattet">',
        '<nav class="breadcrumb"><ol><li><h1>Tote Tauben im Dome gefunden</h1></li></ol></nav><article><h2>Düsseldorf: Tauben im Dome – Anzeige erstattet</h2><p>Text des Artikels.</p></article>',
      ),
    ).toBe('Tote Tauben im Dome gefunden');
  });
});

describe('JSON-LD kicker as headline', () => {
  const ld = (headline: string, alt: string) =>
    `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${headline}","alternativeHeadline":"${alt}"}</script>`;

  it('takes alternativeHeadline when og:title prints "headline: alternativeHeadline"', () => {
    expect(
      title(
        ld('Vanlife in Schweden', 'Skandinavien im Wohnmobil erleben') + '<meta property="og:title" content="Vanlife in Schweden: Skandinavien im Wohnmobil erleben">',
        '<p>Text des Artikels.</p>',
      ),
    ).toBe('Skandinavien im Wohnmobil erleben');
  });

  it('keeps the headline when alternativeHeadline is a teaser', () => {
    expect(
      title(
        ld('Wellness-Hotels für einen Kurzurlaub', 'Es ist wieder mal Zeit, abzuschalten und sich zu erholen') +
          '<meta property="og:title" content="Wellness-Hotels für einen Kurzurlaub">',
        '<p>Text des Artikels.</p>',
      ),
    ).toBe('Wellness-Hotels für einen Kurzurlaub');
  });
});
