import { describe, expect, it } from 'vitest';
import { parseDateText, parseIsoLike } from '../../../src/extract/metadata/dates.ts';

const VN = { timezone: 'Asia/Ho_Chi_Minh', reference: new Date('2026-03-10T05:00:00Z') };

describe('parseDateText: Vietnamese formats', () => {
  it.each([
    ['24/11/2021 17:34', '2021-11-24T17:34:00+07:00'],
    ['Thứ Bảy, 13/05/2023 17:27', '2023-05-13T17:27:00+07:00'],
    ['Thứ bảy, 7/3/2026, 00:05 (GMT+7)', '2026-03-07T00:05:00+07:00'],
    ['07/03/2026 08:01 GMT+7', '2026-03-07T08:01:00+07:00'],
    ['12:47 | 07/07/2025', '2025-07-07T12:47:00+07:00'],
    ['Cập nhật: 08:15 ngày 12/03/2024', '2024-03-12T08:15:00+07:00'],
    ['ngày 5 tháng 9 năm 2025', '2025-09-05T00:00:00+07:00'],
  ])('%s', (text, iso) => {
    expect(parseDateText(text, VN)).toBe(iso);
  });

  it('takes the year of "Ngày 25/1" from the reference, never more than a day in its future', () => {
    expect(parseDateText('Ngày 25/1', VN)).toBe('2026-01-25T00:00:00+07:00');
    expect(parseDateText('Ngày 25/12', VN)).toBe('2025-12-25T00:00:00+07:00');
    expect(parseDateText('Ngày 11/3', VN)).toBe('2026-03-11T00:00:00+07:00'); // tomorrow is still this year
    expect(parseDateText('Ngày 25/1', { ...VN, reference: new Date('2024-06-01T00:00:00Z') })).toBe('2024-01-25T00:00:00+07:00');
    // Spelled out without a year, and with a time but no year (no four digits in the text at all).
    expect(parseDateText('ngày 25 tháng 1', VN)).toBe('2026-01-25T00:00:00+07:00');
    expect(parseDateText('10:30 ngày 25 tháng 1', VN)).toBe('2026-01-25T10:30:00+07:00');
  });

  it('keeps a printed offset and applies the zone otherwise (DST-aware)', () => {
    expect(parseDateText('07/03/2026 08:01 GMT+9', VN)).toBe('2026-03-07T08:01:00+09:00');
    expect(parseDateText('5. Juli 2024, 10:30 Uhr', { timezone: 'Europe/Berlin' })).toBe('2024-07-05T10:30:00+02:00');
    expect(parseDateText('5. Januar 2024, 10:30 Uhr', { timezone: 'Europe/Berlin' })).toBe('2024-01-05T10:30:00+01:00');
  });
});

describe('parseDateText: other languages and machine-like text', () => {
  it.each([
    ['March 5, 2024', '2024-03-05T00:00:00+07:00'],
    ['Published Mar. 5th, 2024 at 5:30 pm', '2024-03-05T17:30:00+07:00'],
    ['5. März 2024', '2024-03-05T00:00:00+07:00'],
    ['Freitag, 3. Januar 2020 - 17:00 Uhr', '2020-01-03T17:00:00+07:00'],
    ['5 mars 2024', '2024-03-05T00:00:00+07:00'],
    ['Posted on the 5th of March 2024', '2024-03-05T00:00:00+07:00'],
    ['1er août 2020 à 14h30', '2020-08-01T14:30:00+07:00'],
    ['2024-03-05', '2024-03-05T00:00:00+07:00'],
    ['2024-03-05T10:11:12Z', '2024-03-05T17:11:12+07:00'],
    ['05.03.2024', '2024-03-05T00:00:00+07:00'],
    ['veröffentlicht am 28.07.19 um 17.34 Uhr', '2019-07-28T17:34:00+07:00'],
  ])('%s', (text, iso) => {
    expect(parseDateText(text, VN)).toBe(iso);
  });

  it('reads day.month.year typeset with a space after each dot (thin, no-break, narrow no-break)', () => {
    const BERLIN = { timezone: 'Europe/Berlin', reference: new Date('2026-03-10T05:00:00Z') };
    expect(parseDateText('Von Deutscher Tennis Bund 4.\u20092.\u20092022.', BERLIN)).toBe('2022-02-04T00:00:00+01:00');
    expect(parseDateText('4.\u00a02.\u00a02022', BERLIN)).toBe('2022-02-04T00:00:00+01:00');
    expect(parseDateText('14.\u202f12.\u202f2021, 10:30 Uhr', BERLIN)).toBe('2021-12-14T10:30:00+01:00');
    expect(parseDateText('4. 2.2022', BERLIN)).toBe('2022-02-04T00:00:00+01:00');
    expect(parseDateText('Stand: 4.2. 2022', BERLIN)).toBe('2022-02-04T00:00:00+01:00');
  });

  it('never invents a date', () => {
    for (const text of ['© 2024 Báo Mẫu', 'vor 3 Stunden', '2 giờ trước', 'Phiên bản 1.2.3', 'Top 10 of May 2020', '', 'Ngày hội 2025', '31/02/2024', 'Giá 25/1 vé']) {
      expect(parseDateText(text, VN)).toBeNull();
    }
  });
});

describe('parseIsoLike', () => {
  it.each([
    ['2024-03-05T10:11:12+02:00', '2024-03-05T10:11:12+02:00'],
    ['2024-03-05T10:11:12.123Z', '2024-03-05T17:11:12+07:00'],
    ['2023-01-01T10:00:00:684Z', '2023-01-01T17:00:00+07:00'],
    ['2024-03-05 10:11:12', '2024-03-05T10:11:12+07:00'],
    ['2024-03-05', '2024-03-05T00:00:00+07:00'],
    ['20240305', '2024-03-05T00:00:00+07:00'],
    ['Tue, 05 Mar 2024 10:00:00 +0100', '2024-03-05T10:00:00+01:00'],
  ])('%s', (value, iso) => {
    expect(parseIsoLike(value, 'Asia/Ho_Chi_Minh')).toBe(iso);
  });

  it('shows a UTC instant in the source zone: same instant, the publisher\'s calendar day', () => {
    expect(parseIsoLike('2022-11-06T23:00:00.000Z', 'Europe/Berlin')).toBe('2022-11-07T00:00:00+01:00');
    expect(parseIsoLike('2022-11-06T23:00:00+00:00', 'Europe/Berlin')).toBe('2022-11-07T00:00:00+01:00');
    expect(parseIsoLike('Sun, 06 Nov 2022 23:00:00 GMT', 'Europe/Berlin')).toBe('2022-11-07T00:00:00+01:00');
    // Non-zero offsets are the publisher's own: kept as given.
    expect(parseIsoLike('2022-11-06T23:00:00-05:00', 'Europe/Berlin')).toBe('2022-11-06T23:00:00-05:00');
  });

  it('uses the given zone for values without offset', () => {
    expect(parseIsoLike('2024-07-05T08:00:00', 'Europe/Berlin')).toBe('2024-07-05T08:00:00+02:00');
  });

  it('returns null for non-dates', () => {
    expect(parseIsoLike('soon', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(parseIsoLike('2024-13-45', 'Asia/Ho_Chi_Minh')).toBeNull();
  });
});
