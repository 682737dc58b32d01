import { parse } from 'tldts';

type DomainParts = ReturnType<typeof parse>;

let last: { url: string; parts: DomainParts } | null = null;

/**
 * Host name and registrable-domain parts of a URL (tldts' parse, default options). Extraction asks about the page's
 * own URL from several places (site names, canonical link, built-in rules): the last answer is kept for the next ask.
 */
export function domainParts(url: string): DomainParts {
  if (last?.url === url) return last.parts;
  const parts = parse(url);
  last = { url, parts };
  return parts;
}
