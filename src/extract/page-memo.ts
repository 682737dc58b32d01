import type { Page } from './page.ts';

const memos: PageMemo<unknown>[] = [];

/**
 * A value computed once per parsed page (element index, meta table...), kept in the page's own slots so it lives and
 * dies with the page. Not a WeakMap keyed by page: every young-generation GC walks a WeakMap's entries, and those of
 * dead pages stay until a full GC finds them (thousands over a crawl).
 */
export class PageMemo<T> {
  private readonly slot = memos.length;

  constructor() {
    memos.push(this as PageMemo<unknown>);
  }

  get(page: Page): T | undefined {
    return page.memos[this.slot] as T | undefined;
  }

  set(page: Page, value: T | undefined): void {
    page.memos[this.slot] = value;
  }
}
