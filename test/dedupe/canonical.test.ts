import { describe, expect, it } from 'vitest';
import { canonicalText, contentHash, fingerprint, unifyToneMarks } from '../../src/dedupe/index.ts';
import { wordsOnly } from '../../src/dedupe/canonical.ts';
import { type Article, BRIDGE, BRIDGE_OTHER_REPORT, RATES, RICE, STORM, toNewStyle } from './fixtures/articles.ts';

describe('unifyToneMarks', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Hoà bình', 'Hòa bình'],
    ['HOÀ', 'HÒA'],
    ['hoá học', 'hóa học'],
    ['thoả thuận', 'thỏa thuận'],
    ['hoạ sĩ', 'họa sĩ'],
    ['hoè', 'hòe'],
    ['khoẻ', 'khỏe'],
    ['thuỷ', 'thủy'],
    ['Uỷ ban', 'Ủy ban'],
    ['tuỳ', 'tùy'],
    ['luỹ', 'lũy'],
    ['nguỵ', 'ngụy'],
    ['THUỶ', 'THỦY'],
    ['Thuỵ Điển.', 'Thụy Điển.'],
  ])('old style %s -> %s', (from, to) => {
    expect(unifyToneMarks(from)).toBe(to);
  });

  // Closed syllables, three-vowel nuclei and qu- already have one placement in both styles.
  it.each(['hoàng', 'khoảng', 'hoàn', 'toán', 'hoạch', 'ngoài', 'xoáy', 'khuỷu', 'huỳnh', 'quý', 'Quý', 'quỳ', 'QUÝ', 'thuyết', 'hòa', 'thủy', 'quà'])(
    'leaves %s alone',
    (word) => {
      expect(unifyToneMarks(word)).toBe(word);
    },
  );
});

describe('canonicalText', () => {
  it('lowercases, drops punctuation and zero-width characters, collapses whitespace', () => {
    expect(canonicalText('  “Hà Nội”,\u00A0ngày\u200B 12/3 …\n\n  Trời   MƯA!  ')).toBe('hà nội ngày 12 3 trời mưa');
  });

  it('composes decomposed Unicode and maps eth to đ', () => {
    expect(canonicalText('Đà Nẵng'.normalize('NFD'))).toBe('đà nẵng');
    expect(canonicalText('\u00D0à Nẵng')).toBe('đà nẵng');
  });

  it('keeps numbers apart that punctuation separated', () => {
    expect(canonicalText('tăng 1.5%')).not.toBe(canonicalText('tăng 15%'));
  });

  it.each([
    '(PLVN) - ',
    'NDO - ',
    'TTXVN - ',
    '(Chinhphu.vn) - ',
    'VOV.VN - ',
    'VTV.vn – ',
    '(Dân trí) – ',
    'Hà Nội (TTXVN) - ',
    'Hà Nội, 12/3 (TTXVN) – ',
  ])('removes the outlet prefix %j', (prefix) => {
    expect(canonicalText(`${prefix}Sáng nay, thành phố khởi công cầu mới.`)).toBe('sáng nay thành phố khởi công cầu mới');
  });

  it('does not take a hyphenated word for a prefix', () => {
    expect(canonicalText('COVID-19 lan nhanh')).toBe('covid 19 lan nhanh');
  });

  it.each([
    '\n\nTTXVN/Báo Tin tức',
    '\n\nTheo TTXVN',
    '\n\n(Theo Reuters)',
    ' (Theo Reuters)',
    ' (TTXVN)',
    '\n\nNguồn: Bộ Y tế',
    '\n\nTheo báo Lao Động',
    '\n\nTheo Reuters, AFP',
    '\n\nMinh Anh/VOV.VN',
    '\n\nTin, ảnh: Hoàng Hà',
    '\n\nNguyễn Minh Hằng',
    '\n\nHà Linh\n\nTheo TTXVN',
    '\n\nTheo vnexpress.net',
    '\n\nẢnh: TTXVN',
  ])('removes the trailing credit %j', (credit) => {
    expect(canonicalText(`Giá lúa tăng mạnh.${credit}`)).toBe('giá lúa tăng mạnh');
  });

  it('keeps a last sentence that starts with "Theo"', () => {
    expect(canonicalText('Giá lúa tăng.\n\nTheo Bộ Y tế, số ca mắc giảm')).toBe('giá lúa tăng theo bộ y tế số ca mắc giảm');
    expect(canonicalText('Giá lúa tăng.\n\nTheo kế hoạch, dự án xong năm 2026.')).toBe('giá lúa tăng theo kế hoạch dự án xong năm 2026');
    expect(canonicalText('Giá lúa tăng.\n\nTheo kế hoạch dự án xong năm sau')).toBe('giá lúa tăng theo kế hoạch dự án xong năm sau');
  });

  it('never strips a one-line text to nothing', () => {
    expect(canonicalText('Theo TTXVN')).toBe('theo ttxvn');
  });
});

type Pair = { name: string; a: Article; b: Article; same: boolean };

const retitled = (a: Article, title: string): Article => ({ ...a, title });
const mapText = (a: Article, f: (s: string) => string): Article => ({ title: a.title, lead: a.lead === null ? null : f(a.lead), body: f(a.body) });
const withPrefix = (a: Article, prefix: string): Article => ({ ...a, lead: prefix + a.lead });
const withCredit = (a: Article, credit: string): Article => ({ ...a, body: a.body + credit });
const leadInBody = (a: Article): Article => ({ title: a.title, lead: null, body: `${a.lead}\n\n${a.body}` });

const STUB_BODY = 'Mời quý vị và các bạn theo dõi video.';

const PAIRS: Pair[] = [
  { name: 'identical', a: BRIDGE, b: BRIDGE, same: true },
  { name: 'decomposed Unicode (NFD)', a: BRIDGE, b: mapText(BRIDGE, (s) => s.normalize('NFD')), same: true },
  { name: 'old vs new tone placement', a: BRIDGE, b: mapText(BRIDGE, toNewStyle), same: true },
  { name: 'old vs new tone placement, upper case', a: RATES, b: mapText(RATES, (s) => toNewStyle(s).replace('Ngân hàng Nhà nước khẳng định', 'NGÂN HÀNG NHÀ NƯỚC KHẲNG ĐỊNH')), same: true },
  { name: 'retitled copy', a: BRIDGE, b: retitled(BRIDGE, 'Khởi công cây cầu thứ bảy qua sông Hồng'), same: true },
  { name: '(PLVN) prefix', a: RICE, b: withPrefix(RICE, '(PLVN) - '), same: true },
  { name: 'NDO prefix vs TTXVN dateline prefix', a: withPrefix(STORM, 'NDO - '), b: withPrefix(STORM, 'Hà Nội (TTXVN) – '), same: true },
  { name: 'VOV.VN prefix and (Chinhphu.vn) prefix', a: withPrefix(RATES, 'VOV.VN - '), b: withPrefix(RATES, '(Chinhphu.vn) - '), same: true },
  { name: 'trailing credit TTXVN/Báo Tin tức', a: STORM, b: withCredit(STORM, '\n\nTTXVN/Báo Tin tức'), same: true },
  { name: 'Theo TTXVN vs (Theo Reuters)', a: withCredit(RICE, '\n\nTheo TTXVN'), b: withCredit(RICE, ' (Theo Reuters)'), same: true },
  { name: 'Nguồn: credit and byline', a: withCredit(BRIDGE, '\n\nNguồn: Sở Giao thông vận tải Hà Nội'), b: withCredit(BRIDGE, '\n\nTrần Minh Đức'), same: true },
  {
    name: 'whitespace, zero-width, quotes, ellipsis, CRLF',
    a: RATES,
    b: mapText(RATES, (s) => s.replaceAll(' ', '  ').replaceAll('\n\n', '\r\n\r\n \u200B').replaceAll(',', ' ,').replaceAll('.', '…')),
    same: true,
  },
  { name: 'lead given separately vs first paragraph of body', a: STORM, b: leadInBody(STORM), same: true },
  { name: 'different articles', a: BRIDGE, b: RICE, same: false },
  { name: 'same event, different article', a: BRIDGE, b: BRIDGE_OTHER_REPORT, same: false },
  { name: 'one sentence differs: giữ nguyên vs tăng', a: RATES, b: mapText(RATES, (s) => s.replace('lãi suất tái cấp vốn được giữ ở mức 4,5%', 'lãi suất tái cấp vốn được nâng lên mức 4,5%')), same: false },
  { name: 'negation added', a: STORM, b: mapText(STORM, (s) => s.replace('bão có xu hướng suy yếu', 'bão không có xu hướng suy yếu')), same: false },
  { name: 'number changed 1.200 -> 12.000', a: BRIDGE, b: mapText(BRIDGE, (s) => s.replace('1.200 hộ', '12.000 hộ')), same: false },
  { name: 'hoà vs hoàn (tone rule must not eat letters)', a: mapText(RICE, (s) => `${s} Kết quả hoà thành công.`), b: mapText(RICE, (s) => `${s} Kết quả hoàn thành công.`), same: false },
  { name: 'last paragraph dropped', a: RICE, b: { ...RICE, body: RICE.body.split('\n\n').slice(0, -1).join('\n\n') }, same: false },
  { name: 'video stubs: same stock body, different titles', a: { title: 'Lũ quét ở Lào Cai', lead: null, body: STUB_BODY }, b: { title: 'Khai mạc lễ hội hoa', lead: null, body: STUB_BODY }, same: false },
  { name: 'same title, different bodies', a: RICE, b: retitled(STORM, RICE.title), same: false },
];

describe('contentHash collision table', () => {
  it.each(PAIRS)('$name -> same hash: $same', ({ a, b, same }) => {
    expect(contentHash(a) === contentHash(b)).toBe(same);
  });

  it('has no false merge and no missed merge over the table', () => {
    const falseMerges = PAIRS.filter((p) => !p.same && contentHash(p.a) === contentHash(p.b)).map((p) => p.name);
    const missedMerges = PAIRS.filter((p) => p.same && contentHash(p.a) !== contentHash(p.b)).map((p) => p.name);
    expect(PAIRS.length).toBeGreaterThanOrEqual(12);
    expect({ falseMerges, missedMerges }).toEqual({ falseMerges: [], missedMerges: [] });
  });

  it('is sha256 hex and matches fingerprint()', () => {
    expect(contentHash(BRIDGE)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(BRIDGE).contentHash).toBe(contentHash(BRIDGE));
    expect(fingerprint(BRIDGE).simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint({ title: 'Video', lead: null, body: STUB_BODY }).simhash).toBeNull();
  });
});

describe('wordsOnly', () => {
  const reference = (t: string) => t.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();

  it('matches the Unicode-property regex it replaces', () => {
    const samples = [
      '',
      '   ',
      'hà nội, ngày 12/3 — trời mưa!',
      '“a” "b" (c) [d] {e} 1.5 15 ½ ² ٣ 五',
      'ti\u0301ếng vie\u0323̂t combining marks',
      'emoji 😀 math 𝐀𝐁 cjk-b 𠀀 lone \ud800 x \udc00 y',
      '\u00a0\u2000\u200b\ufeff\t\n edge',
    ];
    // Random strings over a mix of ASCII, Vietnamese, punctuation, marks and surrogates.
    const pool = ['a', 'Z', '0', ' ', '.', ',', '-', 'đ', 'ố', '\u0301', '“', '€', '😀', '\ud83d', '\ude00', '𝐀', '\u00a0', 'İ', 'ß', '٣', '_'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 500; k++) samples.push(Array.from({ length: Math.floor(rnd() * 30) }, () => pool[Math.floor(rnd() * pool.length)]).join(''));
    for (const s of samples) expect(wordsOnly(s)).toBe(reference(s));
  });
});
