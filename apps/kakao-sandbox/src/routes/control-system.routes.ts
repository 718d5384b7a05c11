import { parseFaultInput, toFaultWire } from '@app/kakao-sandbox/control/fault-input';
import { controlNotFound, invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import { pathParam } from '@app/kakao-sandbox/http/path-params';
import type { RouteKit } from '@app/kakao-sandbox/http/route-kit';
import { parseInstant } from '@app/kakao-sandbox/validation/datetime';
import {
  asObject,
  optionalInteger,
  optionalString,
} from '@app/kakao-sandbox/validation/json-reader';

/** Control API: health, reset, the sandbox clock and injected faults. */
export function registerControlSystemRoutes(kit: RouteKit): void {
  const { context } = kit.services;
  const clockWire = () => ({
    now: new Date(context.now()).toISOString(),
    offset_ms: context.clock.offsetMs,
  });

  kit.get('/__sandbox/health', () => ({ ok: true }));

  kit.post('/__sandbox/reset', () => {
    context.reset();
    return { ok: true };
  });

  kit.get('/__sandbox/clock', clockWire);

  kit.post('/__sandbox/clock', (request) => {
    const body = asObject(request.body ?? {}, 'body');
    const advanceMs = optionalInteger(body, 'advance_ms', 'body');
    const set = optionalString(body, 'set', 'body');
    if ((advanceMs === undefined) === (set === undefined)) {
      throw invalidParam('give exactly one of body.advance_ms and body.set');
    }
    if (advanceMs !== undefined) {
      context.clock.advance(advanceMs);
    } else if (set !== undefined) {
      const instant = parseInstant(set) ?? Date.parse(set);
      if (Number.isNaN(instant)) {
        throw invalidParam('body.set must be an ISO 8601 instant');
      }
      context.clock.set(instant);
    }
    return clockWire();
  });

  kit.post('/__sandbox/faults', (request) =>
    toFaultWire(context.faults.add(parseFaultInput(request.body))),
  );

  kit.get('/__sandbox/faults', () => ({ faults: context.faults.list().map(toFaultWire) }));

  kit.delete('/__sandbox/faults', () => ({ deleted: context.faults.clear() }));

  kit.delete('/__sandbox/faults/:fault_id', (request) => {
    const id = pathParam(request, 'fault_id');
    if (!context.faults.remove(id)) {
      throw controlNotFound('fault');
    }
    return { deleted: 1 };
  });
}
