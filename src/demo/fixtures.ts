import { type SampleArticle, sampleArticles, syndicatedPair } from './articles.ts';
import * as A from './articles.ts';
import { type ExpectedFields, expectedFields } from './expected.ts';
import type { RenderOptions } from './templates/common.ts';
import { type SiteStyle, renderers } from './templates/index.ts';
import { wallClock, pad2 } from './templates/common.ts';

export interface Fixture {
  /** File stem under test/fixtures/vn/. */
  name: string;
  style: SiteStyle;
  url: string;
  html: string;
  expected: ExpectedFields & { url: string };
}

interface FixtureSpec {
  name: string;
  style: SiteStyle;
  article: SampleArticle;
  options?: RenderOptions;
}

/** Article URLs in each real site's own scheme (they match config/sources.yaml patterns). */
export function realUrl(style: SiteStyle, a: SampleArticle): string {
  switch (style) {
    case 'nhandan':
      return `https://nhandan.vn/${a.slug}-post${a.id}.html`;
    case 'baophapluat':
      return `https://baophapluat.vn/${a.slug}-post${a.id}.html`;
    case 'thoidai':
      return `https://thoidai.com.vn/${a.slug}-${a.id}.html`;
    case 'biengioilanhtho':
      return `https://biengioilanhtho.gov.vn/vi/${a.slug}-${a.id}.html`;
    case 'baotintuc': {
      // 17 digits: yyyyMMddHHmm + five digits of the id.
      const t = wallClock(a.publishedAt);
      const stamp = `${t.year}${pad2(t.month)}${pad2(t.day)}${pad2(t.hour)}${pad2(t.minute)}${String(a.id % 100000).padStart(5, '0')}`;
      return `https://baotintuc.vn/the-gioi/${a.slug}-${stamp}.htm`;
    }
  }
}

const specs: FixtureSpec[] = [
  { name: 'nhandan-indonesia-talks', style: 'nhandan', article: A.indonesiaTalks },
  { name: 'nhandan-citizen-evacuation-caption-twice', style: 'nhandan', article: A.citizenEvacuation, options: { duplicateCaption: true } },
  { name: 'nhandan-credentials-ceremony', style: 'nhandan', article: A.credentialsCeremony },
  { name: 'nhandan-consular-hotline-no-images', style: 'nhandan', article: A.consularHotline },
  { name: 'nhandan-gcc-summit-opening', style: 'nhandan', article: A.gccSummitOpening },
  { name: 'nhandan-thai-fisheries-original', style: 'nhandan', article: syndicatedPair.original },
  { name: 'baotintuc-asean-ministers-trailing-credit', style: 'baotintuc', article: A.aseanForeignMinisters },
  { name: 'baotintuc-middle-east-exports-nfd', style: 'baotintuc', article: A.middleEastExports, options: { nfd: true } },
  { name: 'baotintuc-gcc-summit-sidelines', style: 'baotintuc', article: A.gccSummitSidelines },
  { name: 'baotintuc-thai-fisheries-republished', style: 'baotintuc', article: syndicatedPair.copy, options: { lazyImages: true } },
  { name: 'thoidai-human-rights-council-double-encoded-title', style: 'thoidai', article: A.humanRightsCouncil, options: { doubleEncodeTitle: true } },
  { name: 'thoidai-australia-dialogue-lazy-srcset', style: 'thoidai', article: A.australiaDialogue, options: { lazyImages: true } },
  { name: 'thoidai-vietnam-day-stockholm-table-captions', style: 'thoidai', article: A.vietnamDayStockholm, options: { duplicateCaption: true } },
  { name: 'thoidai-thai-fisheries-old-tones-nfd', style: 'thoidai', article: syndicatedPair.variant, options: { nfd: true } },
  { name: 'baophapluat-online-passports', style: 'baophapluat', article: A.onlinePassports },
  { name: 'baophapluat-unclos-seminar', style: 'baophapluat', article: A.unclosSeminar },
  { name: 'baophapluat-mekong-water-security', style: 'baophapluat', article: A.mekongWaterSecurity },
  { name: 'baophapluat-diplomatic-conference-chinhphu', style: 'baophapluat', article: A.diplomaticConference },
  { name: 'biengioilanhtho-laos-border-commission-no-lead', style: 'biengioilanhtho', article: A.laosBorderCommission },
  { name: 'biengioilanhtho-laos-border-commission-partial-date-only', style: 'biengioilanhtho', article: A.laosBorderCommission, options: { hideDate: true } },
  { name: 'biengioilanhtho-border-gate-opening', style: 'biengioilanhtho', article: A.borderGateOpening },
  { name: 'biengioilanhtho-quang-tri-savannakhet', style: 'biengioilanhtho', article: A.quangTriSavannakhet },
];

/** Every extraction fixture, rendered: deterministic, so the files on disk can be checked against it. */
export function buildFixtures(): Fixture[] {
  return specs.map(({ name, style, article, options }) => {
    const url = realUrl(style, article);
    const related = sampleArticles.filter((a) => a.id !== article.id).slice(0, 9);
    const html = renderers[style](article, { baseUrl: new URL(url).origin, related, url, options });
    return { name, style, url, html, expected: { url, ...expectedFields(article, url, options) } };
  });
}
