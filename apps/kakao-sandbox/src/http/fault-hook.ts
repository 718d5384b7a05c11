import { actionOf, type FaultRegistry } from '@app/kakao-sandbox/faults/fault-registry';

import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** onRequest hook applying injected faults; costs one emptiness check when there are none. */
export function createFaultHook(faults: FaultRegistry) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (faults.isEmpty) {
      done();
      return;
    }
    const fault = faults.fire(request.method, pathOf(request.url));
    if (!fault) {
      done();
      return;
    }
    const action = actionOf(fault);
    switch (action.kind) {
      case 'drop':
        reply.hijack();
        request.raw.socket.destroy();
        return;
      case 'delay':
        setTimeout(done, action.ms);
        return;
      case 'respond': {
        const respond = (): void => {
          void reply.code(action.status).send(action.body);
        };
        if (action.delayMs > 0) {
          setTimeout(respond, action.delayMs);
        } else {
          respond();
        }
        return;
      }
    }
  };
}
