import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Sink, Unsubscribe } from '../sinks/index.ts';
import { sinkErrorReply } from './sink-errors.ts';

export interface StreamHubOptions {
  /** How often streams re-read the sink when the sink cannot notify (default 1 s). */
  pollMs?: number;
  /** Re-read interval while notifications are on: they are lost during a reconnect (default 15 s). */
  safetyPollMs?: number;
  /** SSE comment lines keep proxies from closing an idle stream (default 15 s). */
  heartbeatMs?: number;
  onError?: (err: Error) => void;
}

const MAX_CACHED_TAILS = 1000;

/**
 * Wakes every open /records/stream: on a PostgreSQL NOTIFY when the sink can
 * subscribe (one LISTEN connection for all clients), else on a polling timer.
 */
export class StreamHub {
  readonly heartbeatMs: number;
  private readonly pollMs: number;
  private readonly safetyPollMs: number;
  private readonly wakers = new Set<() => void>();
  private readonly closers = new Set<() => void>();
  private subscription: Promise<Unsubscribe | null> | null = null;
  private listening = false;
  private timer: NodeJS.Timeout | null = null;
  private timerMs = 0;
  private readonly tails = new Map<string, string>();

  constructor(
    private readonly sink: Sink,
    private readonly opts: StreamHubOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 1000;
    this.safetyPollMs = opts.safetyPollMs ?? 15_000;
    this.heartbeatMs = opts.heartbeatMs ?? 15_000;
  }

  /** Where the newest record was last seen, per source ('' = all): later streams page forward from there, not from the start. */
  async tail(source?: string): Promise<string | null> {
    const key = source ?? '';
    const cursor = await tailCursor(this.sink, source, this.tails.get(key) ?? null);
    if (this.tails.size >= MAX_CACHED_TAILS) this.tails.clear(); // ?source= is caller input: keep the map bounded
    if (cursor) this.tails.set(key, cursor);
    return cursor;
  }

  /** True while wake-ups come from the sink's notifications rather than polling. */
  get notifying(): boolean {
    return this.listening;
  }

  /** Open streams. */
  get size(): number {
    return this.wakers.size;
  }

  /** Registers a stream; returns its unregister function. */
  add(wake: () => void, close: () => void): () => void {
    this.wakers.add(wake);
    this.closers.add(close);
    this.ensureSubscribed();
    this.retime();
    return () => {
      this.wakers.delete(wake);
      this.closers.delete(close);
      if (this.wakers.size === 0) this.stopTimer();
    };
  }

  async close(): Promise<void> {
    for (const close of [...this.closers]) close();
    this.stopTimer();
    const unsubscribe = await this.subscription;
    this.subscription = null;
    this.listening = false;
    await unsubscribe?.().catch(() => {});
  }

  private wakeAll = () => {
    for (const wake of this.wakers) wake();
  };

  private ensureSubscribed() {
    if (this.subscription || !this.sink.subscribe) return;
    const onError = (err: Error) => {
      this.opts.onError?.(err);
      // Fall back to polling; the next stream that opens tries to listen again.
      const dropped = this.subscription;
      this.subscription = null;
      this.listening = false;
      this.retime();
      void dropped?.then((unsubscribe) => unsubscribe?.()).catch(() => {});
    };
    this.subscription = this.sink.subscribe(() => this.wakeAll(), onError).then(
      (unsubscribe) => {
        this.listening = true;
        this.retime();
        // Inserts made before LISTEN took effect sent no notification: look once now.
        this.wakeAll();
        return unsubscribe;
      },
      (err: Error) => {
        onError(err);
        return null;
      },
    );
  }

  private retime() {
    if (this.wakers.size === 0) return;
    const ms = this.listening ? this.safetyPollMs : this.pollMs;
    if (this.timer && this.timerMs === ms) return;
    this.stopTimer();
    this.timerMs = ms;
    this.timer = setInterval(this.wakeAll, ms);
    this.timer.unref();
  }

  private stopTimer() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/**
 * The cursor after the newest record (of one source): where a stream without a position
 * starts. The sink has no "last cursor" query, so this pages forward from `from`.
 */
export async function tailCursor(sink: Sink, source?: string, from: string | null = null): Promise<string | null> {
  const pageSize = 1000;
  let cursor = from;
  for (;;) {
    const page = await sink.read({ since: cursor, limit: pageSize, source });
    if (page.records.length === 0 || !page.nextCursor) return cursor;
    cursor = page.nextCursor;
    if (page.records.length < pageSize) return cursor;
  }
}

/**
 * Server-sent events: `id: <cursor>` + `data: <record JSON>` for every record after
 * `since` (from Last-Event-ID or ?since=, else only records inserted from now on).
 * Records are read one by one so that every event carries its own resumable cursor.
 */
export async function streamRecords(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { sink: Sink; hub: StreamHub; since?: string; source?: string },
) {
  const { sink, hub, source } = opts;
  let cursor: string | null;
  try {
    if (opts.since) await sink.read({ since: opts.since, limit: 1, source }); // rejects a foreign cursor with 400 before streaming
    cursor = opts.since ?? (await hub.tail(source));
  } catch (err) {
    return sinkErrorReply(reply, err);
  }

  reply.hijack();
  const res = reply.raw;
  const socket = res.socket; // detached from res once the response ends
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');

  let closed = false;
  let draining = false;
  let again = false;

  const send = async (chunk: string) => {
    if (res.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };

  const drain = async () => {
    if (closed) return;
    if (draining) {
      again = true;
      return;
    }
    draining = true;
    try {
      do {
        again = false;
        while (!closed) {
          const page = await sink.read({ since: cursor, limit: 1, source });
          const record = page.records[0];
          if (!record || !page.nextCursor) break;
          cursor = page.nextCursor;
          await send(`id: ${cursor}\ndata: ${JSON.stringify(record)}\n\n`);
        }
      } while (again && !closed);
    } catch (err) {
      // A sink outage: keep the stream open, the next wake-up retries from the same cursor.
      request.log.warn({ err: (err as Error).message }, 'record stream read failed');
    } finally {
      draining = false;
    }
  };

  const heartbeat = setInterval(() => {
    if (!closed) res.write(': keep-alive\n\n');
  }, hub.heartbeatMs);
  heartbeat.unref();

  // Server shutdown: end the stream and drop the connection, or server.close() waits on it.
  const close = () => {
    if (!closed) res.end(() => socket?.destroy());
    cleanup();
  };
  const unregister = hub.add(() => void drain(), close);
  function cleanup() {
    closed = true;
    clearInterval(heartbeat);
    unregister();
  }
  res.on('close', cleanup);
  void drain();
}
