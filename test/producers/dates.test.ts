import { describe, expect, it } from 'vitest';
import { isTooOld, parseFeedDate } from '../../src/producers/dates.ts';

const VN = 'Asia/Ho_Chi_Minh';

describe('parseFeedDate', () => {
  it.each([
    ['RFC 822 with a colon in the offset', 'Mon, 14 Sep 2026 18:48:23 +07:00', '2026-09-14T18:48:23+07:00'],
    ['RFC 822 with +0700', 'Mon, 14 Sep 2026 18:48:23 +0700', '2026-09-14T18:48:23+07:00'],
    ['two-digit year', 'Mon, 14 Sep 26 18:48:23 +0700', '2026-09-14T18:48:23+07:00'],
    ['GMT', 'Mon, 14 Sep 2026 11:48:23 GMT', '2026-09-14T11:48:23+00:00'],
    ['UT', 'Mon, 14 Sep 2026 11:48:23 UT', '2026-09-14T11:48:23+00:00'],
    ['a US zone name', 'Mon, 14 Sep 2026 07:48:23 EDT', '2026-09-14T07:48:23-04:00'],
    ['GMT+7', 'Mon, 14 Sep 2026 18:48 GMT+7', '2026-09-14T18:48:00+07:00'],
    ['an offset followed by a comment', 'Mon, 14 Sep 2026 18:48:23 +0700 (ICT)', '2026-09-14T18:48:23+07:00'],
    ['no day name, full month', '14 September 2026 18:48:23 +0700', '2026-09-14T18:48:23+07:00'],
    ['no zone: local time of the source', 'Mon, 14 Sep 2026 18:48:23', '2026-09-14T18:48:23+07:00'],
    ['US style in local time, PM', '9/14/2026 6:44:00 PM', '2026-09-14T18:44:00+07:00'],
    ['US style, 12 AM is midnight', '9/14/2026 12:05:00 AM', '2026-09-14T00:05:00+07:00'],
    ['US style, 12 PM is noon', '9/14/2026 12:05 PM', '2026-09-14T12:05:00+07:00'],
    ['day first when the first number cannot be a month', '14/09/2026 18:44', '2026-09-14T18:44:00+07:00'],
    ['24-hour slashed dates are day first', '9/10/2026 18:44', '2026-10-09T18:44:00+07:00'],
    ['month first when the second number cannot be a month', '9/14/2026 18:44', '2026-09-14T18:44:00+07:00'],
    ['AM/PM slashed dates are month first', '9/10/2026 6:44 PM', '2026-09-10T18:44:00+07:00'],
    ['Vietnamese weekday and (GMT+7)', 'Thứ hai, 14/9/2026, 18:48 (GMT+7)', '2026-09-14T18:48:00+07:00'],
    ['Chủ nhật prefix', 'Chủ nhật, 13/9/2026 07:05', '2026-09-13T07:05:00+07:00'],
    ['ISO 8601 with offset', '2026-09-14T18:48:23+07:00', '2026-09-14T18:48:23+07:00'],
    ['ISO 8601 Z with fraction', '2026-09-14T11:48:23.512Z', '2026-09-14T11:48:23+00:00'],
    ['ISO 8601 date only: local midnight', '2026-09-14', '2026-09-14T00:00:00+07:00'],
    ['ISO 8601 without zone: local time', '2026-09-14 18:48:23', '2026-09-14T18:48:23+07:00'],
  ])('%s', (_name, input, expected) => {
    expect(parseFeedDate(input, VN)).toBe(expected);
  });

  it('uses the source time zone, DST included, for zone-less dates', () => {
    expect(parseFeedDate('7/1/2026 9:00 AM', 'Europe/Paris')).toBe('2026-07-01T09:00:00+02:00');
    expect(parseFeedDate('1/15/2026 9:00 AM', 'Europe/Paris')).toBe('2026-01-15T09:00:00+01:00');
  });

  it('returns null for impossible or unknown dates', () => {
    for (const bad of ['Tue, 31 Feb 2026 10:00:00 +0000', '13/13/2026', '9/14/2026 13:00 PM', 'hôm qua', '', 'Mon, 14 Sep 2026 18:48:23 XYZ', '2026-09-14T25:00:00Z']) {
      expect(parseFeedDate(bad, VN), bad).toBeNull();
    }
    expect(parseFeedDate(undefined, VN)).toBeNull();
  });
});

describe('isTooOld', () => {
  const now = new Date('2026-09-20T00:00:00Z');
  it('is true only for known dates older than maxAgeDays', () => {
    expect(isTooOld('2026-09-10T00:00:00+07:00', 7, now)).toBe(true);
    expect(isTooOld('2026-09-18T00:00:00+07:00', 7, now)).toBe(false);
    expect(isTooOld(null, 7, now)).toBe(false);
    expect(isTooOld('2020-01-01T00:00:00Z', undefined, now)).toBe(false);
  });
});
