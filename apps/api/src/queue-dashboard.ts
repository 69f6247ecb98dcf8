import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PlenumConfig } from '@plenum/config';
import { queueNames } from '@plenum/contracts';
import { bullConnection } from '@plenum/platform';
import {
  QUEUE_DASHBOARD_COOKIE,
  QUEUE_DASHBOARD_PATH,
  QueueDashboardAccess,
} from '@plenum/reminders';
import type { QueueDashboardVerdict } from '@plenum/reminders';

const refusals: Record<
  Exclude<QueueDashboardVerdict, 'allowed'>,
  { status: number; html: string }
> = {
  'signed-out': {
    status: 401,
    html: page(
      'Anmeldung nötig · Sign-in required',
      '<p lang="de">Die Warteschlangen sind für die Administration dieser Installation. Melden Sie sich an und öffnen Sie sie aus der Verwaltung einer Veranstaltung.</p>' +
        '<p lang="en">The queues are for the administrators of this installation. Sign in and open them from an event’s admin page.</p>' +
        '<p><a href="/login">Anmelden · Sign in</a></p>',
    ),
  },
  forbidden: {
    status: 403,
    html: page(
      'Kein Zugriff · No access',
      '<p lang="de">Die Warteschlangen enthalten die Aufträge aller Veranstaltungen und sind nur für die Administration dieser Installation zugänglich.</p>' +
        '<p lang="en">The queues hold every event’s jobs and are only for the administrators of this installation.</p>' +
        '<p><a href="/">Zur Startseite · Home</a></p>',
    ),
  },
};

function page(title: string, body: string): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

/**
 * bull-board at `/admin/queues`, for installation admins only, and read-only (no retry, add,
 * clean or remove) unless QUEUE_DASHBOARD_WRITABLE says otherwise. The SPA's bearer token does not reach a
 * server-rendered page, so every request here is checked against the dashboard cookie
 * (see QueueDashboardAccess). The queues are opened on the first allowed request, so an api that
 * nobody opens the dashboard on holds no extra Redis connections.
 */
export async function mountQueueDashboard(
  app: NestFastifyApplication,
  config: PlenumConfig,
): Promise<void> {
  const access = app.get(QueueDashboardAccess);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Plenum' } },
  });
  let queues: Queue[] | null = null;
  const openQueues = () => {
    if (queues) return;
    queues = Object.values(queueNames).map((name) => new Queue(name, bullConnection(config)));
    const readOnlyMode = !config.queueDashboardWritable;
    board.setQueues(queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode })));
  };

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onClose', async () => {
    await Promise.all((queues ?? []).map((queue) => queue.close()));
  });
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const verdict = await access.check(request.cookies[QUEUE_DASHBOARD_COOKIE]);
        if (verdict === 'allowed') {
          openQueues();
          return;
        }
        const refusal = refusals[verdict];
        reply.header('Cache-Control', 'no-store');
        if (request.url.startsWith(`${QUEUE_DASHBOARD_PATH}/api/`)) {
          return reply.status(refusal.status).send({
            code: verdict === 'signed-out' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
            message: verdict === 'signed-out' ? 'Sign in first' : 'Installation admins only',
          });
        }
        return reply.status(refusal.status).type('text/html; charset=utf-8').send(refusal.html);
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
