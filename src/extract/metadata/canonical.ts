import { domainParts } from '../../urls/domain.ts';
import { elementsNamed, hasWord, metaContent } from './dom.ts';
import type { Page } from '../page.ts';

function registrable(u: string): string | null {
  const { domain, hostname } = domainParts(u);
  return domain ?? hostname;
}

/** rel=canonical, else og:url: absolute http(s) on the page's own registrable domain, else null. */
export function extractCanonical(page: Page, url: string): string | null {
  const candidates = [elementsNamed(page, 'link').find((el) => hasWord(el.attribs.rel, 'canonical', true))?.attribs.href, metaContent(page, ['og:url'])];
  const own = registrable(url);
  for (const c of candidates) {
    if (!c?.trim()) continue;
    let abs: URL;
    try {
      abs = new URL(c.trim(), url);
    } catch {
      continue;
    }
    if (abs.protocol !== 'http:' && abs.protocol !== 'https:') continue;
    const href = abs.href;
    if (!own || registrable(href) !== own) continue;
    return (' ' + href).slice(1);
  }
  return null;
}
