import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { cleanDocument, dropNoise } from '../../../src/extract/content/clean.ts';
import { detach, firstNamed, isElement } from '../../../src/extract/content/dom.ts';
import { computeStats, newStatsRecord, type Stats, type StatsReplay } from '../../../src/extract/content/stats.ts';
import { parsePage } from '../../../src/extract/page.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/vn');

function rootOf(html: string): Element {
  const doc = parsePage(html).document;
  const root = (firstNamed(doc, 'html') ?? firstNamed(doc, 'body')) as Element;
  dropNoise(root);
  return root;
}

/** The same entries, in the same order, with the same counts. */
function expectSameStats(got: Map<Element, Stats>, want: Map<Element, Stats>): void {
  const g = [...got];
  const w = [...want];
  expect(g.length).toBe(w.length);
  g.forEach(([el, s], i) => {
    expect(el === w[i][0], `entry ${i}: <${el.name}> where a fresh walk has <${w[i][0].name}>`).toBe(true);
    expect(s).toEqual(w[i][1]);
  });
}

function allNodes(root: Element): AnyNode[] {
  const out: AnyNode[] = [];
  const visit = (n: AnyNode) => {
    out.push(n);
    if (isElement(n)) n.children.forEach(visit);
  };
  root.children.forEach(visit);
  return out;
}

describe('computeStats replay', () => {
  it('gives what a fresh walk gives after cleanDocument, taking most entries over, on every fixture page', () => {
    const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    let taken = 0;
    for (const file of pages) {
      const root = rootOf(readFileSync(join(FIXTURES, file), 'utf8'));
      const replay = cleanDocument(root, new Set());
      const again = computeStats(root, { replay });
      expectSameStats(again, computeStats(root));
      for (const [el, s] of again) if (replay.record.stats.get(el) === s) taken++;
    }
    expect(taken).toBeGreaterThan(0);
  });

  it('gives what a fresh walk gives after any removals, inline or block, text or element', () => {
    const html = `<html><body><div id="page"><header><a href="/">Báo Mẫu</a> <span>Thứ Hai, 2/3/2026</span></header>
      <main><article><h1>Tiêu đề bài viết khá dài về kinh tế biển</h1><p class="sapo">Đoạn mở đầu có <b>chữ đậm</b> và <a href="/x">một liên kết</a> ở giữa câu.</p>
      <div class="body"><p>Đoạn một nói về cảng biển. Câu thứ hai dài hơn một chút để đủ độ dài.</p>text rời<div>khối con <i>nghiêng</i></div>đuôi
      <p>Đoạn hai <span>có span <em>lồng</em></span> và kết thúc bằng dấu chấm.</p><ul><li>mục một</li><li>mục <a href="/y">hai</a></li></ul></div>
      <aside><h3>Tin liên quan</h3><ul><li><a href="/1">Tin một rất dài để vượt ngưỡng</a></li><li><a href="/2">Tin hai</a></li></ul></aside></article></main>
      <footer><p>Bản quyền</p></footer></div></body></html>`;
    // A fixed pseudo-random sequence: each case removes a different handful of nodes.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 60; trial++) {
      const root = rootOf(html);
      const record = newStatsRecord();
      computeStats(root, { record });
      const changed = new Set<AnyNode>();
      const nodes = allNodes(root);
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
        const n = nodes[Math.floor(next() * nodes.length)];
        if (!n.parent) continue;
        for (let p: AnyNode | null = n.parent; p; p = p.parent) changed.add(p);
        detach(n);
      }
      const replay: StatsReplay = { record, changed };
      expectSameStats(computeStats(root, { replay }), computeStats(root));
    }
  });

  it('replays only into a walk like the recorded one', () => {
    const root = rootOf(readFileSync(join(FIXTURES, readdirSync(FIXTURES).find((f) => f.endsWith('.html'))!), 'utf8'));
    const replay = cleanDocument(root, new Set());
    expectSameStats(computeStats(root, { lenient: true, replay }), computeStats(root, { lenient: true }));
    expect(() => computeStats(root, { lenient: true, record: newStatsRecord(false) })).toThrow();
  });
});
