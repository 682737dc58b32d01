import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { FetchError } from './errors.ts';

export interface BodyLimits {
  maxBodyBytes: number;
  maxDecodedBytes: number;
  /** Keep the first maxDecodedBytes instead of failing (robots.txt: rules past the limit are ignored). */
  truncateDecoded?: boolean;
}

/** Passes chunks through, failing the whole pipeline as soon as more than `max` bytes went by. */
function byteCap(max: number, onExceed: () => Error, onBytes: (n: number) => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      onBytes(chunk.length);
      if (seen > max) return done(onExceed());
      done(null, chunk);
    },
  });
}

/** Thrown by the collecting sink to stop the pipeline once a truncated body is complete. */
class Truncated extends Error {}

function decoderFor(coding: string, host: string): Transform | null {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'identity':
    case '':
      return null;
    default:
      throw new FetchError('unsupported-encoding', { host, permanent: true, message: `unsupported Content-Encoding "${coding}" (${host})` });
  }
}

/**
 * Streams a response body into memory, counting wire bytes and decoded bytes as they
 * arrive: the stream is destroyed (and the connection closed) the moment either cap is
 * passed, so a 50 MB body or a decompression bomb never gets buffered.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | null,
  limits: BodyLimits,
  host: string,
): Promise<{ buffer: Buffer; bytes: number }> {
  let bytes = 0;
  const codings = (contentEncoding ?? '').toLowerCase().split(',').map((c) => c.trim()).filter(Boolean).reverse();
  let decoders: Transform[];
  try {
    decoders = codings.map((c) => decoderFor(c, host)).filter((d): d is Transform => d !== null);
  } catch (err) {
    body.on('error', () => undefined);
    body.destroy();
    throw err;
  }
  if (decoders.length === 0) return readPlain(body, limits, host);
  const chunks: Buffer[] = [];
  let decoded = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      const room = limits.maxDecodedBytes - decoded;
      if (chunk.length <= room) {
        chunks.push(chunk);
        decoded += chunk.length;
        return done();
      }
      if (!limits.truncateDecoded) {
        return done(new FetchError('decoded-too-large', { host, permanent: true, message: `decoded body larger than ${limits.maxDecodedBytes} bytes (${host})` }));
      }
      chunks.push(chunk.subarray(0, room));
      done(new Truncated());
    },
  });
  const tooLarge = () => new FetchError('too-large', { host, permanent: true, message: `body larger than ${limits.maxBodyBytes} bytes (${host})` });
  const stages = [body, byteCap(limits.maxBodyBytes, tooLarge, (n) => (bytes += n)), ...decoders, sink];
  try {
    await pipeline(stages as unknown as [Readable, Writable]);
  } catch (err) {
    if (err instanceof Truncated) return { buffer: Buffer.concat(chunks), bytes };
    if (err instanceof FetchError) throw err;
    if (isZlibError(err)) {
      throw new FetchError('bad-content-encoding', { host, permanent: true, message: `corrupt ${contentEncoding} body (${host})`, cause: err });
    }
    throw err;
  }
  return { buffer: Buffer.concat(chunks), bytes };
}

/**
 * readBody for a body without Content-Encoding (most pages): the same caps, checked as chunks
 * arrive, without the cost of a stream pipeline (transform, writable, abort controller) per page.
 */
function readPlain(body: Readable, limits: BodyLimits, host: string): Promise<{ buffer: Buffer; bytes: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const detach = () => {
      body.removeListener('data', onData);
      body.removeListener('end', onEnd);
      body.removeListener('error', onError);
    };
    const stop = () => {
      detach();
      body.on('error', () => undefined);
      body.destroy();
    };
    const onData = (chunk: Buffer) => {
      const room = limits.maxDecodedBytes - bytes;
      bytes += chunk.length;
      if (bytes > limits.maxBodyBytes) {
        stop();
        return reject(new FetchError('too-large', { host, permanent: true, message: `body larger than ${limits.maxBodyBytes} bytes (${host})` }));
      }
      if (chunk.length <= room) return void chunks.push(chunk);
      stop();
      if (!limits.truncateDecoded) {
        return reject(new FetchError('decoded-too-large', { host, permanent: true, message: `decoded body larger than ${limits.maxDecodedBytes} bytes (${host})` }));
      }
      chunks.push(chunk.subarray(0, room));
      resolve({ buffer: Buffer.concat(chunks), bytes });
    };
    const onEnd = () => {
      detach();
      resolve({ buffer: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), bytes });
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
  });
}

function isZlibError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  return code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1';
}

const gunzipAsync = promisify(zlib.gunzip);

export function isGzip(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** Gunzips a whole payload (a .xml.gz sitemap) with the same decoded-size cap. */
export async function gunzipCapped(buf: Buffer, maxDecodedBytes: number, host: string): Promise<Buffer> {
  try {
    return await gunzipAsync(buf, { maxOutputLength: maxDecodedBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new FetchError('decoded-too-large', { host, permanent: true, message: `gunzipped body larger than ${maxDecodedBytes} bytes (${host})` });
    }
    throw new FetchError('bad-content-encoding', { host, permanent: true, message: `corrupt gzip payload (${host})`, cause: err });
  }
}
