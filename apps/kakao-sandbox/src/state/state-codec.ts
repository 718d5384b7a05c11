import { DeliveryLog, type DeliveryLogSnapshot } from '@app/kakao-sandbox/messaging/delivery-log';
import { rebuildTemplateIndex } from '@app/kakao-sandbox/messaging/template-table';
import {
  createEmptyState,
  STATE_VERSION,
  type SandboxState,
} from '@app/kakao-sandbox/state/sandbox-state';

interface EncodedMap {
  __map: [unknown, unknown][];
}

interface EncodedSet {
  __set: unknown[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEncodedMap(value: unknown): value is EncodedMap {
  return isRecord(value) && Array.isArray(value.__map);
}

function isEncodedSet(value: unknown): value is EncodedSet {
  return isRecord(value) && Array.isArray(value.__set);
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) {
    return { __map: Array.from(value.entries()) };
  }
  if (value instanceof Set) {
    return { __set: Array.from(value.values()) };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (isEncodedMap(value)) {
    return new Map(value.__map);
  }
  if (isEncodedSet(value)) {
    return new Set(value.__set);
  }
  return value;
}

/** Serialises the whole state; Maps and Sets are tagged so they come back as such. */
export function encodeState(state: SandboxState): string {
  // The template index is derived from the entries and rebuilt on load.
  const persisted = { ...state, templates: { entries: state.templates.entries } };
  return JSON.stringify(persisted, replacer);
}

/** Reads a state file written by `encodeState`; throws on a foreign or older format. */
export function decodeState(text: string): SandboxState {
  const parsed: unknown = JSON.parse(text, reviver);
  if (!isRecord(parsed) || parsed.version !== STATE_VERSION) {
    throw new Error(`state file has an unknown format (expected version ${STATE_VERSION})`);
  }
  const empty = createEmptyState();
  for (const key of Object.keys(empty) as (keyof SandboxState)[]) {
    if (!(key in parsed)) {
      throw new Error(`state file lacks "${key}"`);
    }
  }
  // The file was written by encodeState from a SandboxState; the keys were checked above.
  const state = parsed as unknown as SandboxState;
  state.deliveries = DeliveryLog.fromSnapshot(parsed.deliveries as DeliveryLogSnapshot);
  rebuildTemplateIndex(state.templates);
  return state;
}
