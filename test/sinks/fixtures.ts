import { createHash } from 'node:crypto';
import type { ArticleRecord } from '../../src/schemas/record.ts';
import type { Sink } from '../../src/sinks/index.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// Sample text written for these tests, in the style of a Vietnamese news brief.
const BODIES = [
  'Sáng nay, mưa lớn kéo dài khiến nhiều tuyến phố ở trung tâm thành phố bị ngập sâu. Lực lượng chức năng đã được điều động để hướng dẫn giao thông.',
  'Hội nghị xúc tiến đầu tư năm nay thu hút hơn hai trăm doanh nghiệp trong và ngoài nước tham dự, tập trung vào năng lượng tái tạo và hạ tầng số.',
  'Đội tuyển bóng đá quốc gia đã có buổi tập đầu tiên trên sân mới, huấn luyện viên cho biết các cầu thủ đều trong trạng thái sung sức.',
  'Giá rau xanh tại các chợ đầu mối tăng nhẹ sau đợt rét đậm, tuy nhiên nguồn cung được dự báo sẽ ổn định trở lại vào cuối tuần.',
];

/** A valid record; `n` makes id, url and content unique unless overridden. */
export function makeRecord(n: number, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  const body = `${BODIES[n % BODIES.length]} (bản tin số ${n})`;
  const url = `https://tin.example.vn/thoi-su/ban-tin-${n}.html`;
  return {
    id: sha256(url).slice(0, 24),
    url,
    canonicalUrl: url,
    source: n % 2 === 0 ? 'bao-a' : 'bao-b',
    title: `Bản tin thời sự số ${n}`,
    lead: 'Tóm tắt nhanh các sự kiện đáng chú ý trong ngày.',
    body,
    bodyHtml: `<p>${body}</p>`,
    authors: ['Nguyễn Văn An'],
    agency: null,
    publishedAt: '2026-11-20T08:15:00+07:00',
    modifiedAt: null,
    section: 'Thời sự',
    tags: ['thời sự', 'đô thị'],
    language: 'vi',
    images: [{ url: 'https://tin.example.vn/anh/1.jpg', caption: 'Đường phố sau cơn mưa', credit: null }],
    wordCount: body.split(/\s+/).length,
    contentHash: sha256(body),
    simhash: '0123456789abcdef',
    duplicateOf: null,
    fetchedAt: '2026-11-20T01:20:00.000Z',
    schemaVersion: 1,
    ...overrides,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Pages through everything. PostgreSQL may hold rows back while any transaction
 * in the cluster is still open (other test files share the server), so when
 * `expected` is given, an empty page before that count waits and polls again.
 */
export async function readAll(
  sink: Sink,
  opts: { limit: number; source?: string; since?: string | null; expected?: number },
): Promise<{ records: ArticleRecord[]; pages: number[]; cursor: string | null }> {
  const records: ArticleRecord[] = [];
  const pages: number[] = [];
  let cursor = opts.since ?? null;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const page = await sink.read({ since: cursor, limit: opts.limit, source: opts.source });
    if (page.records.length === 0) {
      expectNull(page.nextCursor);
      if (opts.expected !== undefined && records.length < opts.expected && Date.now() < deadline) {
        await sleep(25);
        continue;
      }
      return { records, pages, cursor };
    }
    pages.push(page.records.length);
    records.push(...page.records);
    cursor = page.nextCursor;
  }
}

function expectNull(v: unknown) {
  if (v !== null) throw new Error(`an empty page must have nextCursor null, got ${String(v)}`);
}
