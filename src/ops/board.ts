import type { FastifyInstance } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queues } from '../queues/index.ts';
import { requireAdmin } from './auth.ts';

export const BOARD_PATH = '/admin/queues';

/** Bull Board for the three queues: read-only without an admin token, writable (and guarded) with one. */
export async function adminBoard(app: FastifyInstance, opts: { queues: Queues; adminToken?: string }) {
  const { queues, adminToken } = opts;
  if (adminToken) app.addHook('onRequest', requireAdmin(adminToken, BOARD_PATH));
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: [queues.sources, queues.discover, queues.articles].map((q) => new BullMQAdapter(q, { readOnlyMode: !adminToken, allowRetries: Boolean(adminToken) })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'tinflow queues' } },
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: BOARD_PATH });
}
