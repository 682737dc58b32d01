import { createHash } from 'node:crypto';
import normalizeUrl from 'normalize-url';
import { getDomain } from 'tldts';

/** Query parameters that only track the click; they never change the resource. */
export const TRACKING_PARAMS: ReadonlyArray<RegExp> = [
  /^utm_\w+$/i,
  /^(fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id)$/i,
  /^(zarsrc|gidzl|zlsid)$/i, // Zalo shares, common on Vietnamese sites
  /^(mc_cid|mc_eid|igshid|mkt_tok|vero_id|vero_conv|oly_anon_id|oly_enc_id|rb_clickid|s_cid|spm)$/i,
  /^(_ga|_gl|_hsenc|_hsmi|_openstat|__twitter_impression)$/i,
];

const NORMALIZE_OPTIONS = {
  stripHash: true,
  stripTextFragment: true,
  stripAuthentication: true,
  // www.example.com and example.com, /a and /a/ can be different resources: keep them apart.
  stripWWW: false,
  removeTrailingSlash: false,
  removeSingleSlash: false,
  removeDirectoryIndex: false,
  removeExplicitPort: false, // default ports (80/443) are still dropped
  sortQueryParameters: true,
  removeQueryParameters: [...TRACKING_PARAMS],
} as const;

/**
 * The one canonical form of a URL used for jobs, ids and the seen-set: resolved against `base`,
 * http(s) only, lowercase scheme and host, no default port, credentials, fragment or tracking
 * parameters, query sorted. Null when the href is not a usable http(s) URL.
 */
export function canonicalizeUrl(href: string, base?: string): string | null {
  const trimmed = href.trim();
  if (!trimmed) return null;
  let resolved: URL;
  try {
    resolved = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null;
  if (!resolved.hostname) return null;
  try {
    // normalize-url drops the "/" of a bare origin when the query empties; URL puts it back.
    return new URL(normalizeUrl(resolved.href, NORMALIZE_OPTIONS)).href;
  } catch {
    return null;
  }
}

/** Registrable domain (eTLD+1) of a URL; the hostname itself for IPs and single-label hosts. */
export function siteOf(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return getDomain(host) ?? host;
}

/** Same registrable domain (news.example.com and example.com are the same site). */
export function isSameSite(a: string, b: string): boolean {
  const sa = siteOf(a);
  return sa !== null && sa === siteOf(b);
}

/** Short stable id for a canonical URL: first 20 hex chars of its SHA-1 (usable as a BullMQ jobId). */
export function urlKey(canonicalUrl: string): string {
  return createHash('sha1').update(canonicalUrl).digest('hex').slice(0, 20);
}
