import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { decodeBody } from '../../src/fetch/charset.ts';
import { FetchError, Fetcher } from '../../src/fetch/index.ts';
import { connectRedis, deleteKeys, rejection, startServer, testPrefix, testSource, type TestServer } from './helpers.ts';

// Sample text written for these tests, in the style of a Vietnamese news lead.
const VI = 'Hà Nội – Sáng nay, người dân phường Cửa Nam đã hưởng ứng ngày hội đọc sách. Ủy ban cho biết sự kiện sẽ được tổ chức thường niên, ưu tiên trẻ em và người cao tuổi.';

/**
 * windows-1258 has few precomposed letters: the rest is a base letter plus a combining
 * tone mark. Encode each NFC character as the shortest such sequence.
 */
function toWindows1258(text: string): Buffer {
  const single = (c: string): Buffer | null => {
    const b = iconv.encode(c, 'windows-1258');
    return iconv.decode(b, 'windows-1258') === c ? b : null;
  };
  const out: Buffer[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = single(ch);
    if (direct) {
      out.push(direct);
      continue;
    }
    const [base, ...marks] = [...ch.normalize('NFD')];
    const pieces = marks
      .map((m, i) => {
        const composed = (base + m).normalize('NFC');
        const head = [...composed].length === 1 ? single(composed) : null;
        const rest = marks.filter((_, j) => j !== i).map(single);
        return head && rest.every(Boolean) ? [head, ...(rest as Buffer[])] : null;
      })
      .find(Boolean) ?? [...ch.normalize('NFD')].map(single);
    if (!pieces.every(Boolean)) throw new Error(`cannot encode ${ch} in windows-1258`);
    out.push(...(pieces as Buffer[]));
  }
  return Buffer.concat(out);
}

const html = (body: string, head = '') => `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

describe('decodeBody', () => {
  it('decodes windows-1258 declared in the Content-Type', () => {
    const { text, charset } = decodeBody(toWindows1258(html(VI)), 'text/html; charset=windows-1258');
    expect(charset).toBe('windows-1258');
    expect(text.normalize('NFC')).toContain(VI);
    // Decoded but not normalized: windows-1258 yields combining marks, NFC is a later stage's job.
    expect(text).not.toContain(VI);
  });

  it('finds <meta charset> and http-equiv declarations in the first 4 KB', () => {
    const a = decodeBody(toWindows1258(html(VI, '<meta charset="windows-1258">')), 'text/html');
    expect(a.charset).toBe('windows-1258');
    expect(a.text.normalize('NFC')).toContain(VI);
    const b = decodeBody(toWindows1258(html(VI, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')), null);
    expect(b.charset).toBe('windows-1258');
    // A declaration past the first 4 KB is not looked at (ASCII content then sniffs as UTF-8).
    const late = decodeBody(Buffer.from(`<html><head>${' '.repeat(5000)}<meta charset="windows-1258"></head>plain</html>`), null);
    expect(late.charset).toBe('utf-8');
    const early = decodeBody(Buffer.from(`<html><head><meta charset="windows-1258"></head>plain</html>`), null);
    expect(early.charset).toBe('windows-1258');
  });

  it('uses the XML declaration of a feed', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Café crème</title></channel></rss>`;
    const { text, charset } = decodeBody(iconv.encode(xml, 'latin1'), 'application/rss+xml');
    expect(charset).toBe('windows-1252');
    expect(text).toContain('Café crème');
  });

  it('lets a BOM win over a wrong header (UTF-16LE, UTF-16BE, UTF-8)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(html(VI), 'utf-16le')]);
    const r1 = decodeBody(le, 'text/html; charset=iso-8859-1');
    expect(r1.charset).toBe('utf-16le');
    expect(r1.text).toContain(VI);
    expect(r1.text.charCodeAt(0)).not.toBe(0xfeff);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(html(VI), 'utf-16be')]);
    expect(decodeBody(be, null).text).toContain(VI);
    const u8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html(VI))]);
    const r3 = decodeBody(u8, 'text/html; charset=windows-1252');
    expect(r3.charset).toBe('utf-8');
    expect(r3.text.startsWith('<!doctype')).toBe(true);
  });

  it('never throws on invalid UTF-8: bad bytes become U+FFFD', () => {
    const bad = Buffer.concat([Buffer.from('<p>Đà Nẵng '), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80]), Buffer.from(' mưa to</p>')]);
    const { text, charset } = decodeBody(bad, 'text/html; charset=utf-8');
    expect(charset).toBe('utf-8');
    expect(text).toContain('Đà Nẵng');
    expect(text).toContain('mưa to');
    expect(text).toContain('\uFFFD');
  });

  it('sniffs when nothing is declared: valid UTF-8 first, then a guess', () => {
    expect(decodeBody(Buffer.from(html(VI)), 'text/html').charset).toBe('utf-8');
    const guessed = decodeBody(toWindows1258(html(VI + ' ' + VI)), 'text/html');
    expect(guessed.charset).toBe('windows-1258');
    expect(guessed.text.normalize('NFC')).toContain(VI);
  });

  it('ignores an unknown charset label and falls through', () => {
    const { charset } = decodeBody(Buffer.from(html(VI)), 'text/html; charset=x-no-such-thing');
    expect(charset).toBe('utf-8');
  });
});

describe('charsets and encodings over HTTP', () => {
  let redis: Redis;
  let fetcher: Fetcher;
  let server: TestServer;
  const prefix = testPrefix('charset');
  const sitemapXml = `<?xml version="1.0" encoding="UTF-8"?><urlset><url><loc>https://báo.example/tin-tức/1</loc></url></urlset>`;

  beforeAll(async () => {
    redis = connectRedis();
    fetcher = new Fetcher({ redis, prefix });
    server = await startServer((req, res) => {
      switch (req.url) {
        case '/cp1258':
          res.writeHead(200, { 'content-type': 'text/html; charset=windows-1258' }).end(toWindows1258(html(VI)));
          return;
        case '/cp1258-meta':
          res.writeHead(200, { 'content-type': 'text/html' }).end(toWindows1258(html(VI, '<meta charset="windows-1258">')));
          return;
        case '/utf16':
          res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(html(VI), 'utf-16le')]));
          return;
        case '/broken-utf8':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(Buffer.concat([Buffer.from('<html>Huế '), Buffer.from([0xe1, 0xba]), Buffer.from(' nắng</html>')]));
          return;
        case '/gzip':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(zlib.gzipSync(html(VI)));
          return;
        case '/br':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' }).end(zlib.brotliCompressSync(html(VI)));
          return;
        case '/deflate':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'deflate' }).end(zlib.deflateSync(html(VI)));
          return;
        case '/corrupt-gzip':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]));
          return;
        case '/sitemap.xml.gz':
          res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(zlib.gzipSync(sitemapXml));
          return;
        case '/sitemap-bomb.xml.gz':
          res.writeHead(200, { 'content-type': 'application/gzip' }).end(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
          return;
        case '/image':
          res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50]));
          return;
      }
      res.writeHead(404).end();
    });
  });

  afterAll(async () => {
    await fetcher.close();
    await server.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  });

  const source = testSource({ fetch: { maxDecodedBytes: 1024 * 1024 } });

  it('decodes a windows-1258 page (header or meta)', async () => {
    for (const path of ['/cp1258', '/cp1258-meta']) {
      const page = await fetcher.fetch({ url: server.url(path), source, kind: 'article' });
      expect(page.charset).toBe('windows-1258');
      expect(page.body.normalize('NFC')).toContain(VI);
    }
  });

  it('decodes a UTF-16 page with a BOM', async () => {
    const page = await fetcher.fetch({ url: server.url('/utf16'), source, kind: 'article' });
    expect(page.charset).toBe('utf-16le');
    expect(page.body).toContain(VI);
  });

  it('survives invalid UTF-8', async () => {
    const page = await fetcher.fetch({ url: server.url('/broken-utf8'), source, kind: 'article' });
    expect(page.body).toMatch(/^<html>Huế \uFFFD+ nắng<\/html>$/);
  });

  it('decodes gzip, br and deflate Content-Encoding, counting wire bytes', async () => {
    for (const path of ['/gzip', '/br', '/deflate']) {
      const page = await fetcher.fetch({ url: server.url(path), source, kind: 'article' });
      expect(page.body).toContain(VI);
      expect(page.bytes).toBeLessThan(Buffer.byteLength(html(VI)));
    }
    const sent = server.hits.find((h) => h.path === '/gzip')!.headers['accept-encoding'];
    expect(sent).toMatch(/gzip/);
  });

  it('fails a corrupt gzip body cleanly', async () => {
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/corrupt-gzip'), source, kind: 'article' }))) as FetchError;
    expect(err).toBeInstanceOf(FetchError);
    expect(err.reason).toBe('bad-content-encoding');
  });

  it('gunzips a .xml.gz sitemap served as a binary type, with the decoded cap', async () => {
    const page = await fetcher.fetch({ url: server.url('/sitemap.xml.gz'), source, kind: 'sitemap' });
    expect(page.body).toBe(sitemapXml);
    expect(page.charset).toBe('utf-8');
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/sitemap-bomb.xml.gz'), source, kind: 'sitemap' }))) as FetchError;
    expect(err.reason).toBe('decoded-too-large');
    expect(err.permanent).toBe(true);
  });

  it('refuses types a feed or sitemap cannot be', async () => {
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/image'), source, kind: 'feed' }))) as FetchError;
    expect(err.reason).toBe('bad-content-type');
    expect(err.permanent).toBe(true);
  });
});
