import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Sink } from '../sinks/index.ts';
import { requireBearer } from './auth.ts';
import { sinkErrorReply } from './sink-errors.ts';
import { streamRecords, type StreamHub } from './record-stream.ts';

export const PageQuerySchema = z.object({
  since: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  source: z.string().min(1).max(200).optional(),
});

export const StreamQuerySchema = PageQuerySchema.pick({ since: true, source: true });

function badRequest(reply: FastifyReply, error: z.ZodError) {
  return reply.code(400).send({ error: 'bad request', issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
}

/** GET /records, /records/stream, /records/:id: read-only access to the sink, same shape over every sink kind. */
export async function recordsApi(app: FastifyInstance, opts: { sink: Sink; hub: StreamHub; apiToken?: string }) {
  const { sink } = opts;
  if (opts.apiToken) app.addHook('onRequest', requireBearer(opts.apiToken, 'tinflow records'));

  app.get('/records', async (request, reply) => {
    const query = PageQuerySchema.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    try {
      const page = await sink.read({ since: query.data.since ?? null, limit: query.data.limit, source: query.data.source });
      return { records: page.records, nextCursor: page.nextCursor };
    } catch (err) {
      return sinkErrorReply(reply, err);
    }
  });

  app.get('/records/stream', async (request, reply) => {
    const query = StreamQuerySchema.safeParse(request.query);
    if (!query.success) return badRequest(reply, query.error);
    const lastEventId = request.headers['last-event-id'];
    const since = (Array.isArray(lastEventId) ? lastEventId[0] : lastEventId) || query.data.since;
    return streamRecords(request, reply, { sink, hub: opts.hub, since, source: query.data.source });
  });

  app.get<{ Params: { id: string } }>('/records/:id', async (request, reply) => {
    try {
      const record = await sink.get(request.params.id);
      if (!record) return reply.code(404).send({ error: 'not found', id: request.params.id });
      return record;
    } catch (err) {
      return sinkErrorReply(reply, err);
    }
  });
}
