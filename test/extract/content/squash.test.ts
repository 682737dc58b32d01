import { describe, expect, it } from 'vitest';
import { squash, squashedLength } from '../../../src/extract/content/dom.ts';

describe('squashedLength', () => {
  it('equals squash(s).length for every kind of JavaScript whitespace', () => {
    const spaces = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    const samples = ['', 'Hà Nội', '  Tin  mới\n\n nhất  ', '\u200b', 'a\u180eb', 'x\u200by', '\u2060'];
    for (const sp of spaces) {
      samples.push(`${sp}Chiều${sp}${sp}nay,${sp}`, `${sp}${sp}`, `a${sp}b`);
    }
    for (const s of samples) expect(squashedLength(s), JSON.stringify(s)).toBe(squash(s).length);
  });

  it('counts one space per gap and none at the ends', () => {
    expect(squashedLength('  Giá   vàng \n tăng  ')).toBe('Giá vàng tăng'.length);
  });
});

describe('squash', () => {
  it('returns already squashed text as is and folds every other kind of whitespace', () => {
    expect(squash('Giá vàng tăng')).toBe('Giá vàng tăng');
    expect(squash('')).toBe('');
    expect(squash(' Giá vàng')).toBe('Giá vàng');
    expect(squash('Giá vàng ')).toBe('Giá vàng');
    expect(squash('Giá  vàng')).toBe('Giá vàng');
    expect(squash('Giá\nvàng\u00a0tăng')).toBe('Giá vàng tăng');
    expect(squash(' ')).toBe('');
  });
});
