import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';

export const MAX_RECEIVERS = 5;

/** `receiver_uuids` of 5.2: a JSON array of 1 to 5 uuid strings (duplicates collapse). */
export function parseReceiverUuids(raw: unknown): string[] {
  if (raw === undefined) {
    throw invalidParam('receiver_uuids is required');
  }
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw invalidParam('receiver_uuids must be a JSON array of uuid strings');
    }
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) {
    throw invalidParam('receiver_uuids must be a JSON array of uuid strings');
  }
  const uuids = [...new Set(value as string[])];
  if (uuids.length === 0) {
    throw invalidParam('receiver_uuids is empty');
  }
  if (uuids.length > MAX_RECEIVERS) {
    throw invalidParam(`receiver_uuids holds at most ${MAX_RECEIVERS} uuids`);
  }
  return uuids;
}
