/**
 * Vietnamese has two accepted tone-mark placements for the open syllables with the
 * glides oa, oe and uy: old style marks the second vowel ("hoà", "thuỷ"), new style
 * the first ("hòa", "thủy"). Outlets differ, and syndicated copies get retyped, so the
 * canonical form picks one: new style.
 *
 * Only open syllables move. With a final consonant both styles mark the second vowel
 * ("hoàn", "toán", "khoảng", "huỳnh"), and in oai/oay/uyu the mark sits on the middle
 * vowel in both ("ngoài", "xoáy", "khuỷu"), so a toned vowel followed by another letter
 * is left alone. In "qu" the u belongs to the consonant, so "quý", "quỳ" stay.
 */

const TONED_A = 'àáảãạÀÁẢÃẠ';
const TONED_E = 'èéẻẽẹÈÉẺẼẸ';
const TONED_Y = 'ỳýỷỹỵỲÝỶỸỴ';

const OLD_STYLE_OA_OE = new RegExp(`([oO])([${TONED_A}${TONED_E}])(?![\\p{L}\\p{M}])`, 'gu');
const OLD_STYLE_UY = new RegExp(`(?<![qQ])([uU])([${TONED_Y}])(?![\\p{L}\\p{M}])`, 'gu');

/** Moves the tone mark of the second vowel onto the first; keeps the case of both. */
function moveTone(_match: string, first: string, toned: string): string {
  const decomposed = toned.normalize('NFD');
  const base = decomposed[0];
  const mark = decomposed.slice(1);
  return (first + mark).normalize('NFC') + base;
}

/** Rewrites old-style tone placement (hoà, hoè, thuỷ) to new style (hòa, hòe, thủy). Input must be NFC. */
export function unifyToneMarks(text: string): string {
  return text.replace(OLD_STYLE_OA_OE, moveTone).replace(OLD_STYLE_UY, moveTone);
}
