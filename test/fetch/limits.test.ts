import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { FetchError, Fetcher } from '../../src/fetch/index.ts';
import { metrics } from '../../src/ops/metrics.ts';
import { connectRedis, deleteKeys, rejection, startServer, testPrefix, testSource, type TestServer } from './helpers.ts';

const MB = 1024 * 1024;

describe('fetch limits against misbehaving servers', () => {
  let redis: Redis;
  let fetcher: Fetcher;
  let server: TestServer;
  const prefix = testPrefix('limits');
  const bigBody = { bytesWritten: 0, closedEarly: false, finished: false };
  const bomb = zlib.gzipSync(Buffer.alloc(30 * MB, 0x41));

  beforeAll(async () => {
    redis = connectRedis();
    fetcher = new Fetcher({ redis, prefix });
    server = await startServer((req, res) => {
      switch (req.url) {
        case '/ok':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><p>Xin chào</p></body></html>');
          return;
        case '/drip': {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.write('<html>');
          // Slower than the 300 ms body timeout (undici's body timer ticks at ~0.5 s, so leave a clear gap).
          const t = setInterval(() => res.write(' '), 1_500);
          res.on('close', () => clearInterval(t));
          return;
        }
        case '/hang':
          return; // headers never come
        case '/big': {
          // 50 MB, chunked (no Content-Length): only the streaming cap can stop it.
          res.writeHead(200, { 'content-type': 'text/html' });
          const chunk = Buffer.alloc(64 * 1024, 0x61);
          const total = 50 * MB;
          const pump = () => {
            while (bigBody.bytesWritten < total && !res.destroyed) {
              bigBody.bytesWritten += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            if (!res.destroyed) res.end();
          };
          res.on('close', () => (bigBody.closedEarly = !res.writableFinished));
          res.on('finish', () => (bigBody.finished = true));
          pump();
          return;
        }
        case '/declared-big':
          res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * MB) });
          res.write('<html>');
          return;
        case '/bomb':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
          return;
        case '/loop-a':
          res.writeHead(302, { location: '/loop-b' }).end();
          return;
        case '/loop-b':
          res.writeHead(301, { location: '/loop-a' }).end();
          return;
        case '/pdf':
          res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
          return;
        case '/no-type-html':
          res.writeHead(200).end('<!doctype html><html><body>ok</body></html>');
          return;
        case '/no-type-binary':
          res.writeHead(200).end(Buffer.from([0, 1, 2, 3, 4]));
          return;
        case '/garbage':
          req.socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: nope\r\n\r\nhi');
          return;
        case '/huge-headers':
          req.socket.end(`HTTP/1.1 200 OK\r\nX-Filler: ${'a'.repeat(64 * 1024)}\r\nContent-Length: 2\r\n\r\nhi`);
          return;
        case '/cut-short':
          res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
          res.write('<html>only part');
          setTimeout(() => res.socket?.destroy(), 20);
          return;
        case '/to-ftp':
          res.writeHead(302, { location: 'ftp://example.com/file' }).end();
          return;
      }
      const chain = req.url?.match(/^\/chain\/(\d+)$/);
      if (chain) {
        const n = Number(chain[1]);
        if (n === 0) res.writeHead(200, { 'content-type': 'text/html' }).end('<html>end</html>');
        else res.writeHead(301, { location: `/chain/${n - 1}` }).end();
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

  const source = testSource({ fetch: { headersTimeoutMs: 300, bodyTimeoutMs: 300, totalTimeoutMs: 5_000, maxBodyBytes: 1 * MB, maxDecodedBytes: 2 * MB } });

  it('fetches a normal page', async () => {
    const page = await fetcher.fetch({ url: server.url('/ok'), source, kind: 'article' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Xin chào');
    expect(page.url).toBe(server.url('/ok'));
    expect(page.notModified).toBe(false);
    expect(page.bytes).toBe(Buffer.byteLength('<html><body><p>Xin chào</p></body></html>'));
    const counted = (await metrics.fetchBytes.get()).values.find((v) => v.labels.host === server.host)?.value;
    expect(counted).toBe(page.bytes);
  });

  it('gives up on a slow drip with a transient timeout (body timeout)', async () => {
    const t0 = Date.now();
    const err = await rejection(() => fetcher.fetch({ url: server.url('/drip'), source, kind: 'article' }));
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).reason).toBe('timeout');
    expect((err as FetchError).permanent).toBe(false);
    expect((err as FetchError).message).toMatch(/BODY_TIMEOUT/);
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('gives up on a connection that never sends headers (headers timeout)', async () => {
    const t0 = Date.now();
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/hang'), source, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('timeout');
    expect(err.permanent).toBe(false);
    expect(err.message).toMatch(/HEADERS_TIMEOUT/);
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('enforces the total time limit even when each read is fast enough', async () => {
    const tight = testSource({ fetch: { headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000, totalTimeoutMs: 400 } });
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/hang'), source: tight, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('timeout');
    expect(err.message).toMatch(/total time/);
  });

  it('aborts a 50 MB body at the cap and closes the connection early', async () => {
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/big'), source, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('too-large');
    expect(err.permanent).toBe(true);
    await expect.poll(() => bigBody.closedEarly, { timeout: 2_000 }).toBe(true);
    expect(bigBody.finished).toBe(false);
    // The server could only push the cap plus what sat in socket buffers when we hung up.
    expect(bigBody.bytesWritten).toBeLessThan(10 * MB);
  });

  it('refuses a declared Content-Length over the cap before reading the body', async () => {
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/declared-big'), source, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('too-large');
    expect(err.message).toMatch(/Content-Length/);
  });

  it('fails a gzip bomb cleanly on the decoded cap', async () => {
    expect(bomb.length).toBeLessThan(source.fetch.maxBodyBytes); // small on the wire...
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/bomb'), source, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('decoded-too-large'); // ...huge once inflated
    expect(err.permanent).toBe(true);
  });

  it('detects a redirect loop', async () => {
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/loop-a'), source, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('redirect-loop');
    expect(err.permanent).toBe(true);
    expect(server.paths().filter((p) => p.startsWith('/loop-')).length).toBe(2);
  });

  it('follows up to maxRedirects and no further', async () => {
    const five = testSource({ fetch: { maxRedirects: 5 } });
    const page = await fetcher.fetch({ url: server.url('/chain/5'), source: five, kind: 'article' });
    expect(page.url).toBe(server.url('/chain/0'));
    expect(page.requestedUrl).toBe(server.url('/chain/5'));
    const err = (await rejection(() => fetcher.fetch({ url: server.url('/chain/6'), source: five, kind: 'article' }))) as FetchError;
    expect(err.reason).toBe('too-many-redirects');
    expect(err.permanent).toBe(true);
  });

  it('refuses non-HTML for articles, and sniffs a missing Content-Type', async () => {
    const pdf = (await rejection(() => fetcher.fetch({ url: server.url('/pdf'), source, kind: 'article' }))) as FetchError;
    expect(pdf.reason).toBe('not-html');
    expect(pdf.permanent).toBe(true);
    const bin = (await rejection(() => fetcher.fetch({ url: server.url('/no-type-binary'), source, kind: 'listing' }))) as FetchError;
    expect(bin.reason).toBe('not-html');
    const page = await fetcher.fetch({ url: server.url('/no-type-html'), source, kind: 'article' });
    expect(page.body).toContain('<html>');
  });

  it('classifies broken responses: malformed, oversized headers, body cut short', async () => {
    const garbage = (await rejection(() => fetcher.fetch({ url: server.url('/garbage'), source, kind: 'article' }))) as FetchError;
    expect(garbage.reason).toBe('bad-response');
    expect(garbage.permanent).toBe(false);
    const huge = (await rejection(() => fetcher.fetch({ url: server.url('/huge-headers'), source, kind: 'article' }))) as FetchError;
    expect(huge.reason).toBe('bad-response');
    expect(huge.permanent).toBe(true);
    const cut = (await rejection(() => fetcher.fetch({ url: server.url('/cut-short'), source, kind: 'article' }))) as FetchError;
    expect(cut.reason).toBe('connection');
    expect(cut.permanent).toBe(false);
  });

  it('refuses non-http schemes, also on a redirect', async () => {
    const direct = (await rejection(() => fetcher.fetch({ url: 'file:///etc/passwd', source, kind: 'article' }))) as FetchError;
    expect(direct.reason).toBe('bad-scheme');
    expect(direct.permanent).toBe(true);
    const hop = (await rejection(() => fetcher.fetch({ url: server.url('/to-ftp'), source, kind: 'article' }))) as FetchError;
    expect(hop.reason).toBe('bad-scheme');
  });
});
