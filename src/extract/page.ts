import { DomHandler, Parser, Tokenizer, type QuoteType } from 'htmlparser2';
import { Element, type AnyNode, type Document, type ParentNode } from 'domhandler';
import { PageMemo } from './page-memo.ts';

/**
 * A parsed page as the extractor reads it: the document, and the values computed from it once per page (PageMemo).
 * One class for every page, not a cheerio `load()` per page: load builds a new class per call, and its API was not used.
 */
export class Page {
  /** PageMemo slots, by memo number. */
  readonly memos: unknown[] = [];

  constructor(readonly document: Document) {}
}

/** The document's elements in document order, and the same elements grouped by tag name. */
export interface DocumentIndex {
  elements: Element[];
  byName: Map<string, Element[]>;
}

const indexMemo = new PageMemo<DocumentIndex>();

function indexElement(index: DocumentIndex, el: Element): void {
  index.elements.push(el);
  const named = index.byName.get(el.name);
  if (named) named.push(el);
  else index.byName.set(el.name, [el]);
}

/**
 * An element as parsePage builds it: its class, id and data-testid values are also fields of its own (null: no such
 * attribute), and a bit for each NOTED attribute it has. The heuristics read those on every element, again and again;
 * from fields they do not reach into the attribute dictionary, a hash table of its own elsewhere in memory, which made
 * such a scan cost 3-4 times a scan that reads tag names only.
 */
class ParsedElement extends Element {
  /** Its place in the document order of the page as parsed (see documentPosition). */
  position = -1;
  /** Which NOTED attributes it has, a bit each. */
  noted = 0;
  classValue: string | null = null;
  idValue: string | null = null;
  testIdValue: string | null = null;
}

/**
 * The element's place in document order as parsed: elements detached since keep theirs, and an element precedes
 * another exactly when its position is smaller. Only parsePage's elements have one.
 */
export function documentPosition(el: Element): number {
  const position = (el as Partial<ParsedElement>).position;
  if (position === undefined) throw new Error(`documentPosition: <${el.name}> was not built by parsePage`);
  return position;
}

/**
 * Attributes the heuristics ask element after element about, and most elements lack; parsePage notes which of them each
 * element has, so an element without one answers without a probe of its attribute dictionary.
 */
const NOTED = { itemprop: 1, rel: 2, role: 4, style: 8, hidden: 16, 'aria-hidden': 32, type: 64, itemtype: 128, 'aria-label': 256 } as const;
export type NotedAttribute = keyof typeof NOTED;

/** The element's value of one of the NOTED attributes. */
export function attribute(el: Element, name: NotedAttribute): string | undefined {
  const noted = (el as Partial<ParsedElement>).noted;
  if (noted !== undefined && (noted & NOTED[name]) === 0) return undefined;
  return el.attribs[name];
}

function notedAttributes(attribs: Record<string, string>): number {
  let noted = 0;
  if (attribs.itemprop !== undefined) noted |= NOTED.itemprop;
  if (attribs.rel !== undefined) noted |= NOTED.rel;
  if (attribs.role !== undefined) noted |= NOTED.role;
  if (attribs.style !== undefined) noted |= NOTED.style;
  if (attribs.hidden !== undefined) noted |= NOTED.hidden;
  if (attribs['aria-hidden'] !== undefined) noted |= NOTED['aria-hidden'];
  if (attribs.type !== undefined) noted |= NOTED.type;
  if (attribs.itemtype !== undefined) noted |= NOTED.itemtype;
  if (attribs['aria-label'] !== undefined) noted |= NOTED['aria-label'];
  return noted;
}

/** The element's class attribute. */
export function classAttribute(el: Element): string | undefined {
  const v = (el as Partial<ParsedElement>).classValue;
  return v === undefined ? el.attribs.class : (v ?? undefined);
}

/** The element's id attribute. */
export function idAttribute(el: Element): string | undefined {
  const v = (el as Partial<ParsedElement>).idValue;
  return v === undefined ? el.attribs.id : (v ?? undefined);
}

/** The element's data-testid attribute. */
export function testIdAttribute(el: Element): string | undefined {
  const v = (el as Partial<ParsedElement>).testIdValue;
  return v === undefined ? el.attribs['data-testid'] : (v ?? undefined);
}

/**
 * Builds ParsedElements and indexes them as the parser opens them (document order), noting the deepest nesting: the
 * walks that would otherwise do both after parsing cost about as much as a tenth of the parse.
 */
class IndexingHandler extends DomHandler {
  readonly index: DocumentIndex = { elements: [], byName: new Map() };
  tooDeep = false;

  constructor(private readonly maxDepth: number) {
    super();
  }

  // DomHandler's own onopentag, with a ParsedElement (HTML mode: the type follows from the name).
  override onopentag(name: string, attribs: Record<string, string>): void {
    const el = new ParsedElement(name, attribs);
    el.position = this.index.elements.length;
    if (attribs !== NO_ATTRIBUTES) {
      el.classValue = attribs.class ?? null;
      el.idValue = attribs.id ?? null;
      el.testIdValue = attribs['data-testid'] ?? null;
      el.noted = notedAttributes(attribs);
    }
    this.addNode(el);
    const stack = this.tagStack;
    stack.push(el);
    indexElement(this.index, el);
    // tagStack[0] is the document: an element's depth is its stack position.
    if (stack.length - 1 > this.maxDepth) this.tooDeep = true;
  }
}

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** The Tokenizer members the skipping states use (private in its typings). */
interface TokenizerState {
  buffer: string;
  offset: number;
  index: number;
  /** Where the next "&" of `ampIn` is at or after `index` (-1: none left). */
  nextAmp: number;
  ampIn: string | null;
}
type StateMethod = (this: TokenizerState, c: number) => void;

/**
 * Decoding entities, htmlparser2's tokenizer walks text and attribute values one character per turn of its state loop,
 * although only "<" (text), the closing quote (values) and "&" (both) do anything there; without decoding it skips
 * ahead. This tokenizer skips ahead with decoding too: from a character that does nothing it moves to just before the
 * next one that may, so the tree is the same, built in far fewer turns. Its fastForwardTo (script and style contents,
 * comments) searches with indexOf instead of a loop.
 */
class SkippingTokenizer extends Tokenizer {
  // Declared, so every instance has one shape from the start.
  nextAmp = -1;
  ampIn: string | null = null;
}
{
  const base = Tokenizer.prototype as unknown as Record<string, StateMethod>;
  // Moves `index` to the character before the next `stop` or "&" (the state loop then steps onto it), or to the last one.
  const skipTo = (t: TokenizerState, stop: string): void => {
    const buffer = t.buffer;
    const from = t.index - t.offset + 1;
    // One search for "&" serves until the scan passes it: searching again from every text run would be quadratic.
    let amp = t.nextAmp;
    if (t.ampIn !== buffer || (amp >= 0 && amp < from)) {
      t.nextAmp = amp = buffer.indexOf('&', from);
      t.ampIn = buffer;
    }
    const at = buffer.indexOf(stop, from);
    const next = at < 0 ? amp : amp < 0 ? at : Math.min(at, amp);
    t.index = (next < 0 ? buffer.length : next) - 1 + t.offset;
  };
  const skipping = (name: string, stop: number): StateMethod => {
    const original = base[name];
    if (typeof original !== 'function') throw new Error(`htmlparser2's Tokenizer has no ${name}: update SkippingTokenizer`);
    const stopChar = String.fromCharCode(stop);
    return function (this: TokenizerState, c: number) {
      if (c === stop || c === AMP) original.call(this, c);
      else skipTo(this, stopChar);
    };
  };
  if (typeof base.fastForwardTo !== 'function') throw new Error("htmlparser2's Tokenizer has no fastForwardTo: update SkippingTokenizer");
  Object.assign(SkippingTokenizer.prototype, {
    stateText: skipping('stateText', LT),
    stateInAttributeValueDoubleQuotes: skipping('stateInAttributeValueDoubleQuotes', DOUBLE_QUOTE),
    stateInAttributeValueSingleQuotes: skipping('stateInAttributeValueSingleQuotes', SINGLE_QUOTE),
    fastForwardTo(this: TokenizerState, c: number): boolean {
      const at = this.buffer.indexOf(String.fromCharCode(c), this.index - this.offset + 1);
      if (at >= 0) {
        this.index = at + this.offset;
        return true;
      }
      // As the original: the state loop's increment then ends the buffer.
      this.index = this.buffer.length + this.offset - 1;
      return false;
    },
  });
}

/** The attributes of every element that has none: one frozen dictionary, not one allocated per element. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

/** The tag and attribute names the web uses most (98% of the dev set's elements, 90% of its attributes), lower case. */
const KNOWN_NAMES = new Map<string, string>(
  (
    'a abbr address area article aside audio b blockquote body br button canvas caption cite code col dd defs details ' +
    'div dl dt em fieldset figcaption figure font footer form g h1 h2 h3 h4 h5 h6 head header hr html i iframe img ' +
    'input label legend li link main mark meta nav noscript ol option p path picture pre rect s script section select ' +
    'small source span strong style sub summary sup svg symbol table tbody td textarea tfoot th thead time title tr u ' +
    'ul use video ' +
    'action align alt aria-expanded aria-hidden aria-label as async border class content crossorigin d data-id ' +
    'data-src data-srcset data-testid datetime decoding defer dir fill fill-rule for height hidden href id itemprop ' +
    'itemscope itemtype lang loading media method name onclick placeholder property rel role sizes src srcset style ' +
    'tabindex target transform type value viewbox width x xlink:href xmlns'
  )
    .split(' ')
    .map((n) => [n, n]),
);

/**
 * A tag or attribute name in lower case: one of the known names' own strings when it is one. Read from the page, each
 * name is a new string, so every later `el.name === 'div'` compares characters and every attribute store looks the key up
 * in V8's string table; a known name's string is already interned.
 */
function canonicalName(raw: string): string {
  const known = KNOWN_NAMES.get(raw);
  if (known !== undefined) return known;
  const lower = raw.toLowerCase();
  return KNOWN_NAMES.get(lower) ?? lower;
}

/** The Parser members the overrides below use (private or internal in its typings). */
interface ParserState {
  attribs: Record<string, string> | null;
  attribname: string;
  startIndex: number;
  endIndex: number;
  getSlice(start: number, end: number): string;
  emitOpenTag(name: string): void;
}

/**
 * Attributes in null-prototype dictionaries instead of plain objects: a plain object gets a hidden class per attribute
 * order, and the web has endless orders, so every new page built new hidden classes attribute by attribute (the
 * costliest step of the parse on unseen pages, and old-generation garbage). Readers see the same own properties.
 * A dictionary is made at an element's first attribute; elements without any (a third of them) share NO_ATTRIBUTES,
 * so the young-generation collections that copy a page still being read have fewer objects to copy. Tag and attribute
 * names are canonical (see canonicalName); the parser lower-cases them too, as the overrides do.
 */
class DictionaryAttributesParser extends Parser {
  static {
    const proto = Parser.prototype as unknown as Partial<ParserState>;
    if (typeof proto.getSlice !== 'function' || typeof proto.emitOpenTag !== 'function') {
      throw new Error("htmlparser2's Parser has no getSlice or emitOpenTag: update DictionaryAttributesParser");
    }
  }

  override onopentagname(start: number, endIndex: number): void {
    const self = this as unknown as ParserState;
    self.endIndex = endIndex;
    self.emitOpenTag(canonicalName(self.getSlice(start, endIndex)));
    // emitOpenTag sets `attribs` to {} when an open tag starts; swapped before any attribute is stored.
    if (self.attribs) self.attribs = NO_ATTRIBUTES;
  }

  override onattribname(start: number, endIndex: number): void {
    const self = this as unknown as ParserState;
    self.startIndex = start;
    self.attribname = canonicalName(self.getSlice(start, endIndex));
  }

  override onattribend(quote: QuoteType, endIndex: number): void {
    const self = this as unknown as ParserState;
    if (self.attribs === NO_ATTRIBUTES) self.attribs = Object.create(null) as Record<string, string>;
    super.onattribend(quote, endIndex);
  }
}

/** Deeper markup is flattened before the (recursive) content walks; real pages stay far below. */
export const MAX_DEPTH = 250;

/**
 * An HTML page parsed once (htmlparser2, into the tree cheerio's own load builds), with its element index ready and
 * markup deeper than `maxDepth` levels flattened (see limitDepth).
 */
export function parsePage(html: string, maxDepth = MAX_DEPTH): Page {
  const handler = new IndexingHandler(maxDepth);
  new DictionaryAttributesParser(handler, { Tokenizer: SkippingTokenizer }).end(html);
  const page = new Page(handler.root);
  // Flattening drops elements from the tree: the index is then rebuilt from the result on first use.
  if (handler.tooDeep) limitDepth(handler.root, maxDepth);
  else indexMemo.set(page, handler.index);
  return page;
}

/** The page's element index (built by a walk when the page was flattened). */
export function documentIndex(page: Page): DocumentIndex {
  const cached = indexMemo.get(page);
  if (cached) return cached;
  const index: DocumentIndex = { elements: [], byName: new Map() };
  const stack: AnyNode[] = [...page.document.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    indexElement(index, node);
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  indexMemo.set(page, index);
  return index;
}

/** The children of every released element: one frozen array, so a write to a released page throws. */
const NO_CHILDREN = Object.freeze([]) as unknown as Element['children'];

/**
 * Done with a page: drop its memos and cut every link between its nodes (children, parent, siblings). A young GC that
 * lands mid-page promotes part of the page to the old generation, where it stays, dead, until the next full GC; any link
 * left from it keeps young nodes alive, they are copied and promoted in turn, and V8 starts allocating such nodes in the
 * old generation outright. With pages extracted in tasks of their own (as a worker does between fetches) that made young
 * GCs take 10 times longer and the heap grow 80 -> 200 MB over 300 dev-set pages; cutting only the document's children
 * was not enough. The page must not be read after this. The index holds every element parsed, detached ones included.
 */
export function releasePage(page: Page): void {
  cutChildren(page.document);
  for (const el of documentIndex(page).elements) cutChildren(el);
  page.memos.length = 0;
}

function cutChildren(parent: ParentNode): void {
  for (const child of parent.children) {
    child.parent = null;
    child.prev = null;
    child.next = null;
  }
  parent.children = NO_CHILDREN;
}

/** Elements of every kind htmlparser2 makes (script and style are elements with types of their own). */
export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/**
 * Flatten whatever lies deeper than `max` levels into its ancestor at that depth (text and
 * empty elements such as <img>/<br> kept, in order), so the recursive walks of the extractor
 * cannot overflow the stack on pathological pages (thousands of unclosed tags). Iterative.
 */
export function limitDepth(root: AnyNode, max: number): void {
  // Two parallel stacks: no [node, depth] pair allocated per element.
  const stack: AnyNode[] = [root];
  const depths: number[] = [0];
  while (stack.length) {
    const node = stack.pop()!;
    const depth = depths.pop()!;
    const kids = (node as Element).children;
    if (!kids) continue;
    if (depth < max) {
      for (const c of kids) {
        if (isElement(c)) {
          stack.push(c);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    const flat: AnyNode[] = [];
    const todo: AnyNode[] = [...kids].reverse();
    while (todo.length) {
      const n = todo.pop()!;
      const sub = isElement(n) ? n.children : null;
      if (sub && sub.length) for (let i = sub.length - 1; i >= 0; i--) todo.push(sub[i]);
      else flat.push(n);
    }
    const el = node as Element;
    el.children = flat as Element['children'];
    flat.forEach((n, i) => {
      n.parent = el;
      n.prev = flat[i - 1] ?? null;
      n.next = flat[i + 1] ?? null;
      if (isElement(n)) n.children = [];
    });
  }
}
