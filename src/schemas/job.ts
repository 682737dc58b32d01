import { z } from 'zod';

/** Payload of a job on the `articles` queue: small on purpose (no HTML, no config). */
export const ArticleJobSchema = z.object({
  url: z.string().url(),
  source: z.string().min(1),
  depth: z.number().int().nonnegative().default(0),
  from: z.string().url().optional(),
  /** Publication date hint from a feed or news sitemap (ISO). */
  dateHint: z.string().optional(),
});
export type ArticleJob = z.infer<typeof ArticleJobSchema>;

export const DiscoverKind = z.enum(['listing', 'feed', 'sitemap', 'robots']);
export type DiscoverKind = z.infer<typeof DiscoverKind>;

/** Payload of a job on the `discover` queue: one feed, sitemap or listing page to read. */
export const DiscoverJobSchema = z.object({
  url: z.string().url(),
  source: z.string().min(1),
  kind: DiscoverKind,
  depth: z.number().int().nonnegative().default(0),
  from: z.string().url().optional(),
});
export type DiscoverJob = z.infer<typeof DiscoverJobSchema>;

/** Payload of a job on the `sources` queue: run one configured source (from the scheduler or --once). */
export const SourceJobSchema = z.object({
  source: z.string().min(1),
});
export type SourceJob = z.infer<typeof SourceJobSchema>;
