import type { Element } from 'domhandler';
import { normalizeText } from '../../normalize/text.ts';

export interface ImageRef {
  url: string;
  caption: string | null;
  credit: string | null;
}

const LAZY_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-lazy', 'data-url', 'data-full-src', 'data-large-file', 'data-orig-file'];
const SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'srcset'];
const PLACEHOLDER = /^data:|(?:^|[/_.-])(?:blank|spacer|pixel|placeholder|transparent|grey|loading|lazy)[^/]*\.(?:gif|png|svg)|1x1/i;

function resolve(u: string, base: string): string | null {
  const s = u.trim();
  if (!s || PLACEHOLDER.test(s)) return null;
  try {
    const r = new URL(s, base);
    return r.protocol === 'http:' || r.protocol === 'https:' ? r.href : null;
  } catch {
    return null;
  }
}

/** The largest candidate of a srcset ("a.jpg 480w, b.jpg 1024w" or "a.jpg 1x, b.jpg 2x"). */
export function largestFromSrcset(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const part of srcset.split(/,\s+(?=\S)/)) {
    const [u, d] = part.trim().split(/\s+/);
    if (!u) continue;
    const m = d ? /^(\d+(?:\.\d+)?)([wx])$/.exec(d) : null;
    const size = m ? Number(m[1]) * (m[2] === 'x' ? 1000 : 1) : 0;
    if (size > bestSize) {
      bestSize = size;
      best = u;
    }
  }
  return best;
}

/** Absolute URL of an image, preferring lazy-load attributes and the largest srcset entry. */
export function imageUrl(img: Element, base: string): string | null {
  const a = img.attribs;
  // Tracking pixels and spacers.
  if ((a.width && Number(a.width) <= 5) || (a.height && Number(a.height) <= 5)) return null;
  for (const name of SRCSET_ATTRS) {
    const v = a[name];
    if (v) {
      const u = largestFromSrcset(v);
      const r = u && resolve(u, base);
      if (r) return r;
    }
  }
  for (const name of LAZY_ATTRS) {
    const v = a[name];
    const r = v && resolve(v, base);
    if (r) return r;
  }
  if (a.src) {
    const r = resolve(a.src, base);
    if (r) return r;
  }
  // <picture><source srcset> before the <img>
  const parent = img.parent as Element | null;
  if (parent && parent.name === 'picture') {
    for (const c of parent.children) {
      const el = c as Element;
      if (el.type === 'tag' && el.name === 'source') {
        const v = el.attribs.srcset || el.attribs['data-srcset'];
        const u = v && largestFromSrcset(v);
        const r = u && resolve(u, base);
        if (r) return r;
      }
    }
  }
  return null;
}

const CREDIT_LABEL = '(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh|Nguồn|Đồ họa|Đồ hoạ|Video|Photo|Photos|Photograph|Photo credit|Image|Picture|Credit|Foto|Fotos|Bild|Bildquelle|Quelle|Crédit|Crédit photo|Source)';
const CREDIT_TAIL = new RegExp(`(?:^|[\\s.;,|–—-])\\(?\\s*${CREDIT_LABEL}\\s*:\\s*([^()]{1,120}?)\\s*(?:\\)\\s*\\.?)?\\s*$`, 'iu');
const COPYRIGHT_TAIL = /(?:^|\s)(?:©|\(c\)|Copyright)\s*([^©]{1,80}?)\s*\.?$/iu;

/** Split "Quang cảnh hội nghị. Ảnh: VGP/Hải Minh" into caption and photo credit. */
export function splitCaption(text: string): { caption: string | null; credit: string | null } {
  const t = normalizeText(text);
  const m = CREDIT_TAIL.exec(t) ?? COPYRIGHT_TAIL.exec(t);
  if (!m) return { caption: t.replace(/\.$/, '') || null, credit: null };
  // Strip a closing period or parenthesis, but not the period of initials ("T.T.D.").
  const credit = normalizeText(m[1]).replace(/\)+$/, '').replace(/(?<!(?:^|[\s.])\p{Lu})\.$/u, '').trim();
  const caption = t
    .slice(0, m.index)
    .replace(/[\s(|–—-]+$/, '')
    .replace(/\.$/, '')
    .trim();
  return { caption: caption || null, credit: credit || null };
}

/** A short line that is only a photo credit ("Ảnh: TTXVN", "Foto: dpa", "(Ảnh: Reuters)"). */
export function isCreditLine(text: string): boolean {
  if (text.length > 100) return false;
  const s = splitCaption(text);
  return s.credit !== null && s.caption === null;
}
