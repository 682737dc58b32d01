/**
 * CSS selectors of site rules and template families, run the cheap way: each selector is compiled once per process;
 * one whose subject carries a class or id ("h1.article__title", "#main") only tests the page's elements with that class
 * or id, from an index built once per page over the cached element list, and one whose subject sits inside such an
 * element (".article__tag a") only tests those elements' descendants; the others walk the document. A selector runs
 * per page and per rule field, so walking the whole page for each one dominated the template pages' extraction time.
 * The results are those of cheerio's `$(selector)`: same elements, document order.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import { compile, selectAll } from 'css-select';
import { parse, type Selector } from 'css-what';
import type { AnyNode, Document, Element } from 'domhandler';
import { PageMemo } from './page-memo.ts';
import { descendants, documentElements, hasAncestor } from './metadata/dom.ts';
import { classAttribute, idAttribute, isElement, type Page } from './page.ts';

type Predicate = (el: Element) => boolean;

interface SelectorKey {
  kind: 'class' | 'id';
  value: string;
  /** 'self': the subject itself carries the class or id; 'descendants': an ancestor does (".article__tag a"). */
  scope: 'self' | 'descendants';
}

interface CompiledSelector {
  test: Predicate;
  /** Where to look: set when the selector has one comma group and its subject, or an ancestor of it, names a class or id. */
  key: SelectorKey | null;
}

/** Compiled selectors by text; null: css-select cannot run it alone (positional pseudos such as ":first"): cheerio runs it. */
const compiled = new Map<string, CompiledSelector | null>();
const MAX_COMPILED = 2000;

function compoundKey(tokens: Selector[]): Pick<SelectorKey, 'kind' | 'value'> | null {
  let cls: string | null = null;
  for (const t of tokens) {
    // css-what marks class and id tokens ignoreCase 'quirks': case-insensitive in quirks mode only, which css-select is not in.
    if (t.type !== 'attribute' || t.ignoreCase === true) continue;
    if (t.name === 'id' && t.action === 'equals') return { kind: 'id', value: t.value };
    if (t.name === 'class' && t.action === 'element' && cls === null) cls = t.value;
  }
  return cls === null ? null : { kind: 'class', value: cls };
}

/** Exported for tests. */
export function selectorKey(groups: Selector[][]): SelectorKey | null {
  if (groups.length !== 1) return null;
  const tokens = groups[0];
  // Compounds right to left; past a sibling combinator the match may lie outside the keyed element's subtree.
  let end = tokens.length;
  let scope: SelectorKey['scope'] = 'self';
  while (end > 0) {
    let start = end;
    while (start > 0 && !isCombinator(tokens[start - 1])) start--;
    const key = compoundKey(tokens.slice(start, end));
    if (key) return { ...key, scope };
    if (start === 0) return null;
    const combinator = tokens[start - 1].type;
    if (combinator !== 'descendant' && combinator !== 'child') return null;
    scope = 'descendants';
    end = start - 1;
  }
  return null;
}

function isCombinator(t: Selector): boolean {
  return t.type === 'descendant' || t.type === 'child' || t.type === 'sibling' || t.type === 'adjacent' || t.type === 'parent' || t.type === 'column-combinator';
}

function compileSelector(selector: string): CompiledSelector | null {
  const known = compiled.get(selector);
  if (known !== undefined) return known;
  let out: CompiledSelector | null;
  try {
    const groups = parse(selector);
    // The key first: css-select reorders the tokens it compiles.
    const key = selectorKey(groups);
    out = { test: compile<AnyNode, Element>(groups) as Predicate, key };
  } catch {
    out = null;
  }
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(selector, out);
  return out;
}

interface AttributeIndex {
  byClass: Map<string, Element[]>;
  byId: Map<string, Element[]>;
}

const indexes = new PageMemo<AttributeIndex>();

/** Elements by class word and by id, from the page's cached element list (metadata/dom.ts). */
function attributeIndex(page: Page): AttributeIndex {
  let index = indexes.get(page);
  if (index) return index;
  index = { byClass: new Map(), byId: new Map() };
  const { byClass, byId } = index;
  const add = (map: Map<string, Element[]>, key: string, el: Element) => {
    const list = map.get(key);
    // class="contents contents": one entry.
    if (list) {
      if (list[list.length - 1] !== el) list.push(el);
    } else map.set(key, [el]);
  };
  for (const el of documentElements(page)) {
    const cls = classAttribute(el);
    if (cls) for (const name of cls.split(/\s+/)) if (name) add(byClass, name, el);
    const id = idAttribute(el);
    if (id) add(byId, id, el);
  }
  indexes.set(page, index);
  return index;
}

/** Still in the document: the index is built once, and extraction detaches elements after that. */
function attached(el: Element, doc: Document): boolean {
  let n: AnyNode | null = el;
  while (n.parent) n = n.parent;
  return n === doc;
}

/** Descendants of `roots` (in document order, attached) that pass `test`, in document order, each once. */
function matchingDescendants(roots: Element[], test: Predicate): Element[] {
  const out: Element[] = [];
  let last: Element | null = null;
  for (const root of roots) {
    // A keyed element inside the previous one: its subtree was visited with that one.
    if (last && hasAncestor(root, (a) => a === last)) continue;
    for (const el of descendants(root, test)) out.push(el);
    last = root;
  }
  return out;
}

const cheerioMemo = new PageMemo<CheerioAPI>();

/** The page under cheerio's API, for the selectors only cheerio runs (jQuery's positional pseudos); made on first need. */
function cheerioOf(page: Page): CheerioAPI {
  let $ = cheerioMemo.get(page);
  if (!$) cheerioMemo.set(page, ($ = load(page.document)));
  return $;
}

/**
 * The elements `selector` matches in the page, in document order. Throws on a selector that is not valid CSS, as
 * `$(selector)` does.
 */
export function selectAllElements(page: Page, selector: string): Element[] {
  const c = compileSelector(selector);
  if (!c) return cheerioOf(page)(selector).toArray().filter(isElement);
  const doc = page.document;
  if (!c.key) return selectAll<AnyNode, Element>(c.test, doc);
  const { byClass, byId } = attributeIndex(page);
  const keyed = ((c.key.kind === 'class' ? byClass : byId).get(c.key.value) ?? []).filter((el) => attached(el, doc));
  return c.key.scope === 'self' ? keyed.filter((el) => c.test(el)) : matchingDescendants(keyed, c.test);
}

/** Runs a configured selector, tolerating an invalid one (it simply matches nothing). */
export function safeSelect(page: Page, selector: string): Element[] {
  try {
    return selectAllElements(page, selector);
  } catch {
    return [];
  }
}
