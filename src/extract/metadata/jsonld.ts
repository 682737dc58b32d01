import { elementsNamed, textContent } from './dom.ts';
import type { Page } from '../page.ts';

export type LdNode = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|TechArticle|ScholarlyArticle|SocialMediaPosting|Report)$/i;

function parseLoose(text: string): unknown {
  const t = text.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/<!\[CDATA\[|\/\/\]\]>\s*$/g, '');
  try {
    return JSON.parse(t);
  } catch {
    // Raw newlines/tabs inside strings are the usual fault of hand-written JSON-LD.
    try {
      return JSON.parse(t.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/** Every typed object in the page's JSON-LD, through arrays, @graph and nested properties. */
export function jsonLdNodes(page: Page): LdNode[] {
  const out: LdNode[] = [];
  const seen = new Set<unknown>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const node = v as LdNode;
    if (node['@type'] !== undefined) out.push(node);
    for (const [k, x] of Object.entries(node)) if (k !== '@context') visit(x, depth + 1);
  };
  for (const el of elementsNamed(page, 'script')) {
    if (el.attribs.type?.toLowerCase() === 'application/ld+json') visit(parseLoose(textContent(el)), 0);
  }
  return out;
}

export function ldTypes(node: LdNode): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

export function isType(node: LdNode, re: RegExp): boolean {
  return ldTypes(node).some((t) => re.test(t));
}

export function articleNodes(nodes: LdNode[]): LdNode[] {
  return nodes.filter((n) => isType(n, ARTICLE_TYPES));
}

export function ldString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(ldString).find((x) => x) ?? null;
  if (v && typeof v === 'object') {
    const o = v as LdNode;
    return ldString(o['@value'] ?? o.name);
  }
  return null;
}
