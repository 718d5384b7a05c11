import { messageForCode, statusForCode } from '@app/kakao-sandbox/errors/error-codes';

export interface FaultSpec {
  /** Upper-case HTTP method; any method when absent. */
  method?: string;
  /** Exact path, or a prefix when it ends with `*`. */
  path: string;
  probability: number;
  status?: number;
  code?: number;
  delayMs?: number;
  drop: boolean;
  /** Times left before the fault removes itself; unlimited when absent. */
  remaining?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  fired: number;
}

export type FaultAction =
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number }
  | { kind: 'respond'; status: number; body: { msg: string; code: number }; delayMs: number };

const CONTROL_PREFIX = '/__sandbox/';

export function faultMatches(fault: FaultSpec, method: string, path: string): boolean {
  if (path.startsWith(CONTROL_PREFIX)) {
    return false;
  }
  if (fault.method !== undefined && fault.method !== method.toUpperCase()) {
    return false;
  }
  if (fault.path.endsWith('*')) {
    return path.startsWith(fault.path.slice(0, -1));
  }
  return path === fault.path;
}

function defaultCodeFor(status: number): number {
  if (status === 401) {
    return -401;
  }
  if (status === 503) {
    return -9798;
  }
  return -1;
}

/** What a fired fault does: drop the socket, delay then proceed, or answer an error. */
export function actionOf(fault: FaultSpec): FaultAction {
  if (fault.drop) {
    return { kind: 'drop' };
  }
  const delayMs = fault.delayMs ?? 0;
  if (fault.status === undefined && fault.code === undefined && delayMs > 0) {
    return { kind: 'delay', ms: delayMs };
  }
  const status = fault.status ?? (fault.code === undefined ? 500 : statusForCode(fault.code));
  const code = fault.code ?? defaultCodeFor(status);
  const msg = code === -1 ? 'internal error' : messageForCode(code);
  return { kind: 'respond', status, body: { msg, code }, delayMs };
}

/** Injected failures, checked in order; the first matching fault that fires wins. */
export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;

  get isEmpty(): boolean {
    return this.faults.length === 0;
  }

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: `flt_${this.nextId}`, fired: 0 };
    this.nextId += 1;
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length !== before;
  }

  clear(): number {
    const count = this.faults.length;
    this.faults = [];
    return count;
  }

  /** Finds the fault that fires for this request, consuming one of its `remaining`. */
  fire(method: string, path: string, random: () => number = Math.random): Fault | undefined {
    for (const fault of this.faults) {
      if (!faultMatches(fault, method, path) || random() >= fault.probability) {
        continue;
      }
      fault.fired += 1;
      if (fault.remaining !== undefined) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) {
          this.remove(fault.id);
        }
      }
      return fault;
    }
    return undefined;
  }
}
