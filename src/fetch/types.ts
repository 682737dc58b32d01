import type { ResolvedSource } from '../schemas/config.ts';

export type FetchKind = 'article' | 'listing' | 'feed' | 'sitemap' | 'robots';

export interface FetchRequest {
  url: string;
  source: ResolvedSource;
  kind: FetchKind;
  signal?: AbortSignal;
  /** Send If-None-Match / If-Modified-Since from what was stored for this URL. */
  revalidate?: boolean;
}

export interface FetchedPage {
  requestedUrl: string;
  /** Final URL, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  charset: string;
  /** Decoded text (not NFC-normalized: later stages do that). */
  body: string;
  /** Bytes received on the wire for the final response body. */
  bytes: number;
  /** True on 304 Not Modified; body is then ''. */
  notModified: boolean;
  fetchedAt: string;
}
