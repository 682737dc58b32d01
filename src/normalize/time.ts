// Building a DateTimeFormat costs far more than using one: keep one per zone.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

// A page reads the same instant from several sources (JSON-LD, meta, <time>, text), and formatToParts is the costly
// step: answers are kept per zone and second, in a table emptied when it grows past a bound.
const offsets = new Map<string, Map<number, number>>();
const MAX_OFFSETS = 4096;

/** Offset of `timeZone` from UTC, in minutes, at the given UTC instant. */
export function zoneOffsetMinutes(utcMillis: number, timeZone: string): number {
  const second = Math.floor(utcMillis / 1000) * 1000;
  let known = offsets.get(timeZone);
  if (!known) offsets.set(timeZone, (known = new Map()));
  const cached = known.get(second);
  if (cached !== undefined) return cached;
  const parts = formatFor(timeZone).formatToParts(new Date(utcMillis));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = Math.round((asUtc - second) / 60_000);
  if (known.size >= MAX_OFFSETS) known.clear();
  known.set(second, offset);
  return offset;
}

function pad(n: number, w = 2): string {
  return String(Math.abs(n)).padStart(w, '0');
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** ISO 8601 with an explicit offset for a UTC instant, shown in `timeZone`'s local time. */
export function instantToIso(utcMillis: number, timeZone: string): string {
  const off = zoneOffsetMinutes(utcMillis, timeZone);
  const local = new Date(utcMillis + off * 60_000);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${formatOffset(off)}`
  );
}

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/** Wall-clock time in `timeZone` (no offset printed on the page) -> ISO 8601 with that zone's offset. Null if not a real date. */
export function localToIso(t: LocalDateTime, timeZone: string): string | null {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = t;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(naive);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  // Two passes settle DST edges: the offset at the guessed instant, then at the corrected one.
  let off = zoneOffsetMinutes(naive, timeZone);
  off = zoneOffsetMinutes(naive - off * 60_000, timeZone);
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(off)}`;
}

/** Wall-clock time with an explicit offset in minutes (as printed: "GMT+7", "+07:00"). */
export function offsetToIso(t: LocalDateTime, offsetMinutes: number): string | null {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = t;
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (Number.isNaN(check.getTime()) || check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) return null;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(offsetMinutes)}`;
}
