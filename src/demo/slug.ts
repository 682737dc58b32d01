/** ASCII URL slug of a Vietnamese title: "Hội đàm Việt Nam - Lào" -> "hoi-dam-viet-nam-lao". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// Pre-1950s ("old-style") placement of the tone mark on open syllables oa, oe, uy: hòa -> hoà, thủy -> thuỷ.
const OLD_STYLE: Array<[RegExp, string]> = [
  ['o', 'a'],
  ['o', 'e'],
  ['u', 'y'],
].flatMap(([first, second]) =>
  ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'].flatMap((mark) =>
    [false, true].map((upper): [RegExp, string] => {
      const f = upper ? first.toUpperCase() : first;
      const marked = (f + mark).normalize('NFC');
      // Only when the syllable ends after the second vowel: "hoàn" already carries the mark on "a".
      return [new RegExp(`${marked}${second}(?![\\p{L}])`, 'gu'), `${f}${(second + mark).normalize('NFC')}`];
    }),
  ),
);

/** Rewrite modern tone-mark placement to the old style still used by some outlets ("hòa" -> "hoà"). */
export function toOldStyleTones(text: string): string {
  let out = text.normalize('NFC');
  for (const [re, replacement] of OLD_STYLE) out = out.replace(re, replacement);
  return out;
}
