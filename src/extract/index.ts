import type { ExtractRules } from '../schemas/config.ts';
import { joinParagraphs, normalizeText } from '../normalize/text.ts';
import { extractMetadata } from './metadata/index.ts';
import { extractContent } from './content/index.ts';
import { renderBodyHtml } from './content/html.ts';
import { own } from './content/dom.ts';
import { detectTemplate } from './rules/index.ts';
import { parsePage, releasePage, type Page } from './page.ts';

export interface ExtractOptions {
  timezone: string;
  rules?: ExtractRules;
  now?: Date;
  source?: string;
}

export interface ExtractedArticle {
  title: string;
  lead: string | null;
  body: string;
  bodyHtml: string;
  authors: string[];
  agency: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  section: string | null;
  tags: string[];
  language: string | null;
  images: { url: string; caption: string | null; credit: string | null }[];
  canonicalUrl: string | null;
  /** Rule fields (e.g. 'body') whose selector matched nothing -> generic used. */
  ruleMisses: string[];
}

export class ExtractionError extends Error {
  constructor(
    readonly reason: 'no-article' | 'no-title',
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}

const MIN_BODY_CHARS = 80;

const copy = (s: string | null): string | null => (s === null ? null : own(s));

/** One article page -> its fields. Pure: parses once, reads metadata from the intact DOM, then the text. */
export function extractArticle(html: string, url: string, opts: ExtractOptions): ExtractedArticle {
  // Flattened as it is parsed, before any selector runs: descendant queries walk ancestors, quadratic on deep nesting.
  const page = parsePage(html);
  try {
    return extractFrom(page, url, opts);
  } finally {
    releasePage(page);
  }
}

function extractFrom(page: Page, url: string, opts: ExtractOptions): ExtractedArticle {
  const meta = extractMetadata(page, url, { timezone: opts.timezone, rules: opts.rules, now: opts.now });
  const template = opts.rules?.body ? undefined : detectTemplate(page);
  const content = extractContent(page, { url, title: meta.title, rules: opts.rules, template });

  const paragraphs = content.blocks.filter((b) => b.kind !== 'figure').map((b) => b.text);
  const body = joinParagraphs(paragraphs);
  if (body.length < MIN_BODY_CHARS && !(body.length > 0 && (content.lead?.length ?? 0) + body.length >= 2 * MIN_BODY_CHARS)) {
    throw new ExtractionError('no-article', `no article text found at ${url}`);
  }
  const title = meta.title ? normalizeText(meta.title) : '';
  if (!title) throw new ExtractionError('no-title', `no title found at ${url}`);

  const site = meta.siteName ? meta.siteName.toLowerCase() : null;
  const authors = (meta.authors.length ? meta.authors : content.bylineAuthors).filter((a) => a.toLowerCase() !== site);

  return {
    title: own(title),
    lead: content.lead ? own(normalizeText(content.lead)) : null,
    body: own(body),
    bodyHtml: own(renderBodyHtml(content.blocks)),
    authors: [...new Set(authors.map((a) => own(normalizeText(a))))].filter(Boolean),
    agency: copy(content.agency),
    publishedAt: copy(meta.publishedAt),
    modifiedAt: copy(meta.modifiedAt),
    section: copy(meta.section),
    tags: meta.tags.map(own),
    language: copy(meta.language),
    images: content.images.map((i) => ({ url: own(i.url), caption: copy(i.caption), credit: copy(i.credit) })),
    canonicalUrl: copy(meta.canonicalUrl),
    ruleMisses: [...new Set([...meta.ruleMisses, ...content.ruleMisses])],
  };
}
