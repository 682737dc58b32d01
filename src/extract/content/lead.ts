import type { AnyNode, Element } from 'domhandler';
import { hintOf, isElement, rawText, squash, squashedLength } from './dom.ts';
import { hintVerdict } from './patterns.ts';

const LEAD_HINT = /(?:^|[\s_-])(?:sapo|sapo_detail|detail-sapo|article__sapo|lead|article-lead|lead-text|leadtext|intro|article-intro|introduction|description|summary|article-summary|standfirst|teaser|article-teaser|chapeau|chapo|excerpt|abstract|dek|deck|summary-text|news-sapo|ArticleLead|c-detail-sapo)(?:[\s_-]|$)/i;

function linkChars(el: AnyNode): number {
  if (el.type === 'text') return 0;
  if (!isElement(el)) return 0;
  if (el.name === 'a') return squashedLength(rawText(el));
  let n = 0;
  for (const c of el.children) n += linkChars(c);
  return n;
}

function insideNegative(el: Element): boolean {
  for (let p = el.parent; p && p.type !== 'root'; p = p.parent) {
    const h = hintOf(p as Element);
    if (h) {
      const v = hintVerdict(h);
      if (v === 'strong' || v === 'weak') return true;
    }
    const name = (p as Element).name;
    if (name === 'li' || name === 'aside' || name === 'nav') return true;
  }
  return false;
}

/** The first element in document order that is marked as a lead/sapo/standfirst and reads like one. */
export function findLeadElement(root: Element): Element | null {
  let found: Element | null = null;
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (found) return;
      if (!isElement(c)) continue;
      const hint = hintOf(c);
      if (hint && LEAD_HINT.test(hint) && c.name !== 'meta' && c.name !== 'body') {
        const t = squash(rawText(c));
        if (t.length >= 30 && t.length <= 1500 && linkChars(c) < 0.3 * t.length && !insideNegative(c) && !hasBlockChildren(c)) {
          found = c;
          return;
        }
      }
      visit(c);
    }
  };
  visit(root);
  return found;
}

function hasBlockChildren(el: Element): boolean {
  let n = 0;
  for (const c of el.children) {
    if (isElement(c) && (c.name === 'p' || c.name === 'div' || c.name === 'h1' || c.name === 'h2' || c.name === 'table' || c.name === 'ul')) {
      if (++n > 2) return true;
    }
  }
  return false;
}

export function ancestors(el: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (let p: AnyNode | null = el; p; p = p.parent) out.push(p);
  return out;
}

/** The lead belongs to this article if it sits inside the content or near its top (close common ancestor). */
export function leadBelongs(leadChain: AnyNode[], content: Element, maxUp = 5): boolean {
  const set = new Set(leadChain);
  let up = 0;
  for (let p: AnyNode | null = content; p && up <= maxUp; p = p.parent, up++) {
    if (set.has(p)) return (p as Element).name !== 'body' || up <= 2;
  }
  return false;
}
