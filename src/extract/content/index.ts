import type { AnyNode, Element } from 'domhandler';
import { escapeText } from 'entities';
import type { ExtractRules } from '../../schemas/config.ts';
import { FOLDABLE_SPACE, normalizeText } from '../../normalize/text.ts';
import { bylineNames, bylineWithSource, stripAgencyPrefix, trailingCredit } from './agency.ts';
import { cleanDocument, cutBoilerplateBlocks, dropNoise, dropFurniture, type RemovedLines } from './clean.ts';
import { collectBlocks, type Block } from './collect.ts';
import { detach, firstNamed, hasAncestor, hintOf, isElement, rawText, squash, squashedLength } from './dom.ts';
import { isCreditLine, type ImageRef } from './figures.ts';
import { ancestors, findLeadElement, leadBelongs } from './lead.ts';
import { selectContent } from './select.ts';
import { safeSelect } from '../selectors.ts';
import { documentPosition, type Page } from '../page.ts';

export type { Block } from './collect.ts';
export type { ImageRef } from './figures.ts';

export interface ContentOptions {
  url: string;
  title: string | null;
  /** Configured rules: a lead/body selector that matches nothing is reported in ruleMisses. */
  rules?: ExtractRules;
  /** Built-in template rules detected from the markup: used silently when they match. */
  template?: ExtractRules;
}

export interface ContentResult {
  lead: string | null;
  blocks: Block[];
  images: ImageRef[];
  agency: string | null;
  bylineAuthors: string[];
  ruleMisses: string[];
}

function list(sel: string | string[] | undefined): string[] {
  return !sel ? [] : Array.isArray(sel) ? sel : [sel];
}

function select(page: Page, sels: string[]): Element[] {
  for (const sel of sels) {
    const found = safeSelect(page, sel);
    if (found.length) return found;
  }
  return [];
}

/** Outermost elements only (a rule like "p" may match nested nodes). */
function outermost(els: Element[]): Element[] {
  const set = new Set<AnyNode>(els);
  return els.filter((el) => {
    for (let p = el.parent; p; p = p.parent) if (set.has(p)) return false;
    return true;
  });
}

const SHORT_ARTICLE = 250;
/** A lead this long stands as the whole text of a page that has nothing else. */
const MIN_BRIEF = 120;
const textLength = (blocks: Block[]) => blocks.reduce((n, b) => n + b.text.length, 0);

function leadText(el: Element): string {
  // A rule may point at <meta name="description">.
  const raw = el.name === 'meta' ? (el.attribs.content ?? '') : rawText(el);
  return normalizeText(raw.replace(FOLDABLE_SPACE, ' '));
}

/** Main text, lead, pictures and credits of an article page. Mutates the DOM. */
export function extractContent(page: Page, opts: ContentOptions): ContentResult {
  const ruleMisses: string[] = [];
  // <html>, not <body>: broken pages leave article markup inside <head>.
  const doc = page.document;
  const root = (firstNamed(doc, 'html') ?? firstNamed(doc, 'body') ?? doc) as Element;

  for (const sel of [...(opts.rules?.remove ?? []), ...(opts.template?.remove ?? [])]) {
    for (const el of safeSelect(page, sel)) detach(el);
  }
  dropNoise(root);

  // Lead: configured rule, then template rule, then structure.
  let leadEl: Element | null = null;
  const leadRule = list(opts.rules?.lead);
  if (leadRule.length) {
    leadEl = select(page, leadRule)[0] ?? null;
    if (!leadEl) ruleMisses.push('lead');
  }
  if (!leadEl && opts.template?.lead) leadEl = select(page, list(opts.template.lead))[0] ?? null;
  const ruledLead = leadEl !== null;
  if (!leadEl) leadEl = findLeadElement(root);
  const leadChain = leadEl ? ancestors(leadEl) : [];

  // Body: configured rule, then template rule, then the structural search.
  const removed: RemovedLines = new Set();
  let nodes: Element[] = [];
  const bodyRule = list(opts.rules?.body);
  if (bodyRule.length) {
    nodes = outermost(select(page, bodyRule));
    if (!nodes.length) ruleMisses.push('body');
  }
  if (!nodes.length && opts.template?.body) nodes = outermost(select(page, list(opts.template.body)));
  if (nodes.length) {
    for (const n of nodes) {
      cutBoilerplateBlocks(n, removed);
      dropFurniture(n, undefined, removed);
    }
    if (!nodes.some((n) => squashedLength(rawText(n)) > 0)) {
      // Matched only empty boxes: as good as no match.
      if (bodyRule.length && !ruleMisses.includes('body')) ruleMisses.push('body');
      nodes = [];
    }
  }
  let generic = false;
  if (!nodes.length) {
    generic = true;
    const cleaned = cleanDocument(root, removed);
    const sel = selectContent(root, false, cleaned);
    nodes = sel ? sel.nodes : [];
  }

  let lead: string | null = null;
  // A configured lead stands wherever it is; a found one must come before the body or inside it.
  const leadBefore = (el: Element) => ruledLead || nodes.some((n) => hasAncestor(el, n)) || documentPosition(el) < documentPosition(nodes[0]);
  if (leadEl && nodes.length && (ruledLead || (leadBelongs(leadChain, nodes[0]) && leadBefore(leadEl)))) {
    lead = leadText(leadEl);
    if (nodes.some((n) => hasAncestor(leadEl!, n))) detach(leadEl);
  }

  let { blocks, images } = collectBlocks(nodes, { baseUrl: opts.url, title: opts.title, removed });
  if (generic && textLength(blocks) < SHORT_ARTICLE) {
    // Nothing read like prose: try again counting short lines (dialogue, verse, lists) as text.
    const sel = selectContent(root, true);
    if (sel) {
      const again = collectBlocks(sel.nodes, { baseUrl: opts.url, title: opts.title, removed });
      if (textLength(again.blocks) > textLength(blocks)) {
        ({ blocks, images } = again);
        nodes = sel.nodes;
      }
    }
  }
  const result = finish(lead, blocks, images, ruleMisses);
  if (nodes.length) creditsAfter(nodes[nodes.length - 1], result);
  return result;
}

const BYLINE_BOX = /(?:^|[\s_-])(?:author|authors|byline|tac-?gia|writer|reporter)(?:[\s_-]|$)/i;

/** A byline or credit line printed just after the body container ("TTXVN/Báo Tin tức" under the text). */
function creditsAfter(last: Element, result: ContentResult): void {
  let seen = 0;
  for (let n = last.next; n && seen < 4; n = n.next) {
    if (!isElement(n)) continue;
    seen++;
    const t = squash(rawText(n));
    if (!t || t.length > 100) continue;
    if (!result.agency) {
      const c = trailingCredit(t);
      if (c) {
        result.agency = c;
        continue;
      }
    }
    if (!result.bylineAuthors.length && BYLINE_BOX.test(hintOf(n))) {
      const names = bylineNames(t);
      if (names) result.bylineAuthors.push(...names);
    }
  }
}

function finish(leadIn: string | null, blocksIn: Block[], images: ImageRef[], ruleMisses: string[]): ContentResult {
  let lead = leadIn || null;
  let blocks = blocksIn;
  let agency: string | null = null;
  const bylineAuthors: string[] = [];

  const firstText = () => blocks.findIndex((b) => b.kind !== 'figure');

  // A first paragraph printed in bold is the lead on many CMSes.
  if (!lead) {
    const i = firstText();
    const b = blocks[i];
    if (b && b.kind === 'p' && b.bold && b.text.length >= 60 && blocks.length > 2) {
      lead = b.text;
      blocks = blocks.filter((_, j) => j !== i);
    }
  }

  // Outlet prefix: "(PLVN) - ...", "NDO - ...", alone on its own line or on the lead / first paragraph.
  const i0 = firstText();
  if (i0 >= 0) {
    const only = /^\(?\s*[^()]{2,28}?\s*\)?\s*[-–—]+$/u.exec(blocks[i0].text);
    if (only) {
      const s = stripAgencyPrefix(blocks[i0].text + ' x');
      if (s.agency) {
        agency = s.agency;
        blocks = blocks.filter((_, j) => j !== i0);
      }
    }
  }
  if (lead) {
    const s = stripAgencyPrefix(lead);
    if (s.agency) {
      agency ??= s.agency;
      lead = s.text.trim() || null;
    }
  } else {
    const i = firstText();
    if (i >= 0) {
      const b = blocks[i];
      const s = stripAgencyPrefix(b.text);
      if (s.agency) {
        agency ??= s.agency;
        blocks = blocks.map((x, j) => (j === i ? { ...x, text: s.text, html: stripAgencyPrefix(x.html).text } : x));
      }
    }
  }

  // The lead is not repeated at the top of the body.
  if (lead) {
    const key = lead.toLowerCase();
    const i = firstText();
    if (i >= 0) {
      const t = blocks[i].text.toLowerCase();
      const bare = stripAgencyPrefix(blocks[i].text).text.toLowerCase();
      if (t === key || bare === key || (key.startsWith(t) && t.length > 40) || (t.startsWith(key) && t.length - key.length < 5)) {
        blocks = blocks.filter((_, j) => j !== i);
      }
    }
  }

  // End-of-article credits and bylines.
  for (let guard = 0; guard < 4; guard++) {
    let i = blocks.length - 1;
    while (i >= 0 && blocks[i].kind === 'figure') i--;
    if (i < 0) break;
    const b = blocks[i];
    if (b.text.length > 120) break;
    const credit = trailingCredit(b.text);
    if (credit) {
      // "Theo Reuters" names the original source: it outranks the republishing outlet's prefix.
      agency = credit;
      blocks = blocks.filter((_, j) => j !== i);
      continue;
    }
    if (isCreditLine(b.text)) {
      blocks = blocks.filter((_, j) => j !== i);
      continue;
    }
    const withSource = bylineWithSource(b.text);
    if (withSource) {
      agency = withSource.agency;
      bylineAuthors.push(...withSource.names);
      blocks = blocks.filter((_, j) => j !== i);
      continue;
    }
    const names = b.kind === 'p' || b.byline ? bylineNames(b.text) : null;
    if (names && (b.byline || b.bold || blocks.length > 2)) {
      bylineAuthors.push(...names);
      blocks = blocks.filter((_, j) => j !== i);
      continue;
    }
    if (b.byline && b.text.length < 80) {
      blocks = blocks.filter((_, j) => j !== i);
      continue;
    }
    break;
  }

  // A brief whose only paragraph is its lead (an audio or video teaser): that paragraph is the article.
  if (lead && firstText() < 0 && lead.length >= MIN_BRIEF) {
    blocks = [{ kind: 'p', text: lead, html: escapeText(lead) }, ...blocks];
    lead = null;
  }

  return { lead, blocks, images, agency, bylineAuthors, ruleMisses };
}
