import { RecordSchema, SCHEMA_VERSION, type ArticleRecord } from '../schemas/record.ts';
import { countWords } from './text.ts';

/** The extracted fields a record is built from (the extractor's output, minus its diagnostics). */
export type RecordFields = Pick<
  ArticleRecord,
  'title' | 'lead' | 'body' | 'bodyHtml' | 'authors' | 'agency' | 'publishedAt' | 'modifiedAt' | 'section' | 'tags' | 'language' | 'images'
>;

export interface RecordContext {
  id: string;
  url: string;
  canonicalUrl: string;
  source: string;
  contentHash: string;
  simhash: string | null;
  fetchedAt: string;
  /** Publication date from a feed or news sitemap, used when the page shows none. */
  dateHint?: string | null;
}

/** Assemble and validate one record. Throws if the fields do not make a valid record. */
export function buildRecord(fields: RecordFields, ctx: RecordContext): ArticleRecord {
  const record: ArticleRecord = {
    id: ctx.id,
    url: ctx.url,
    canonicalUrl: ctx.canonicalUrl,
    source: ctx.source,
    title: fields.title,
    lead: fields.lead,
    body: fields.body,
    bodyHtml: fields.bodyHtml,
    authors: fields.authors,
    agency: fields.agency,
    publishedAt: fields.publishedAt ?? ctx.dateHint ?? null,
    modifiedAt: fields.modifiedAt,
    section: fields.section,
    tags: fields.tags,
    language: fields.language,
    images: fields.images,
    wordCount: countWords(fields.lead ? `${fields.lead} ${fields.body}` : fields.body),
    contentHash: ctx.contentHash,
    simhash: ctx.simhash,
    duplicateOf: null,
    fetchedAt: ctx.fetchedAt,
    schemaVersion: SCHEMA_VERSION,
  };
  return RecordSchema.parse(record);
}
