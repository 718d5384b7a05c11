import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { KakaoLink } from '@app/kakao-sandbox/state/models';
import { asObject, optionalString } from '@app/kakao-sandbox/validation/json-reader';

const LINK_KEYS = [
  'web_url',
  'mobile_web_url',
  'android_execution_params',
  'ios_execution_params',
] as const;

/** A Link object: known string fields, at least one of them set. */
export function parseLink(raw: unknown, path: string): KakaoLink {
  const object = asObject(raw, path);
  const link: KakaoLink = {};
  for (const key of LINK_KEYS) {
    const value = optionalString(object, key, path, { max: 2000 });
    if (value !== undefined && value !== '') {
      link[key] = value;
    }
  }
  if (Object.keys(link).length === 0) {
    throw invalidParam(`${path} needs at least one of ${LINK_KEYS.join(', ')}`);
  }
  return link;
}
