import { describe, expect, it } from 'vitest';
import { NFC_SENSITIVE, nfcInert, normalizeText } from '../../src/normalize/text.ts';

/** Every BMP character (no lone surrogates). */
const BMP: string[] = [];
for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) BMP.push(String.fromCharCode(c));

describe('nfcInert', () => {
  it('general punctuation and currency signs are their own NFC next to any BMP character', () => {
    const normal = BMP.map((s) => s.normalize('NFC'));
    for (let c = 0x2002; c <= 0x20cf; c++) {
      const ch = String.fromCharCode(c);
      expect(nfcInert(c)).toBe(true);
      for (let i = 0; i < BMP.length; i++) {
        if ((BMP[i] + ch).normalize('NFC') !== normal[i] + ch || (ch + BMP[i]).normalize('NFC') !== ch + normal[i]) {
          expect.fail(`U+${c.toString(16)} composes with U+${BMP[i].charCodeAt(0).toString(16)}`);
        }
      }
    }
  });

  it('NFC_SENSITIVE matches exactly the characters nfcInert turns away', () => {
    for (const ch of BMP) if (NFC_SENSITIVE.test(ch) === nfcInert(ch.charCodeAt(0))) expect.fail(`U+${ch.charCodeAt(0).toString(16)}`);
    // Lone surrogates (astral characters' halves) are never inert.
    expect(NFC_SENSITIVE.test('\ud835\udc00')).toBe(true);
  });

  it('leaves out combining marks and characters NFC rewrites', () => {
    expect(nfcInert(0x301)).toBe(false); // combining acute
    expect(nfcInert(0x2000)).toBe(false); // EN QUAD -> EN SPACE
    expect(nfcInert(0x2126)).toBe(false); // OHM SIGN -> OMEGA
    expect(nfcInert(0x20d0)).toBe(false); // combining mark for symbols
  });
});

describe('normalizeText', () => {
  it('composes decomposed Vietnamese next to typographic punctuation', () => {
    expect(normalizeText('“Vie\u0323\u0302t Nam” – 2026')).toBe('“Việt Nam” – 2026');
  });

  it('drops zero-width characters in text that otherwise needs no work', () => {
    expect(normalizeText('a\u200bb')).toBe('ab');
    expect(normalizeText('a\u200db')).toBe('ab');
    expect(normalizeText('a\u2060b')).toBe('ab');
    expect(normalizeText('d\u00ade')).toBe('de');
    expect(normalizeText('„Zitat“ — Ende')).toBe('„Zitat“ — Ende');
  });
});
