import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';

function decode(text: string): string {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) {
    return spaced;
  }
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw invalidParam('request body is not a valid application/x-www-form-urlencoded form');
  }
}

/**
 * `application/x-www-form-urlencoded` → field map. Unlike URLSearchParams it rejects broken
 * percent-encoding (a broken form is `-2`, not silently mangled values). Later fields win.
 */
export function parseFormBody(body: string): Record<string, string> {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  if (body === '') {
    return fields;
  }
  for (const pair of body.split('&')) {
    if (pair === '') {
      continue;
    }
    const equals = pair.indexOf('=');
    const key = decode(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decode(pair.slice(equals + 1));
    if (key !== '__proto__') {
      fields[key] = value;
    }
  }
  return fields;
}
