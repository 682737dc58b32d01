/**
 * Outlet markers that syndicated copies add, drop or change around the same article:
 * a prefix on the first line ("(PLVN) -", "NDO -", "Hà Nội (TTXVN) -") and credit
 * lines at the end ("Theo TTXVN", "TTXVN/Báo Tin tức", "Nguồn: ...", a byline).
 * Lines here are already normalized with normalizeText (NFC, single spaces, trimmed).
 */

const DASH = '[-\u2013\u2014]+';

// "(PLVN) -", "(Chinhphu.vn) -", "Hà Nội, 12/3 (TTXVN) -": an optional short dateline,
// then an outlet name in parentheses, then a dash.
const PAREN_PREFIX = new RegExp(
  `^(?:\\p{Lu}[\\p{L}\\p{N} .,/]{0,40}?\\s*)?\\(\\s*[\\p{L}\\p{N} .+&]{2,30}?\\s*\\)\\s*${DASH}\\s*`,
  'u',
);
// "NDO -", "TTXVN -", "VOV.VN -", "VTV.vn -": an all-caps name or a domain, a dash, a space.
// The space after the dash keeps "COVID-19 ..." from matching.
const BARE_PREFIX = new RegExp(
  `^(?:[\\p{Lu}\\p{N}][\\p{Lu}\\p{N}.+&]{1,19}|[\\p{L}\\p{N}-]+(?:\\.\\p{L}{2,4}){1,2})\\s*${DASH}\\s+`,
  'u',
);

const AGENCIES =
  'TTXVN|VNA|Báo Tin tức|Vietnam\\+|VietnamPlus|Reuters|AFP|AP|Bloomberg|Xinhua|Tân Hoa xã|Kyodo|Yonhap|Sputnik|TASS|CNN|BBC|VOV|VTV';

// "Theo TTXVN", "(Theo Reuters)", "Theo báo Lao Động", "Nguồn: Bộ Y tế", "Theo vnexpress.net".
// Case-sensitive on purpose: the source must be a name (capitalized, a number or a domain),
// so "Theo kế hoạch dự án xong năm sau" stays.
const SOURCE_LINE = new RegExp(
  '^\\(?\\s*(?:[Tt]heo|THEO|[Nn]guồn\\s*:?|NGUỒN\\s*:?)\\s+(?:(?:báo|tạp chí|trang|hãng tin|hãng|đài|kênh|tờ|thông tấn xã)\\s+)?' +
    '(?:[\\p{Lu}\\p{N}]|[\\p{L}\\p{N}-]+\\.\\p{L}{2,})[\\p{L}\\p{N} .,+&\'/-]*\\)?\\.?$',
  'u',
);
// "TTXVN/Báo Tin tức", "Minh Anh/VOV.VN", "PV/VOV": names joined by slashes.
const SLASH_LINE = /^\p{Lu}[\p{L}\p{N} .+&'-]{0,40}(?:\/[\p{L}\p{N} .+&'-]{1,40})+\.?$/u;
// "Tin, ảnh: TTXVN", "Ảnh: Minh Đức", "Bài và ảnh: Hà Anh".
const MEDIA_CREDIT_LINE = /^(?:tin|bài|ảnh|video|clip)(?:\s*(?:,|và)\s*(?:tin|bài|ảnh|video|clip))*\s*:\s*\S.{0,60}$/iu;
const AGENCY_LINE = new RegExp(`^\\(?(?:${AGENCIES})\\)?\\.?$`, 'u');
// A byline: at most four capitalized words, nothing else ("Minh Hằng", "Nguyễn Văn An").
const BYLINE = /^(?:\p{Lu}[\p{L}\p{M}]*)(?: \p{Lu}[\p{L}\p{M}]*){0,3}$/u;
// "… tăng 5%. (Theo Reuters)" or "… (TTXVN)" glued to the end of the last paragraph.
const TRAILING_PAREN_CREDIT = new RegExp(
  `\\s*\\(\\s*(?:(?:theo|nguồn\\s*:?)\\s+[^()]{1,60}|(?:${AGENCIES})(?:\\s*/\\s*[^()]{1,40})?)\\s*\\)\\s*\\.?$`,
  'iu',
);

const MAX_CREDIT_WORDS = 8;
const MAX_CREDIT_LINES = 3;

function wordCount(line: string): number {
  return line.split(' ').length;
}

function isCreditLine(line: string): boolean {
  if (wordCount(line) > MAX_CREDIT_WORDS) return false;
  // "Theo Bộ Y tế, số ca mắc giảm" is a sentence, "Theo Reuters, AFP" a credit.
  if (SOURCE_LINE.test(line)) return !/,\s*\p{Ll}/u.test(line);
  return SLASH_LINE.test(line) || MEDIA_CREDIT_LINE.test(line) || AGENCY_LINE.test(line) || BYLINE.test(line);
}

/** Removes one outlet prefix (two when stacked) from the start of the first line. */
export function stripOutletPrefix(line: string): string {
  let out = line;
  for (let i = 0; i < 2; i++) {
    const next = out.replace(PAREN_PREFIX, '').replace(BARE_PREFIX, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Drops up to three trailing credit lines and a parenthesized credit glued to the last line; never empties the text. */
export function stripTrailingCredits(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < MAX_CREDIT_LINES && out.length > 1 && isCreditLine(out[out.length - 1]); i++) out.pop();
  if (out.length > 0) {
    const last = out[out.length - 1].replace(TRAILING_PAREN_CREDIT, '');
    if (last) out[out.length - 1] = last;
  }
  return out;
}
