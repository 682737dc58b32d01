import type { SampleArticle } from './articles.ts';
import { imagePath, type RenderOptions } from './templates/common.ts';
import { joinParagraphs, normalizeText } from '../normalize/text.ts';

/**
 * What the extractor must output for a rendered sample article. Conventions:
 * - every string is NFC with whitespace collapsed (normalizeText), whatever the page's encoding form;
 * - title: the article title only (no " - Site name"), entities fully decoded;
 * - lead: the sapo WITHOUT the agency prefix ("NDO -", "(PLVN) -", "TG&VN."); null when the page has none;
 * - body: paragraphs, subheadings, quotes and list items, each its own paragraph, in reading order, joined by "\n\n"; NOT the lead,
 *   captions, photo credits, related-article boxes, the byline or the trailing credit
 *   ("TTXVN/Báo Tin tức");
 * - authors: the byline split into people, as printed (split on " - ", ",", " và ");
 * - agency: the news agency credited by the prefix or the trailing credit ("NDO", "PLVN",
 *   "TTXVN", "TG&VN", "Chinhphu.vn"); null for sites that credit none;
 * - publishedAt: ISO 8601 with +07:00 offset, seconds ":00" when the page prints none;
 *   null when the page shows no publication date (a "Ngày 25/1" inside the text is not one);
 * - section: the last breadcrumb item; tags: the "Từ khóa" list in page order;
 * - images: body images in reading order, url absolute (resolved against the page URL,
 *   the real file behind lazy-loading placeholders, largest srcset candidate = data-src
 *   without query), caption without the credit and its separator (". Ảnh: X", " - Ảnh: X",
 *   " (Ảnh: X)") and without a final period, credit like "TTXVN" or "VGP/Hải Minh" without
 *   "Ảnh:"; og:image / logos are not body images.
 */
export interface ExpectedFields {
  title: string;
  lead: string | null;
  body: string;
  authors: string[];
  agency: string | null;
  publishedAt: string | null;
  section: string;
  tags: string[];
  language: 'vi';
  images: { url: string; caption: string; credit: string | null }[];
}

export function bodyParagraphs(a: SampleArticle): string[] {
  return a.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.text]));
}

export function expectedFields(a: SampleArticle, url: string, options: RenderOptions = {}): ExpectedFields {
  return {
    title: normalizeText(a.title),
    lead: a.lead === null ? null : normalizeText(a.lead),
    body: joinParagraphs(bodyParagraphs(a)),
    authors: a.authors.map(normalizeText),
    agency: a.agency === null ? null : normalizeText(a.agency),
    publishedAt: options.hideDate ? null : a.publishedAt,
    section: normalizeText(a.section),
    tags: a.tags.map(normalizeText),
    language: 'vi',
    images: a.images.map((img) => ({
      url: new URL(imagePath(img), url).href,
      caption: normalizeText(img.caption),
      credit: img.credit === null ? null : normalizeText(img.credit),
    })),
  };
}
