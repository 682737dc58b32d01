import { instantToIso, localToIso, offsetToIso } from '../../normalize/time.ts';
import { normalizeText } from '../../normalize/text.ts';

/** A date as printed: the year may be missing ("Ngày 25/1"), the time and offset are optional. */
export interface DateParts {
  year?: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Offset printed next to the time ("GMT+7", "+07:00", "Z"), in minutes. */
  offsetMinutes?: number;
}

export interface FoundDate {
  parts: DateParts;
  /** Where the date starts in the searched text. */
  index: number;
}

const MONTHS: Record<string, number> = {};
function months(names: string[][]): void {
  names.forEach((list, i) => list.forEach((n) => (MONTHS[n] = i + 1)));
}
// English, German, French, Spanish, Italian, Dutch, Portuguese; abbreviations without the dot.
months([
  ['january', 'jan', 'januar', 'jänner', 'jänn', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'janeiro'],
  ['february', 'feb', 'februar', 'feber', 'février', 'fevrier', 'févr', 'fevr', 'févr', 'febrero', 'febbraio', 'februari', 'fevereiro', 'fev'],
  ['march', 'mar', 'märz', 'maerz', 'mär', 'mars', 'marzo', 'maart', 'março', 'marco', 'mrt'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei', 'maio'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set', 'setembro'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro'],
]);
// Russian, Ukrainian and Polish print the month in the genitive after the day ("15 августа 2016", "3 maja 2021").
months([
  ['января', 'январь', 'січня', 'stycznia'],
  ['февраля', 'февраль', 'лютого', 'lutego'],
  ['марта', 'март', 'березня', 'marca'],
  ['апреля', 'апрель', 'квітня', 'kwietnia'],
  ['мая', 'май', 'травня', 'maja'],
  ['июня', 'июнь', 'червня', 'czerwca'],
  ['июля', 'июль', 'липня', 'lipca'],
  ['августа', 'август', 'серпня', 'sierpnia'],
  ['сентября', 'сентябрь', 'вересня', 'września'],
  ['октября', 'октябрь', 'жовтня', 'października'],
  ['ноября', 'ноябрь', 'листопада', 'listopada'],
  ['декабря', 'декабрь', 'грудня', 'grudnia'],
]);
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

// Lookarounds instead of \b: \b is ASCII-only and "März"/"août" must end a word too.
const NB = '(?<![\\p{L}\\p{N}])';
const NA = '(?![\\p{L}\\p{N}])';
// Numbers may follow letters directly when inline elements were joined ("Erstellt am<span>09.02.2022</span>").
const ND = '(?<![\\p{N}])';

const ISO = new RegExp(
  `${ND}(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?(?!\\d)`,
  'iu',
);
const YMD = new RegExp(`${ND}(\\d{4})([./])(\\d{1,2})\\2(\\d{1,2})(?![\\d.]*\\d)`, 'u');
const DMY = new RegExp(`${ND}(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})(?!\\d)`, 'u');
// "4. 2. 2022", "4.&thinsp;2.&thinsp;2022", "4.2. 2022": typeset dates put a (thin, no-break) space after a dot; day first.
const DMY_SPACED = new RegExp(`${ND}(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})(?!\\d)`, 'u');
// "28.07.19": two-digit years only with dots, the German habit.
const DMY_SHORT = new RegExp(`${ND}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2})(?![\\d.]*\\d)`, 'u');
// "5. März 2024", "1er août", "3 de marzo de 2020", "the 5th of March 2024" (an ordinal before "of": "Top 10 of May 2020" is no date).
const TEXT_DMY = new RegExp(
  `${ND}(\\d{1,2})(?:(?:st|nd|rd|th)\\s+of\\s+|(?:\\.|er|st|nd|rd|th|º)?\\s*(?:de\\s+)?)(${MONTH_RE})\\.?${NA},?\\s*(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)`,
  'iu',
);
const TEXT_MDY = new RegExp(`${NB}(${MONTH_RE})\\.?${NA}\\s*(\\d{1,2})(?:st|nd|rd|th)?${NA},?\\s*(\\d{4})(?!\\d)`, 'iu');
// Chinese, Japanese and Korean: "2019年6月24日", "2019년 6월 24일".
const CJK_YMD = /(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/u;
const VI_LONG = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)?\s*(\d{4}))?/iu;
// A day and month without a year is only trusted when the page calls it a date ("Ngày 25/1", "Thứ Hai, 25/1").
const DM_MARKED = new RegExp(`(?:ngày|thứ\\s+\\p{L}+,?|chủ\\s+nhật,?)\\s*(\\d{1,2})/(\\d{1,2})(?![/\\d])`, 'iu');
const DM_ALONE = /^\s*(\d{1,2})\/(\d{1,2})\s*$/u;

const TIME = /(?<![\d:.])(\d{1,2})(?::|h|\.(?=\d{2}\s*uhr))(\d{2})(?::(\d{2}))?(?!\d)\s*(a\.?m\.?|p\.?m\.?)?/iu;
const OFFSET = /^\W*(?:(?:GMT|UTC)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?|([+-])(\d{2}):?(\d{2})(?!\d))/iu;

function twoDigitYear(yy: number, reference: Date): number {
  const century = Math.floor(reference.getUTCFullYear() / 100) * 100;
  const y = century + yy;
  return y > reference.getUTCFullYear() + 1 ? y - 100 : y;
}

function plausibleYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

function parseOffset(sign: string, hours: string, minutes?: string): number {
  const m = Number(hours) * 60 + (minutes ? Number(minutes) : 0);
  return sign === '-' ? -m : m;
}

/** The time and printed offset closest to a date match, within a short window either side. */
function attachTime(text: string, start: number, end: number, parts: DateParts): void {
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start);
  const a = TIME.exec(after);
  let timeMatch: RegExpExecArray | null = null;
  let tail = '';
  if (a && !/\d/.test(after.slice(0, a.index).replace(/\(?GMT[+-]?\d*\)?/gi, ''))) {
    timeMatch = a;
    tail = after.slice(a.index + a[0].length);
  } else {
    // The last time before the date: "12:47 | 07/07/2025", "Cập nhật: 08:15 ngày 12/03/2024".
    const re = globalVersion(TIME);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(before))) {
      if (!/\d/.test(before.slice(m.index + m[0].length))) timeMatch = m;
    }
    if (timeMatch) tail = after;
  }
  if (!timeMatch) return;
  let hour = Number(timeMatch[1]);
  const minute = Number(timeMatch[2]);
  const ampm = timeMatch[4]?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && hour < 12) hour += 12;
  if (ampm === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return;
  parts.hour = hour;
  parts.minute = minute;
  if (timeMatch[3]) parts.second = Number(timeMatch[3]);
  if (parts.offsetMinutes === undefined) {
    const o = OFFSET.exec(tail.slice(0, 20));
    if (o) parts.offsetMinutes = o[4] ? parseOffset(o[4], o[5], o[6]) : o[1] ? parseOffset(o[1], o[2], o[3]) : 0;
  }
}

interface Pattern {
  re: RegExp;
  build(m: RegExpExecArray, reference: Date): DateParts | null;
  /** Machine formats carry their own time; skip the nearby-time search. */
  ownTime?: boolean;
  /** The pattern needs a four-digit year: texts without four digits in a row skip it. */
  year?: boolean;
}

const PATTERNS: Pattern[] = [
  {
    re: ISO, year: true,
    ownTime: true,
    build: (m) => {
      const p: DateParts = { year: +m[1], month: +m[2], day: +m[3] };
      if (m[4] !== undefined) {
        p.hour = +m[4];
        p.minute = +m[5];
        if (m[6] !== undefined) p.second = +m[6];
      }
      if (m[7]) {
        const o = /^([+-])(\d{2}):?(\d{2})?$/.exec(m[7]);
        p.offsetMinutes = o ? parseOffset(o[1], o[2], o[3]) : 0;
      }
      return p;
    },
  },
  { re: YMD, year: true, build: (m) => ({ year: +m[1], month: +m[3], day: +m[4] }) },
  {
    re: DMY, year: true,
    build: (m) => {
      const a = +m[1];
      const b = +m[3];
      // Day first everywhere we read, unless only month-first makes sense (US "11/24/2021").
      if (b > 12 && a <= 12 && m[2] === '/') return { year: +m[4], month: a, day: b };
      return { year: +m[4], month: b, day: a };
    },
  },
  { re: DMY_SPACED, year: true, build: (m) => ({ year: +m[3], month: +m[2], day: +m[1] }) },
  { re: TEXT_DMY, year: true, build: (m) => ({ year: +m[3], month: MONTHS[m[2].toLowerCase()], day: +m[1] }) },
  { re: TEXT_MDY, year: true, build: (m) => ({ year: +m[3], month: MONTHS[m[1].toLowerCase()], day: +m[2] }) },
  { re: CJK_YMD, year: true, build: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }) },
  { re: VI_LONG, build: (m) => ({ year: m[3] ? +m[3] : undefined, month: +m[2], day: +m[1] }) },
  { re: DMY_SHORT, build: (m, ref) => ({ year: twoDigitYear(+m[3], ref), month: +m[2], day: +m[1] }) },
  { re: DM_MARKED, build: (m) => ({ month: +m[2], day: +m[1] }) },
  { re: DM_ALONE, build: (m) => ({ month: +m[2], day: +m[1] }) },
];

function validParts(p: DateParts): boolean {
  if (!(p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= 31)) return false;
  if (p.year !== undefined && !plausibleYear(p.year)) return false;
  return true;
}

const GLOBAL = new Map<RegExp, RegExp>();
/** The pattern compiled once with the g flag (exec loops need lastIndex). */
function globalVersion(re: RegExp): RegExp {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  return g;
}

const DIGIT = /[0-9]/;
const FOUR_DIGITS = /[0-9]{4}/;

/** Every date printed in `text`, in reading order (overlapping matches keep the earliest, longest). */
export function findDates(text: string, reference: Date = new Date()): FoundDate[] {
  // Every pattern reads its day from ASCII digits: most short texts tried (bylines, meta boxes) have none.
  if (!DIGIT.test(text)) return [];
  // A third of the texts tried carry no year: the patterns that need one (the month-name ones cost most) are skipped.
  const hasYear = FOUR_DIGITS.test(text);
  const found: { parts: DateParts; index: number; end: number }[] = [];
  for (const pattern of PATTERNS) {
    if (pattern.year && !hasYear) continue;
    const re = globalVersion(pattern.re);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const index = m.index;
      const end = index + m[0].length;
      if (found.some((f) => index < f.end && end > f.index)) continue;
      const parts = pattern.build(m, reference);
      if (!parts || !validParts(parts)) continue;
      if (!pattern.ownTime) attachTime(text, index, end, parts);
      found.push({ parts, index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ parts, index }) => ({ parts, index }));
}

const DAY_MS = 86_400_000;

/**
 * Parts -> ISO 8601 with offset. A missing year comes from `reference` (the page's context or now) and
 * is moved a year back when that would put the date more than a day after `notAfter`.
 */
export function partsToIso(parts: DateParts, timezone: string, reference: Date = new Date(), notAfter: Date = reference): string | null {
  let year = parts.year;
  if (year === undefined) {
    year = reference.getUTCFullYear();
    const guess = Date.UTC(year, parts.month - 1, parts.day);
    if (guess > notAfter.getTime() + DAY_MS) year -= 1;
  }
  const t = { year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
  // A UTC instant ("Z", "+00:00", "GMT") is a machine's clock, not the publisher's: the same instant in the source's
  // zone gives the publisher's calendar day (23:00Z on 6 Nov is 7 Nov in Berlin). Other offsets stay as printed.
  if (parts.offsetMinutes === 0) {
    const iso = offsetToIso(t, 0);
    return iso && instantToIso(Date.parse(iso), timezone);
  }
  if (parts.offsetMinutes !== undefined) return offsetToIso(t, parts.offsetMinutes);
  // A page prints the same date many times over, and the zone lookup (Intl formatToParts, twice) is the costly part.
  const key = `${timezone} ${year} ${t.month} ${t.day} ${t.hour} ${t.minute} ${t.second}`;
  const known = localIsoCache.get(key);
  if (known !== undefined) return known;
  const iso = localToIso(t, timezone);
  if (localIsoCache.size >= 2000) localIsoCache.clear();
  localIsoCache.set(key, iso);
  return iso;
}

/** localToIso answers by wall-clock time and zone: small strings built here, nothing of the page kept. */
const localIsoCache = new Map<string, string | null>();

/** The first date printed in a piece of visible text, as ISO 8601 with offset; null when there is none. */
export function parseDateText(text: string, opts: { timezone: string; reference?: Date }): string | null {
  const reference = opts.reference ?? new Date();
  for (const f of findDates(normalizeText(text), reference)) {
    const iso = partsToIso(f.parts, opts.timezone, reference);
    if (iso) return iso;
  }
  return null;
}

const RFC_2822 = /^(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:GMT|UTC|Z|[+-]\d{4})$/i;

/** A machine date (JSON-LD, meta content, datetime attribute) with or without offset -> ISO 8601 with offset. */
export function parseIsoLike(value: string, timezone: string): string | null {
  const v = normalizeText(value);
  if (!v) return null;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,:]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(v);
  if (m) {
    const p: DateParts = { year: +m[1], month: +m[2], day: +m[3] };
    if (m[4] !== undefined) {
      p.hour = +m[4];
      p.minute = +m[5];
      if (m[6] !== undefined) p.second = +m[6];
    }
    if (m[7]) {
      const o = /^([+-])(\d{2}):?(\d{2})?$/.exec(m[7]);
      p.offsetMinutes = o ? parseOffset(o[1], o[2], o[3]) : 0;
    }
    if (!validParts(p)) return null;
    return partsToIso(p, timezone);
  }
  if (RFC_2822.test(v)) {
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) return null;
    const off = /([+-])(\d{2})(\d{2})$/.exec(v);
    const offsetMinutes = off ? parseOffset(off[1], off[2], off[3]) : 0;
    if (offsetMinutes === 0) return instantToIso(ms, timezone);
    const local = new Date(ms + offsetMinutes * 60_000);
    return offsetToIso(
      {
        year: local.getUTCFullYear(),
        month: local.getUTCMonth() + 1,
        day: local.getUTCDate(),
        hour: local.getUTCHours(),
        minute: local.getUTCMinutes(),
        second: local.getUTCSeconds(),
      },
      offsetMinutes,
    );
  }
  // Loose machine values ("2024/03/05 10:00", "05.03.2024") fall back to the text parser, without year guessing.
  const found = findDates(v).find((f) => f.parts.year !== undefined);
  return found ? partsToIso(found.parts, timezone) : null;
}
