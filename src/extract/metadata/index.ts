import type { ExtractRules } from '../../schemas/config.ts';
import { extractAuthors } from './authors.ts';
import { extractCanonical } from './canonical.ts';
import { cleanText, elementText, metaContent, selectorList } from './dom.ts';
import { safeSelect } from '../selectors.ts';
import { articleNodes, isType, jsonLdNodes, ldString } from './jsonld.ts';
import { extractLanguage } from './language.ts';
import { extractDates } from './published.ts';
import { siteIdentity } from './site.ts';
import { extractSection, extractTags } from './taxonomy.ts';
import { extractTitle } from './title.ts';
import type { Page } from '../page.ts';

export { parseDateText, parseIsoLike } from './dates.ts';

export interface MetadataOptions {
  timezone: string;
  rules?: ExtractRules;
  now?: Date;
}

export interface PageMetadata {
  title: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  authors: string[];
  section: string | null;
  tags: string[];
  language: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  description: string | null;
  /** Rule fields (title/date/modified/author/section/tags) whose selector matched nothing. */
  ruleMisses: string[];
}

function ruleTitle(page: Page, rules: ExtractRules | undefined, ruleMisses: string[]): string | null {
  const sels = selectorList(rules?.title);
  if (!sels.length) return null;
  let matched = false;
  for (const sel of sels) {
    for (const el of safeSelect(page, sel)) {
      matched = true;
      const t = el.name === 'meta' ? cleanText(el.attribs.content) : elementText(el);
      if (t) return t;
    }
  }
  if (!matched) ruleMisses.push('title');
  return null;
}

/** Title, dates, authors, section, tags, language, canonical URL, site name and description of a parsed page. Reads the DOM only. */
export function extractMetadata(page: Page, url: string, opts: MetadataOptions): PageMetadata {
  const timezone = opts.timezone || 'Asia/Ho_Chi_Minh';
  const now = opts.now ?? new Date();
  const ruleMisses: string[] = [];
  const nodes = jsonLdNodes(page);
  const articles = articleNodes(nodes);
  const article = articles[0];
  const site = siteIdentity(page, url, nodes);

  const title = ruleTitle(page, opts.rules, ruleMisses) ?? extractTitle(page, site, article);
  const pages = nodes.filter((n) => isType(n, /WebPage$/i));
  const { publishedAt, modifiedAt } = extractDates(page, { timezone, now, rules: opts.rules, article, pages, url, title, ruleMisses });
  const authors = extractAuthors(page, site, article, opts.rules, ruleMisses, nodes);
  const section = extractSection(page, nodes, article, title, site, opts.rules, ruleMisses);
  const tags = extractTags(page, article, site, opts.rules, ruleMisses);

  const publisher = article?.publisher;
  const siteName =
    metaContent(page, ['og:site_name', 'application-name']) ||
    cleanText(ldString(Array.isArray(publisher) ? publisher[0] : publisher)) ||
    cleanText(ldString(nodes.find((n) => isType(n, /^WebSite$/i))?.name)) ||
    null;
  const description =
    metaContent(page, ['og:description', 'description', 'twitter:description']) || cleanText(ldString(article?.description)) || null;

  return {
    title: title || null,
    publishedAt,
    modifiedAt,
    authors,
    section,
    tags,
    language: extractLanguage(page),
    canonicalUrl: extractCanonical(page, url),
    siteName,
    description,
    ruleMisses: [...new Set(ruleMisses)],
  };
}
