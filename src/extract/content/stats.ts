import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, isElement, isSpaceCode, squash } from './dom.ts';
import { firstVisibleCode } from './patterns.ts';

/** Text totals of a subtree, split into article-like ("good") and furniture-like ("bad") characters. */
export interface Stats {
  chars: number;
  linkChars: number;
  good: number;
  bad: number;
  paragraphs: number;
}

/**
 * Whitespace other than single plain spaces (\s is the set isSpaceCode accepts). Text it does not match, most prose, is
 * counted without a loop: the character loop over slices of the page was a third of the stats walk's own time.
 */
const IRREGULAR_SPACE = /\s\s|[^\S ]/;

const SENTENCE = /[.!?…:;"”»)。！？]\s*$|[,;]\s|[.!?]\s+\p{Lu}|[。、，]/u;

/** A leaf's weight; one object, overwritten by every weigh() call: a leaf is added up before the next one is weighed. */
const weight = { good: 0, bad: 0, para: 0 };

// The leaf's first `count` raw pieces are joined and squashed only when a sentence test decides: most leaves are long enough, or too short, without it.
function weigh(chars: number, linkChars: number, pieces: string[], count: number, lenient: boolean): typeof weight {
  if (chars === 0) return set(0, 0, 0);
  if (linkChars / chars > 0.5) return set(0, chars, 0);
  if (chars >= 70 || lenient || (chars >= 25 && SENTENCE.test(squash(pieces.slice(0, count).join(''))))) return set(chars - linkChars, linkChars, 1);
  return set(0, chars * 0.5, 0);
}

function set(good: number, bad: number, para: number): typeof weight {
  weight.good = good;
  weight.bad = bad;
  weight.para = para;
  return weight;
}

/**
 * Also collected by computeStats' walk, for the boilerplate-heading search: every element whose subtree holds 1-59
 * characters of raw text opening with a character `opens` accepts, grouped by parent in the order the walk finishes
 * the parents (children in document order within a parent).
 */
export interface ShortBoxes {
  opens: (code: number) => boolean;
  found: Element[];
}

/**
 * A walk's stats kept for a later walk of the same tree after some nodes were removed (see StatsReplay): the map's keys
 * in insertion order, and every block element walked with the range of keys inserted while it was walked (its
 * subtree's entries, plus the ancestors its first text brought in, which come right after the block itself).
 */
export interface StatsRecord {
  lenient: boolean;
  stats: Map<Element, Stats>;
  keys: Element[];
  blocks: Element[];
  starts: number[];
  ends: number[];
}

export function newStatsRecord(lenient = false): StatsRecord {
  return { lenient, stats: new Map(), keys: [], blocks: [], starts: [], ends: [] };
}

/**
 * An earlier walk's record, and every element that has lost a descendant since. A block element not in `changed` holds
 * the same text as before: its subtree's stats are the recorded ones, and a block's leaves never reach past it, so the
 * walk takes them over in recorded order instead of reading the text again.
 */
export interface StatsReplay {
  record: StatsRecord;
  changed: Set<AnyNode>;
}

export interface StatsOptions {
  /** Count short lines as prose too (dialogue, verse, recipes), for pages where nothing else qualifies. */
  lenient?: boolean;
  /** Collect those boxes in the same walk (a second whole-body walk cost as much as this one). */
  shortBoxes?: ShortBoxes;
  /** Fill this record for a later walk's `replay`. */
  record?: StatsRecord;
  /** Take the unchanged blocks over from an earlier walk (used only by a walk as lenient, without shortBoxes). */
  replay?: StatsReplay;
}

/**
 * One pass over the subtree: every run of inline text between block boundaries is a leaf,
 * weighed and added to its block owner and all that owner's ancestors.
 */
export function computeStats(root: Element, opts: StatsOptions = {}): Map<Element, Stats> {
  const { lenient = false, shortBoxes, record } = opts;
  if (record && (record.lenient !== lenient || record.stats.size)) throw new Error('computeStats: a record is filled once, by a walk as lenient as the record');
  const map = record ? record.stats : new Map<Element, Stats>();
  const keys = record?.keys;
  // A record replays into a walk like the one that filled it; shortBoxes need every element walked.
  const replay = opts.replay && opts.replay.record.lenient === lenient && !shortBoxes && !record ? opts.replay : undefined;
  // The current leaf: its raw pieces (joined only when the sentence test needs them) and squash(text).length so far.
  // parts[0..partCount) are the current leaf's pieces; the array is reused, not emptied, so it keeps its storage.
  const parts: string[] = [];
  let partCount = 0;
  let hasText = false;
  let n = 0;
  let gap = false;
  let linkChars = 0;
  let owner: Element = root;
  let inLink = 0;

  const flush = () => {
    if (hasText && n) {
      const l = Math.min(linkChars, n);
      const w = weigh(n, l, parts, partCount, lenient);
      // A leaf's counts go to its owner only; the ancestors' sums are added up once, after the walk. Entries are still
      // created leaf-first, up the owner's ancestors, so the map's order is the same as adding to every ancestor here.
      let s = map.get(owner);
      if (!s) {
        map.set(owner, (s = { chars: 0, linkChars: 0, good: 0, bad: 0, paragraphs: 0 }));
        keys?.push(owner);
        if (owner !== root) addAncestors(owner);
      }
      s.chars += n;
      s.linkChars += l;
      s.good += w.good;
      s.bad += w.bad;
      s.paragraphs += w.para;
    }
    if (hasText) partCount = 0;
    hasText = false;
    n = 0;
    gap = false;
    linkChars = 0;
  };

  // Entries for the ancestors of `el` up to the first one that has an entry (or the root).
  const addAncestors = (el: Element): void => {
    for (let p: AnyNode | null = el.parent; p && p.type !== 'root'; p = p.parent) {
      if (map.has(p as Element)) break;
      map.set(p as Element, { chars: 0, linkChars: 0, good: 0, bad: 0, paragraphs: 0 });
      keys?.push(p as Element);
      if (p === root) break;
    }
  };

  // Replay: the recorded blocks, walked in the same order (this tree's blocks are a subsequence of the recorded ones).
  const reused = replay ? new Set<Element>() : null;
  let cursor = 0;
  // Takes over an unchanged block's recorded entries in their recorded order; false when the block was not recorded.
  const takeOver = (block: Element): boolean => {
    const rec = replay!.record;
    while (cursor < rec.blocks.length && rec.blocks[cursor] !== block) cursor++;
    if (cursor === rec.blocks.length) return false;
    const end = rec.ends[cursor];
    for (let i = rec.starts[cursor]; i < end; i++) {
      const el = rec.keys[i];
      map.set(el, rec.stats.get(el)!);
      if (el !== block) continue;
      // The block's first text brought in its missing ancestors right after it: skipped, and added as this tree needs.
      for (let p = block.parent; i + 1 < end && rec.keys[i + 1] === p; p = p.parent) i++;
      if (block !== root) addAncestors(block);
    }
    reused!.add(block);
    return true;
  };

  // Adds `d` to the leaf; returns squashedLength(d), counted in the same scan.
  const add = (d: string): number => {
    // Only a leaf that ends shorter than 70 characters is joined: once it is that long, its later pieces are not needed.
    if (n < 70) parts[partCount++] = d;
    if (d) hasText = true;
    const len = d.length;
    if (len > 0 && !IRREGULAR_SPACE.test(d)) {
      // Words and single plain spaces: the loop below would count every character but a leading or trailing space.
      const lead = d.charCodeAt(0) === 0x20 ? 1 : 0;
      const trail = len > lead && d.charCodeAt(len - 1) === 0x20 ? 1 : 0;
      const own = len - lead - trail;
      if (own === 0) {
        if (n > 0) gap = true;
        return 0;
      }
      if (lead && n > 0) gap = true;
      if (gap) n++;
      n += own;
      gap = trail === 1;
      return own;
    }
    let own = 0;
    let ownGap = false;
    for (let i = 0; i < d.length; i++) {
      if (isSpaceCode(d.charCodeAt(i))) {
        if (n > 0) gap = true;
        if (own > 0) ownGap = true;
      } else {
        if (gap) n++;
        gap = false;
        n++;
        if (ownGap) own++;
        ownGap = false;
        own++;
      }
    }
    return own;
  };

  // Returns the subtree's raw text length and leaves its first visible character in `first`: both for shortBoxes only.
  let first = -1;
  const visit = (node: Element): number => {
    const name = node.name;
    if (name === 'br') {
      add(' ');
      first = -1;
      return 0;
    }
    const block = BLOCK_TAGS.has(name);
    const link = name === 'a';
    const saved = owner;
    let recorded = -1;
    if (block) {
      flush();
      if (replay && !replay.changed.has(node) && takeOver(node)) return 0;
      owner = node;
      if (record) {
        recorded = record.blocks.length;
        record.blocks.push(node);
        record.starts.push(map.size);
        record.ends.push(map.size);
      }
    } else if (link) inLink++;
    let len = 0;
    let elFirst = -1;
    // Allocated on the first short child only: most elements have none.
    let short: Element[] | null = null;
    for (const c of node.children) {
      if (c.type === 'text') {
        const d = (c as unknown as { data: string }).data;
        const own = add(d);
        if (inLink) linkChars += own + 1;
        if (shortBoxes) {
          len += d.length;
          if (elFirst < 0) elFirst = firstVisibleCode(d);
        }
      } else if (isElement(c)) {
        const sub = visit(c);
        if (shortBoxes) {
          len += sub;
          if (elFirst < 0) elFirst = first;
          if (sub > 0 && sub < 60 && first >= 0 && shortBoxes.opens(first)) (short ??= []).push(c);
        }
      }
    }
    if (block) {
      flush();
      owner = saved;
      if (recorded >= 0) record!.ends[recorded] = map.size;
    } else if (link) inLink--;
    first = elFirst;
    if (short) shortBoxes!.found.push(...short);
    return len;
  };

  // The document node itself is weighed by nothing (no stats); for shortBoxes it is walked all the same.
  if (!isElement(root)) {
    if (shortBoxes) visit(root);
    return map;
  }
  visit(root);
  flush();
  // Sums up the tree, children before parents. Every count is an integer or a half: the sums are exact in any order.
  // Blocks taken over from a replay are summed up already.
  const total = (el: Element, s: Stats): void => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      const cs = map.get(c);
      if (!cs) continue;
      if (!reused?.has(c)) total(c, cs);
      s.chars += cs.chars;
      s.linkChars += cs.linkChars;
      s.good += cs.good;
      s.bad += cs.bad;
      s.paragraphs += cs.paragraphs;
    }
  };
  const rs = map.get(root);
  if (rs && !reused?.has(root)) total(root, rs);
  return map;
}

export const EMPTY_STATS: Stats = { chars: 0, linkChars: 0, good: 0, bad: 0, paragraphs: 0 };
