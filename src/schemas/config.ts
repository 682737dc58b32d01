import { z } from 'zod';

const regex = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'a valid regular expression' },
);

const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an IANA time zone such as Asia/Ho_Chi_Minh' },
);

const selector = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** Optional per-source CSS selector rules, applied before the generic heuristics. */
export const ExtractRulesSchema = z
  .object({
    title: selector.optional(),
    lead: selector.optional(),
    body: selector.optional(),
    date: selector.optional(),
    modified: selector.optional(),
    author: selector.optional(),
    section: selector.optional(),
    tags: selector.optional(),
    /** Elements removed before any extraction (share bars, related boxes...). */
    remove: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type ExtractRules = z.infer<typeof ExtractRulesSchema>;

export const RateLimitSchema = z
  .object({
    perSecond: z.number().positive().default(1),
    concurrency: z.number().int().positive().default(2),
  })
  .strict();
export type RateLimit = z.infer<typeof RateLimitSchema>;

/**
 * Per-host limits, or `false`: no per-host rate or concurrency limit at all (your own server,
 * a local benchmark). Off means no politeness round trip to Redis per request; a robots.txt
 * Crawl-delay (respectRobots) and Retry-After on the retried job still apply.
 */
export const RateLimitSettingSchema = z.union([RateLimitSchema, z.literal(false)]);
export type RateLimitSetting = z.infer<typeof RateLimitSettingSchema>;

export const FetchLimitsSchema = z
  .object({
    connectTimeoutMs: z.number().int().positive().default(10_000),
    headersTimeoutMs: z.number().int().positive().default(15_000),
    bodyTimeoutMs: z.number().int().positive().default(15_000),
    totalTimeoutMs: z.number().int().positive().default(30_000),
    maxBodyBytes: z.number().int().positive().default(5 * 1024 * 1024),
    maxDecodedBytes: z.number().int().positive().default(20 * 1024 * 1024),
    maxRedirects: z.number().int().nonnegative().default(5),
    retries: z.number().int().nonnegative().default(4),
    backoffMs: z.number().int().positive().default(2_000),
  })
  .strict();
export type FetchLimits = z.infer<typeof FetchLimitsSchema>;

export const DedupeSettingsSchema = z
  .object({
    /** What to do with a near-duplicate: drop it (counted) or write it with duplicateOf set. */
    policy: z.enum(['drop', 'link']).default('drop'),
    /** Max Hamming distance between SimHashes that counts as a near-duplicate. */
    nearDistance: z.number().int().min(0).max(16).default(3),
  })
  .strict();

export const DefaultsSchema = z
  .object({
    userAgent: z.string().min(1).default('tinflow/0.1 (+https://github.com/tinflow/tinflow)'),
    timezone: timezone.default('Asia/Ho_Chi_Minh'),
    rateLimit: RateLimitSettingSchema.default({ perSecond: 1, concurrency: 2 }),
    allowPrivateNetworks: z.boolean().default(false),
    respectRobots: z.boolean().default(true),
    robotsCacheSeconds: z.number().int().positive().default(3600),
    maxCrawlDelaySeconds: z.number().nonnegative().default(30),
    fetch: FetchLimitsSchema.default(FetchLimitsSchema.parse({})),
    dedupe: DedupeSettingsSchema.default(DedupeSettingsSchema.parse({})),
  })
  .strict();
export type Defaults = z.infer<typeof DefaultsSchema>;

export const SourceSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'an id of lowercase letters, digits, "-" or "_"'),
    name: z.string().optional(),
    urls: z.array(z.string().url()).default([]),
    listings: z.array(z.string().url()).default([]),
    feeds: z.array(z.string().url()).default([]),
    sitemaps: z.array(z.string().url()).default([]),
    /** Links on listings/sitemaps/feeds matching this become article jobs. */
    articleUrlPattern: regex.optional(),
    /** Links on listing pages matching this are followed (pagination, categories) up to maxDepth. */
    listingUrlPattern: regex.optional(),
    maxDepth: z.number().int().nonnegative().default(1),
    /** Follow links to other sites (default: same registrable domain only). */
    allowOtherSites: z.boolean().default(false),
    schedule: z.string().optional(),
    timezone: timezone.optional(),
    /** Skip feed/sitemap items older than this many days when their date is known. */
    maxAgeDays: z.number().positive().optional(),
    /** Re-fetch an already seen article after this many days (default: never). */
    recrawlDays: z.number().positive().optional(),
    rateLimit: RateLimitSettingSchema.optional(),
    userAgent: z.string().min(1).optional(),
    allowPrivateNetworks: z.boolean().optional(),
    respectRobots: z.boolean().optional(),
    dedupe: DedupeSettingsSchema.partial().optional(),
    extract: ExtractRulesSchema.optional(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export const ConfigSchema = z
  .object({
    defaults: DefaultsSchema.default(DefaultsSchema.parse({})),
    sources: z.array(SourceSchema).min(1, 'at least one source'),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.sources.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
      seen.add(s.id);
    });
  });
export type Config = z.infer<typeof ConfigSchema>;

/** A source with every default resolved: what the stages actually read. */
export interface ResolvedSource extends Omit<Source, 'rateLimit' | 'userAgent' | 'allowPrivateNetworks' | 'respectRobots' | 'timezone' | 'dedupe'> {
  timezone: string;
  rateLimit: RateLimitSetting;
  userAgent: string;
  allowPrivateNetworks: boolean;
  respectRobots: boolean;
  dedupe: z.infer<typeof DedupeSettingsSchema>;
  fetch: FetchLimits;
  robotsCacheSeconds: number;
  maxCrawlDelaySeconds: number;
}
