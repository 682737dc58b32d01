import { normalizeText } from '../../normalize/text.ts';

// Outlet tokens written in mixed case that the uppercase rule below would miss.
const KNOWN_OUTLETS = ['Chinhphu.vn', 'Dân trí', 'Dân Trí', 'Dantri', 'VnExpress', 'Zing', 'Znews', 'VietnamPlus', 'Vietnamplus', 'Tuổi Trẻ', 'Thanh Niên', 'Báo Tin tức', 'Tin tức', 'Baotintuc.vn', 'Hanoimoi', 'Vneconomy', 'VnEconomy', 'Kinhtedothi', 'Baoquocte.vn', 'Thời Đại', 'Reuters', 'AFP', 'AP', 'Bloomberg', 'Xinhua', 'Sputnik', 'dpa', 'epd', 'KNA'];
const KNOWN = new Set(KNOWN_OUTLETS.map((s) => s.toLowerCase()));

// "TG&VN. Nội dung...", "NDO. Nội dung...": an uppercase outlet abbreviation closed by a period.
const DOT_PREFIX = /^\s*(\p{Lu}{1,6}&\p{Lu}{1,6}|\p{Lu}{2,8})\.\s+(?=\p{Lu})/u;
const PREFIX = /^\s*(\()?\s*([^()\-–—:]{2,28}?)\s*(\))?(?:\s*[-–—]+\s*|\.\s+(?=\p{Lu}))/u;

/** "PLVN", "TTXVN", "VOV.VN", "Chinhphu.vn": short, mostly uppercase or a domain-like token. */
function looksLikeOutlet(token: string, parenthesized: boolean): boolean {
  if (KNOWN.has(token.toLowerCase())) return true;
  if (/\d{3,}/.test(token)) return false;
  const words = token.split(/\s+/);
  if (/^[\p{L}\d-]+\.(?:vn|com|net|org|VN)$/u.test(token)) return true;
  const upper = (token.match(/\p{Lu}/gu) ?? []).length;
  const letters = (token.match(/\p{L}/gu) ?? []).length;
  if (words.length === 1 && upper >= 2 && upper >= letters * 0.6 && letters <= 12) return true;
  if (parenthesized && words.length <= 3 && upper >= 1 && /^\p{Lu}/u.test(token) && letters <= 24) return true;
  return false;
}

/** Strip an outlet prefix such as "(PLVN) -", "NDO -", "(Chinhphu.vn) -" from a lead or first paragraph. */
export function stripAgencyPrefix(text: string): { text: string; agency: string | null } {
  const d = DOT_PREFIX.exec(text);
  if (d) return { text: text.slice(d[0].length), agency: d[1] };
  const m = PREFIX.exec(text);
  if (!m) return { text, agency: null };
  const paren = Boolean(m[1] && m[3]);
  if (Boolean(m[1]) !== Boolean(m[3])) return { text, agency: null };
  const token = m[2].trim();
  if (!looksLikeOutlet(token, paren)) return { text, agency: null };
  const rest = text.slice(m[0].length);
  return { text: rest, agency: token };
}

const THEO = /^\(?\s*(?:theo|nguồn|nguồn tin|source|sources|quelle|quellen|fuente|according to)\s*:?\s+([^()]{2,60}?)\s*\)?\.?$/iu;
const SLASH_CREDIT = /^([\p{Lu}][\p{Lu}\p{L}.]{1,15})\s*\/\s*([\p{L} .&]{2,40})$/u;

/**
 * End-of-article credit lines: "Theo TTXVN", "Nguồn: VnExpress", "(Theo Reuters)",
 * "TTXVN/Báo Tin tức". Returns the outlet name, or null.
 */
export function trailingCredit(line: string): string | null {
  const t = normalizeText(line);
  if (t.length > 70) return null;
  let m = THEO.exec(t);
  if (m) {
    const name = m[1].replace(/^(?:báo|trang|tạp chí)\s+/iu, '').trim();
    return name.split(/\s*[,;]\s*/)[0] || null;
  }
  m = SLASH_CREDIT.exec(t);
  if (m && looksLikeOutlet(m[1], false)) return m[1];
  // "aja/PAP", "mb/dpa": editor's initials, then the agency.
  m = /^\p{Ll}{2,4}\s*\/\s*(\p{L}{2,8})$/u.exec(t);
  if (m && (KNOWN.has(m[1].toLowerCase()) || /^\p{Lu}{2,}$/u.test(m[1]))) return m[1];
  return null;
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|[\p{Lu}.]+|van|von|de|der|du|da|di|la|le|bin|và)$/u;

/** A short line at the end of an article that is only a person's name ("Hải Minh", "THU HÀ - MINH ANH"). */
export function bylineNames(line: string): string[] | null {
  let t = normalizeText(line)
    .replace(/^(?:by|von|bài(?: và ảnh)?|ảnh|tác giả|phóng viên|pv|nhóm phóng viên|text|texte|par|por)\s*:?\s+/iu, '')
    .replace(/[.]$/, '');
  if (!t || t.length > 60 || /[0-9@!?:;"“”]/.test(t)) return null;
  t = t.replace(/\s*\((?:[^()]*)\)\s*$/, '');
  const names = t.split(/\s*(?:[-–—,&/]|\bvà\b|\band\b|\bund\b)\s*/u).filter(Boolean);
  if (!names.length || names.length > 4) return null;
  for (const n of names) {
    const words = n.split(/\s+/);
    if (words.length < 1 || words.length > 5) return null;
    if (!words.every((w) => NAME_WORD.test(w))) return null;
    if (words.length === 1 && n.length < 3) return null;
  }
  return names;
}

/** "Minh Anh (theo Reuters)": a byline with the agency it draws on. */
export function bylineWithSource(line: string): { names: string[]; agency: string } | null {
  const t = normalizeText(line);
  const m = /^(.{2,60}?)\s*\(\s*(?:theo|nguồn|tổng hợp từ)\s+([^()]{2,40})\)\s*\.?$/iu.exec(t);
  if (m) {
    const names = bylineNames(m[1]);
    return names ? { names, agency: m[2].trim() } : null;
  }
  // "Minh Anh/TTXVN": the reporter, then the agency.
  const s = /^(.{2,60}?)\s*\/\s*([\p{L}.&]{2,12})\s*\.?$/u.exec(t);
  if (s && looksLikeOutlet(s[2], false) && /\s/.test(s[1])) {
    const names = bylineNames(s[1]);
    return names ? { names, agency: s[2] } : null;
  }
  return null;
}
