import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, isElement, squash, squashedLength } from './dom.ts';

/** Text totals of a subtree, split into article-like ("good") and furniture-like ("bad") characters. */
export interface Stats {
  chars: number;
  linkChars: number;
  good: number;
  bad: number;
  paragraphs: number;
}

const SENTENCE = /[.!?…:;"”»)。！？]\s*$|[,;]\s|[.!?]\s+\p{Lu}|[。、，]/u;

// `raw` is squashed only when a sentence test decides: most leaves are long enough, or too short, without it.
function weigh(chars: number, linkChars: number, raw: string, lenient: boolean): { good: number; bad: number; para: number } {
  if (chars === 0) return { good: 0, bad: 0, para: 0 };
  if (linkChars / chars > 0.5) return { good: 0, bad: chars, para: 0 };
  if (chars >= 70 || lenient || (chars >= 25 && SENTENCE.test(squash(raw)))) return { good: chars - linkChars, bad: linkChars, para: 1 };
  return { good: 0, bad: chars * 0.5, para: 0 };
}

/**
 * One pass over the subtree: every run of inline text between block boundaries is a leaf,
 * weighed and added to its block owner and all that owner's ancestors. `lenient` counts
 * short lines as prose too (dialogue, verse, recipes), for pages where nothing else qualifies.
 */
export function computeStats(root: Element, lenient = false): Map<Element, Stats> {
  const map = new Map<Element, Stats>();
  let text = '';
  let chars = 0;
  let linkChars = 0;
  let owner: Element = root;
  let inLink = 0;

  const flush = () => {
    if (text) {
      const n = squashedLength(text);
      if (n) {
        const l = Math.min(linkChars, n);
        const w = weigh(n, l, text, lenient);
        for (let p: AnyNode | null = owner; p && p.type !== 'root'; p = p.parent) {
          const el = p as Element;
          let s = map.get(el);
          if (!s) map.set(el, (s = { chars: 0, linkChars: 0, good: 0, bad: 0, paragraphs: 0 }));
          s.chars += n;
          s.linkChars += l;
          s.good += w.good;
          s.bad += w.bad;
          s.paragraphs += w.para;
          if (p === root) break;
        }
      }
    }
    text = '';
    chars = 0;
    linkChars = 0;
  };

  const visit = (node: AnyNode) => {
    if (node.type === 'text') {
      const d = (node as { data: string }).data;
      text += d;
      chars += d.length;
      if (inLink) linkChars += squashedLength(d) + 1;
      return;
    }
    if (!isElement(node)) return;
    const name = node.name;
    if (name === 'br') {
      text += ' ';
      return;
    }
    if (BLOCK_TAGS.has(name)) {
      flush();
      const saved = owner;
      owner = node;
      for (const c of node.children) visit(c);
      flush();
      owner = saved;
      return;
    }
    const link = name === 'a';
    if (link) inLink++;
    for (const c of node.children) visit(c);
    if (link) inLink--;
  };
  visit(root);
  flush();
  return map;
}

export const EMPTY_STATS: Stats = { chars: 0, linkChars: 0, good: 0, bad: 0, paragraphs: 0 };
