import type { AnyNode, Element } from 'domhandler';
import { FOLDABLE_SPACE } from '../../normalize/text.ts';
import { attribute, classAttribute, idAttribute, isElement } from '../page.ts';

/** Elements that start a new text block; everything else is inline. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'caption', 'legend', 'noscript', 'picture', 'video', 'audio',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export { isElement };

/** class + id of an element, for hint matching. */
export function hintOf(el: Element): string {
  const c = classAttribute(el);
  const id = idAttribute(el);
  const base = c && id ? `${c} ${id}` : c || id || '';
  // CMS boxes typed by attribute: <div class="VCSortableInPreviewMode" type="RelatedNewsBox">.
  const type = el.name === 'div' || el.name === 'section' ? attribute(el, 'type') : undefined;
  return type ? `${base} ${type}` : base;
}

/** Concatenated text of a subtree (no normalization). */
export function rawText(node: AnyNode): string {
  if (node.type === 'text') return (node as { data: string }).data;
  if (!isElement(node) && node.type !== 'root') return '';
  let out = '';
  for (const c of (node as Element).children) out += rawText(c);
  return out;
}

/** The first element named `name` under `root`, in document order (`$(name)[0]`), without a selector query over the whole page. */
export function firstNamed(root: AnyNode, name: string): Element | undefined {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node !== root && isElement(node) && node.name === name) return node;
    if (node.type !== 'root' && !isElement(node)) continue;
    const children = (node as Element).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return undefined;
}

export function squash(s: string): string {
  return isSquashed(s) ? s : s.replace(FOLDABLE_SPACE, ' ').trim();
}

/** No whitespace at the ends and only single plain spaces inside: squash would return it unchanged. */
function isSquashed(s: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (isSpaceCode(c)) {
      return false;
    } else {
      prevSpace = false;
    }
  }
  return !prevSpace || s.length === 0;
}

/** The characters JavaScript's \s matches (WhiteSpace and LineTerminator). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** squash(s).length without building the squashed string. */
export function squashedLength(s: string): number {
  let n = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    if (isSpaceCode(s.charCodeAt(i))) {
      if (n > 0) gap = true;
    } else {
      if (gap) n++;
      gap = false;
      n++;
    }
  }
  return n;
}

export function detach(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const kids = parent.children;
  const i = kids.indexOf(node as never);
  if (i >= 0) kids.splice(i, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

export function hasAncestor(el: AnyNode, anc: AnyNode): boolean {
  for (let p: AnyNode | null = el; p; p = p.parent) if (p === anc) return true;
  return false;
}

/** Copy a string out of the parser's memory so no page HTML stays referenced. */
export function own(s: string): string {
  return (' ' + s).slice(1);
}

