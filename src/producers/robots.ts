import robotsParserModule from 'robots-parser';
import { canonicalizeUrl } from '../urls/canonical.ts';

// The package is CommonJS (module.exports = fn) but its typings declare an ES default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** Canonical URLs of the `Sitemap:` lines of a robots.txt (relative ones resolved against it). */
export function sitemapsFromRobots(body: string, robotsUrl: string): string[] {
  const robots = robotsParser(robotsUrl, body);
  const out = new Set<string>();
  for (const s of robots.getSitemaps()) {
    const url = canonicalizeUrl(s, robotsUrl);
    if (url) out.add(url);
  }
  return [...out];
}
