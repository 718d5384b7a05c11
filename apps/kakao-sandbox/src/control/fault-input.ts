import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { Fault, FaultSpec } from '@app/kakao-sandbox/faults/fault-registry';
import {
  asObject,
  optionalBoolean,
  optionalInteger,
  optionalNumber,
  optionalString,
  requiredString,
} from '@app/kakao-sandbox/validation/json-reader';

const BODY = 'body';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const MAX_DELAY_MS = 120_000;

export interface FaultWire {
  id: string;
  method?: string;
  path: string;
  probability: number;
  status?: number;
  code?: number;
  delay_ms?: number;
  drop: boolean;
  remaining?: number;
  fired: number;
}

/** Body of `POST /__sandbox/faults`. */
export function parseFaultInput(raw: unknown): FaultSpec {
  const object = asObject(raw ?? {}, BODY);
  const path = requiredString(object, 'path', BODY, { min: 1, max: 500 });
  if (!path.startsWith('/')) {
    throw invalidParam(`${BODY}.path must start with /`);
  }
  const method = optionalString(object, 'method', BODY)?.toUpperCase();
  if (method !== undefined && !METHODS.includes(method)) {
    throw invalidParam(`${BODY}.method must be one of ${METHODS.join(', ')}`);
  }
  const probability = optionalNumber(object, 'probability', BODY) ?? 1;
  if (probability < 0 || probability > 1) {
    throw invalidParam(`${BODY}.probability must be between 0 and 1`);
  }
  const status = optionalInteger(object, 'status', BODY);
  if (status !== undefined && (status < 400 || status > 599)) {
    throw invalidParam(`${BODY}.status must be an HTTP error status (400-599)`);
  }
  const code = optionalInteger(object, 'code', BODY);
  if (code !== undefined && code >= 0) {
    throw invalidParam(`${BODY}.code must be a negative Kakao error code`);
  }
  const delayMs = optionalInteger(object, 'delay_ms', BODY);
  if (delayMs !== undefined && (delayMs < 0 || delayMs > MAX_DELAY_MS)) {
    throw invalidParam(`${BODY}.delay_ms must be between 0 and ${MAX_DELAY_MS}`);
  }
  const remaining = optionalInteger(object, 'remaining', BODY);
  if (remaining !== undefined && remaining < 1) {
    throw invalidParam(`${BODY}.remaining must be at least 1`);
  }
  return {
    method,
    path,
    probability,
    status,
    code,
    delayMs,
    drop: optionalBoolean(object, 'drop', BODY) ?? false,
    remaining,
  };
}

export function toFaultWire(fault: Fault): FaultWire {
  return {
    id: fault.id,
    method: fault.method,
    path: fault.path,
    probability: fault.probability,
    status: fault.status,
    code: fault.code,
    delay_ms: fault.delayMs,
    drop: fault.drop,
    remaining: fault.remaining,
    fired: fault.fired,
  };
}
