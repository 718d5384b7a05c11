import { actionOf, type FaultRegistry } from '@app/kakao-sandbox/faults/fault-registry';

import type {
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  onSendHookHandler,
} from 'fastify';

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

// Latency is applied to the answer, after the request was handled: like a slow or lost answer
// from Kakao, a timeout then does not mean that nothing happened.
const answerDelays = new WeakMap<FastifyRequest, number>();

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
        answerDelays.set(request, action.ms);
        done();
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

/** onSend hook holding back the answer of a request that drew a delay fault. */
export const delayAnswerHook: onSendHookHandler = (request, _reply, payload, done) => {
  const ms = answerDelays.get(request);
  if (ms === undefined) {
    done(null, payload);
    return;
  }
  answerDelays.delete(request);
  setTimeout(() => done(null, payload), ms);
};
