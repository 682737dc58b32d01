import { open, stat } from 'node:fs/promises';

export type LineHandler = (text: string, lineNo: number, offset: number, byteLength: number) => void;

/**
 * Follows an append-only file: each catchUp() hands every new complete line
 * (terminated by \n) to the handler, with its 1-based number and byte span.
 * A trailing fragment without \n is left for the next call.
 */
export class LineTail {
  offset = 0;
  lines = 0;

  constructor(
    readonly path: string,
    private readonly onLine: LineHandler,
  ) {}

  /** Returns the number of trailing bytes not yet terminated by a newline. */
  async catchUp(): Promise<number> {
    // Nothing new (the usual case): one stat instead of open + fstat + close.
    try {
      const { size } = await stat(this.path);
      if (size === this.offset) return 0;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    let fh;
    try {
      fh = await open(this.path, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    try {
      const { size } = await fh.stat();
      if (size < this.offset) {
        throw new Error(`${this.path} shrank from ${this.offset} to ${size} bytes (truncated or replaced): reopen the sink`);
      }
      let chunk = 4 * 1024 * 1024;
      while (this.offset < size) {
        const want = Math.min(chunk, size - this.offset);
        const buf = Buffer.allocUnsafe(want);
        const { bytesRead } = await fh.read(buf, 0, want, this.offset);
        const lastNewline = bytesRead > 0 ? buf.lastIndexOf(10, bytesRead - 1) : -1;
        if (lastNewline < 0) {
          if (bytesRead === want && want < size - this.offset) {
            chunk *= 2; // one line longer than the chunk: read more at once
            continue;
          }
          return size - this.offset;
        }
        let start = 0;
        while (start <= lastNewline) {
          const nl = buf.indexOf(10, start);
          this.lines++;
          this.onLine(buf.toString('utf8', start, nl), this.lines, this.offset + start, nl - start);
          start = nl + 1;
        }
        this.offset += lastNewline + 1;
      }
      return 0;
    } finally {
      await fh.close();
    }
  }

  /**
   * Lines this process appended itself, known to start at the current offset (nobody wrote
   * in between): counted and skipped without reading them back. Returns each line's number
   * and byte offset.
   */
  skipOwn(byteLengths: readonly number[]): { line: number; offset: number }[] {
    return byteLengths.map((n) => {
      const at = { line: ++this.lines, offset: this.offset };
      this.offset += n + 1;
      return at;
    });
  }
}

/** Reads byte spans of a file, in order, through one handle. */
export async function readSpans(path: string, spans: ReadonlyArray<{ offset: number; byteLength: number }>): Promise<string[]> {
  if (spans.length === 0) return [];
  const fh = await open(path, 'r');
  try {
    const out: string[] = [];
    for (const { offset, byteLength } of spans) {
      const buf = Buffer.allocUnsafe(byteLength);
      const { bytesRead } = await fh.read(buf, 0, byteLength, offset);
      out.push(buf.toString('utf8', 0, bytesRead));
    }
    return out;
  } finally {
    await fh.close();
  }
}
