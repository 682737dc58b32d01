import { z } from 'zod';
import { RecordSchema, type ArticleRecord } from '../schemas/record.ts';
import type { FailureRecord } from './types.ts';

/** The indexed columns of a record row (the full record travels as JSON in `data`). */
export interface RecordRow {
  id: string;
  source: string;
  url: string;
  canonical_url: string;
  title: string;
  /** UTC ISO, so that the column sorts by instant whatever the original offset. */
  published_at: string | null;
  content_hash: string;
  simhash: string | null;
  duplicate_of: string | null;
  fetched_at: string;
  data: string;
}

const toUtc = (iso: string) => new Date(iso).toISOString();

/** Validates a record (a bad record is a programming error: throws) and serializes it, for sinks that store only the JSON. */
export function toRecordData(input: ArticleRecord): { record: ArticleRecord; data: string } {
  const record = RecordSchema.parse(input);
  return { record, data: JSON.stringify(record) };
}

/** Validates (a bad record is a programming error: throws) and flattens a record. */
export function toRecordRow(input: ArticleRecord): { record: ArticleRecord; row: RecordRow } {
  const record = RecordSchema.parse(input);
  return {
    record,
    row: {
      id: record.id,
      source: record.source,
      url: record.url,
      canonical_url: record.canonicalUrl,
      title: record.title,
      published_at: record.publishedAt === null ? null : toUtc(record.publishedAt),
      content_hash: record.contentHash,
      simhash: record.simhash,
      duplicate_of: record.duplicateOf,
      fetched_at: toUtc(record.fetchedAt),
      data: JSON.stringify(record),
    },
  };
}

export const FailureSchema = z.object({
  url: z.string().min(1),
  source: z.string().min(1),
  reason: z.string().min(1),
  message: z.string(),
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date'),
  attempts: z.number().int().nonnegative(),
});

export function validateFailure(f: FailureRecord): FailureRecord {
  return FailureSchema.parse(f);
}
