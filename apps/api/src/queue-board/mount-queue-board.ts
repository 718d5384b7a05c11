import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

import { AccessErrorCode, cookieValue } from '@app/access';
import { type ErrorEnvelope } from '@app/common';
import { JobsService, QueueName } from '@app/jobs';

import { PASS_TTL_SECONDS, QueueBoardPasses } from './queue-board-passes';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from './queue-board.constants';

/**
 * Bull Board's page asks Google for its fonts: a request to a third party from an operator's
 * browser, and a failing one where there is no internet. The board falls back to system fonts.
 */
export function withoutThirdPartyFonts(html: string): string {
  return html.replace(
    /<link\b[^>]*\bhref="https:\/\/fonts\.(googleapis|gstatic)\.com[^>]*>\s*/g,
    '',
  );
}

function deny(reply: FastifyReply): FastifyReply {
  const body: ErrorEnvelope = {
    statusCode: 403,
    code: AccessErrorCode.PermissionDenied,
    message: "The queue board is for the console's operators: open it from the console menu",
  };
  return reply.code(403).header('cache-control', 'no-store').send(body);
}

/**
 * Bull Board at QUEUE_BOARD_PATH for instance operators, with every queue of QueueName under the
 * configured QUEUE_PREFIX. It is a page the browser loads (and its assets and polling), so it
 * cannot send the console's bearer token: `?ticket=` (from POST /api/queue-board/ticket) is
 * exchanged for an HttpOnly, SameSite=Strict cookie and the browser is sent on without it;
 * any request without a live pass (one whose session still lives) answers 403.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const jobs = app.get(JobsService);
  const passes = app.get(QueueBoardPasses);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(jobs.queueFor(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Campaign Console' } },
  });

  const guard = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const query = request.query as Record<string, unknown> | undefined;
    const ticket = typeof query?.ticket === 'string' ? query.ticket : undefined;
    if (ticket !== undefined) {
      const pass = await passes.redeem(ticket);
      if (pass === null) {
        return deny(reply);
      }
      const secure = request.protocol === 'https' ? '; Secure' : '';
      return reply
        .code(303)
        .header(
          'set-cookie',
          `${QUEUE_BOARD_COOKIE}=${pass}; Path=${QUEUE_BOARD_PATH}; Max-Age=${PASS_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
        )
        .header('cache-control', 'no-store')
        .header('location', `${QUEUE_BOARD_PATH}/`)
        .send();
    }
    if (!(await passes.isValid(cookieValue(request.headers.cookie, QUEUE_BOARD_COOKIE)))) {
      return deny(reply);
    }
    return undefined;
  };

  await app.register(
    async (scope: FastifyInstance) => {
      // The admin UI shows the board in a frame of its own origin; nothing else may frame it.
      scope.addHook('onRequest', async (_request, reply) => {
        reply.header('x-frame-options', 'SAMEORIGIN');
      });
      scope.addHook('onRequest', guard);
      scope.addHook('onSend', async (_request, reply, payload) => {
        const type = String(reply.getHeader('content-type') ?? '');
        return typeof payload === 'string' && type.startsWith('text/html')
          ? withoutThirdPartyFonts(payload)
          : payload;
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
