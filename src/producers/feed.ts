import { canonicalizeUrl } from '../urls/canonical.ts';
import { parseFeedDate } from './dates.ts';
import { DiscoveryError } from './errors.ts';
import { asList, asNode, looksLikeHtml, parseXml, textOf, unparseableXml, type XmlNode } from './xml.ts';

export interface FeedItem {
  /** Canonical article URL. */
  url: string;
  title: string | null;
  /** Publication (else update) date, ISO 8601 with offset; null when absent or unparseable. */
  date: string | null;
}

function attr(node: unknown, name: string): string | undefined {
  const n = asNode(node);
  const v = n?.[`@_${name}`];
  return typeof v === 'string' ? v.trim() || undefined : undefined;
}

/** RSS <link>text</link>, else an Atom-style <atom:link href> without rel or rel="alternate". */
function rssLink(item: XmlNode): string | undefined {
  const original = textOf(item.origLink); // FeedBurner keeps the publisher's URL here
  if (original) return original;
  const links = asList(item.link);
  for (const l of links) if (typeof l === 'string' && l.trim()) return l.trim();
  const alt = atomLink(links);
  if (alt) return alt;
  const guid = item.guid;
  const guidText = textOf(guid);
  if (guidText && attr(guid, 'isPermaLink') !== 'false' && /^https?:\/\//i.test(guidText)) return guidText;
  return undefined;
}

function atomLink(links: unknown[]): string | undefined {
  const candidates = links.filter((l) => attr(l, 'href'));
  const alternate = candidates.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate' && !/xml|json/.test(attr(l, 'type') ?? ''));
  return attr(alternate ?? candidates.find((l) => !attr(l, 'rel')), 'href');
}

function firstDate(node: XmlNode, fields: string[], timeZone: string): string | null {
  for (const f of fields) {
    const iso = parseFeedDate(textOf(node[f]), timeZone);
    if (iso) return iso;
  }
  return null;
}

function toItem(rawUrl: string | undefined, base: string, title: string | undefined, date: string | null): FeedItem | null {
  const url = rawUrl ? canonicalizeUrl(rawUrl, base) : null;
  return url ? { url, title: title ?? null, date } : null;
}

/**
 * Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in document order, with links resolved
 * against xml:base / the feed URL. Not well-formed feeds are read leniently. Throws
 * DiscoveryError 'feed-is-html' when the body is an HTML page, 'unparseable-xml' when it is
 * not well-formed and yields no item, 'not-a-feed' for other XML.
 */
export function parseFeed(body: string, feedUrl: string, timeZone: string, contentType: string | null = null): FeedItem[] {
  if (looksLikeHtml(body, contentType)) throw new DiscoveryError('feed-is-html', `${feedUrl}: expected a feed, got an HTML page`);
  const { doc, invalid } = parseXml(body, feedUrl);
  const items: (FeedItem | null)[] = [];

  const channelRoot = asNode(doc.rss) ?? asNode(doc.RDF);
  if (channelRoot) {
    const channel = asNode(channelRoot.channel);
    const rawItems = asList(channelRoot.item).length ? asList(channelRoot.item) : asList(channel?.item);
    for (const raw of rawItems) {
      const item = asNode(raw);
      if (!item) continue;
      const date = firstDate(item, ['pubDate', 'date', 'published', 'updated', 'issued'], timeZone);
      items.push(toItem(rssLink(item) ?? attr(item, 'about'), feedUrl, textOf(item.title), date));
    }
  } else if (asNode(doc.feed)) {
    const feed = asNode(doc.feed)!;
    const feedBase = canonicalizeUrl(attr(feed, 'base') ?? '', feedUrl) ?? feedUrl;
    for (const raw of asList(feed.entry)) {
      const entry = asNode(raw);
      if (!entry) continue;
      const base = canonicalizeUrl(attr(entry, 'base') ?? '', feedBase) ?? feedBase;
      const date = firstDate(entry, ['published', 'issued', 'updated', 'modified'], timeZone);
      items.push(toItem(atomLink(asList(entry.link)), base, textOf(entry.title), date));
    }
  } else {
    if (invalid) throw unparseableXml(feedUrl, invalid);
    throw new DiscoveryError('not-a-feed', `${feedUrl}: XML root is not rss, rdf:RDF or feed`);
  }
  const found = items.filter((i): i is FeedItem => i !== null);
  if (!found.length && invalid) throw unparseableXml(feedUrl, invalid);
  return found;
}
