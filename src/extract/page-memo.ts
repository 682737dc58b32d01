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

/**
 * Done with a page: drop its memos and cut the document from its elements. Part of a page is often promoted to the old
 * generation while it is being read (a GC lands mid-page); until the next full GC that dead old part would keep the
 * rest of the page reachable and copied by every young GC. Cutting the links at the end measured 0.7 ms less GC per
 * dev-set page. The page must not be read after this.
 */
export function releasePage(page: Page): void {
  page.memos.length = 0;
  page.document.children = [];
}
