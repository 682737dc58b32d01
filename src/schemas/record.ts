import { z } from 'zod';

export const SCHEMA_VERSION = 1;

export const ImageSchema = z.object({
  url: z.string().url(),
  caption: z.string().nullable(),
  credit: z.string().nullable(),
});
export type Image = z.infer<typeof ImageSchema>;

const isoWithOffset = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/, 'ISO 8601 with offset');

/** One normalized article: what sinks store and consumers read. */
export const RecordSchema = z.object({
  id: z.string().min(1),
  url: z.string().url(),
  canonicalUrl: z.string().url(),
  source: z.string().min(1),
  title: z.string().min(1),
  lead: z.string().nullable(),
  body: z.string().min(1),
  bodyHtml: z.string(),
  authors: z.array(z.string()),
  agency: z.string().nullable(),
  publishedAt: isoWithOffset.nullable(),
  modifiedAt: isoWithOffset.nullable(),
  section: z.string().nullable(),
  tags: z.array(z.string()),
  language: z.string().nullable(),
  images: z.array(ImageSchema),
  wordCount: z.number().int().nonnegative(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  simhash: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
  duplicateOf: z.string().nullable(),
  fetchedAt: isoWithOffset,
  schemaVersion: z.literal(SCHEMA_VERSION),
});
export type ArticleRecord = z.infer<typeof RecordSchema>;
