import type { Element } from 'domhandler';
import { hintOf, isElement } from './dom.ts';
import { attribute } from '../page.ts';
import { computeStats, EMPTY_STATS, type Stats, type StatsReplay } from './stats.ts';
import { hintVerdict } from './patterns.ts';

const BAD_WEIGHT = 1.0;
const DOMINANT = 0.9;

function score(el: Element, s: Stats): number {
  let v = s.good - BAD_WEIGHT * s.bad;
  const hint = hintOf(el);
  if (hint) {
    const verdict = hintVerdict(hint);
    if (verdict === 'positive') v += Math.min(0.1 * s.good, 300);
    else if (verdict) v -= Math.min(0.2 * s.good, 500);
  }
  if (el.name === 'article' || attribute(el, 'itemprop') === 'articleBody') v += Math.min(0.1 * s.good, 300);
  return v;
}

function leadLike(el: Element, s: Stats | undefined): boolean {
  if (!s || s.good < 50 || s.paragraphs > 2 || s.linkChars > 0.2 * s.chars) return false;
  const v = hintVerdict(hintOf(el));
  return v !== 'strong' && v !== 'weak';
}

/**
 * The element whose text is most article-like: maximum of good text minus weighted
 * furniture text, so it grows to take in every paragraph but stops before link lists.
 * Siblings that read like article text (a lead above the body, a second body part) join it. `replay`: the stats walk
 * of cleanDocument, whose unchanged blocks need no second reading.
 */
export function selectContent(body: Element, lenient = false, replay?: StatsReplay): { nodes: Element[]; stats: Map<Element, Stats> } | null {
  const stats = computeStats(body, { lenient, replay });
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, s] of stats) {
    if (s.good === 0) continue;
    const v = score(el, s);
    // Deeper wins ties: Map order is leaf-first for a subtree's first text.
    if (v > bestScore) {
      bestScore = v;
      best = el;
    }
  }
  if (!best) return null;
  // A wrapper whose text is nearly all in one child (article column + a promo box) gives way to that child;
  // short prose just before the child on the way down (a teaser, a lead) is kept.
  const leading: Element[] = [];
  for (;;) {
    const bs = stats.get(best) ?? EMPTY_STATS;
    let next: Element | null = null;
    for (const c of best.children) {
      if (!isElement(c)) continue;
      const cs = stats.get(c);
      if (cs && cs.good >= DOMINANT * bs.good) next = c;
    }
    if (!next) break;
    for (const c of best.children) {
      if (c === next) break;
      if (isElement(c) && leadLike(c, stats.get(c))) leading.push(c);
    }
    best = next;
  }
  const top = stats.get(best) ?? EMPTY_STATS;
  const nodes: Element[] = [best];
  const parent = best.parent;
  if (parent && isElement(parent) && best.name !== 'body') {
    const threshold = Math.max(20, 0.2 * top.good);
    const kept: Element[] = [];
    for (const sib of parent.children) {
      if (!isElement(sib)) continue;
      if (sib === best) {
        kept.push(sib);
        continue;
      }
      const s = stats.get(sib);
      if (!s || s.good === 0) continue;
      const ld = s.linkChars / Math.max(1, s.chars);
      const hint = hintOf(sib);
      const verdict = hintVerdict(hint);
      const negative = verdict === 'strong' || verdict === 'weak';
      if (negative || ld > 0.3) continue;
      if (score(sib, s) >= threshold || (s.paragraphs >= 1 && s.bad <= 0.2 * s.chars && s.good >= 60 && sib.name === 'p')) kept.push(sib);
    }
    if (kept.length > 1) return { nodes: [...leading, ...kept], stats };
  }
  return { nodes: [...leading, ...nodes], stats };
}
