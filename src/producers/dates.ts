import { localToIso, offsetToIso, type LocalDateTime } from '../normalize/time.ts';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** RFC 822 zone names seen in feeds, plus a few unambiguous regional ones (ICT: Indochina). */
const ZONE_OFFSETS: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  cet: 60, cest: 120, eet: 120, eest: 180, msk: 180,
  ict: 420, wib: 420, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, aest: 600, aedt: 660,
};

/** "+07:00", "+0700", "+07", "GMT+7", "GMT+07:00", "GMT", "EST" -> minutes east of UTC; undefined if unknown. */
function parseZone(zone: string): number | undefined {
  const trimmed = zone.trim();
  // "(GMT+7)" as printed by Vietnamese CMSs; "+0700 (ICT)": a comment after the zone.
  const z = /^\(([^)]*)\)$/.exec(trimmed)?.[1] ?? trimmed.replace(/\s*\([^)]*\)$/, '');
  if (!z) return undefined;
  const numeric = /^(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    if (Number(numeric[2]) > 14 || Number(numeric[3] ?? 0) > 59) return undefined;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONE_OFFSETS[z.toLowerCase()];
}

function to24h(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase() === 'pm';
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

function expandYear(year: string): number {
  const y = Number(year);
  if (year.length !== 2) return y;
  return y < 50 ? 2000 + y : 1900 + y; // RFC 2822 section 4.3
}

function withZone(t: LocalDateTime, zone: string | undefined, timeZone: string): string | null {
  if (zone === undefined || zone.trim() === '') return localToIso(t, timeZone);
  const offset = parseZone(zone);
  return offset === undefined ? null : offsetToIso(t, offset);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC822 = /^(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/i;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[\sT,-]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?\s*(.*)$/i;

/**
 * A date as written in a feed or sitemap -> ISO 8601 with offset, or null.
 * Accepts ISO 8601 (W3C datetime), RFC 822/2822 (two-digit years, "+07:00" or "+0700",
 * GMT/UT and common zone names) and slashed dates: "9/14/2026 6:44:00 PM" (with AM/PM: month
 * first, as US-built CMSs write them) and "14/9/2026 18:48 (GMT+7)" (without: day first, as
 * Vietnamese sites write them; either order when only one fits). Dates without a zone are
 * wall-clock time in `timeZone` (the source's zone).
 */
export function parseFeedDate(text: string | null | undefined, timeZone: string): string | null {
  if (!text) return null;
  // Vietnamese weekday prefix: "Thứ hai, 14/9/2026, 18:48 (GMT+7)", "Chủ nhật, ...".
  const s = text.trim().replace(/\s+/g, ' ').replace(/^(thứ [^\s,]+|chủ nhật|cn|t[2-7])\s*,?\s*/iu, '');

  const iso = ISO.exec(s);
  if (iso) {
    const t: LocalDateTime = { year: +iso[1], month: +iso[2], day: +iso[3], hour: +(iso[4] ?? 0), minute: +(iso[5] ?? 0), second: +(iso[6] ?? 0) };
    return withZone(t, iso[7], timeZone);
  }

  const rfc = RFC822.exec(s);
  if (rfc) {
    const month = MONTHS[rfc[2].toLowerCase().slice(0, 3)];
    if (!month) return null;
    const t: LocalDateTime = { year: expandYear(rfc[3]), month, day: +rfc[1], hour: +(rfc[4] ?? 0), minute: +(rfc[5] ?? 0), second: +(rfc[6] ?? 0) };
    return withZone(t, rfc[7], timeZone);
  }

  const slashed = SLASHED.exec(s);
  if (slashed) {
    // AM/PM means a US-built CMS (month first); otherwise day first, as Vietnamese sites write
    // dates, unless the numbers only fit month first.
    const monthFirst = slashed[7] ? +slashed[1] <= 12 : +slashed[1] <= 12 && +slashed[2] > 12;
    const [month, day] = monthFirst ? [+slashed[1], +slashed[2]] : [+slashed[2], +slashed[1]];
    const hour = slashed[4] === undefined ? 0 : to24h(+slashed[4], slashed[7]);
    if (slashed[7] && (+slashed[4] < 1 || +slashed[4] > 12)) return null;
    const t: LocalDateTime = { year: +slashed[3], month, day, hour, minute: +(slashed[5] ?? 0), second: +(slashed[6] ?? 0) };
    return withZone(t, slashed[8], timeZone);
  }
  return null;
}

/** True when the item's date is known and older than maxAgeDays before now. */
export function isTooOld(dateIso: string | null | undefined, maxAgeDays: number | undefined, now: Date): boolean {
  if (!dateIso || maxAgeDays === undefined) return false;
  const at = Date.parse(dateIso);
  return Number.isFinite(at) && at < now.getTime() - maxAgeDays * 86_400_000;
}
