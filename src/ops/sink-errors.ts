import type { FastifyReply } from 'fastify';
import { InvalidCursorError, SinkUnavailableError } from '../sinks/index.ts';

/** 400 for a cursor this sink did not produce, 503 while the store is unreachable; anything else is a 500. */
export function sinkErrorReply(reply: FastifyReply, err: unknown) {
  if (err instanceof InvalidCursorError) return reply.code(400).send({ error: 'invalid cursor', detail: err.message });
  if (err instanceof SinkUnavailableError) return reply.code(503).send({ error: 'sink unavailable', detail: err.message });
  throw err;
}
