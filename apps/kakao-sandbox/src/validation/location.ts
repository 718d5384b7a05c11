import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import type { KakaoLocation } from '@app/kakao-sandbox/state/models';
import {
  asObject,
  optionalInteger,
  optionalNumber,
  optionalString,
  requiredString,
} from '@app/kakao-sandbox/validation/json-reader';

export const LOCATION_NAME_MAX = 100;

/** Location (3.3); the sandbox requires `name` whenever a location is given. */
export function parseLocation(raw: unknown, path: string): KakaoLocation {
  const object = asObject(raw, path);
  const location: KakaoLocation = {
    name: requiredString(object, 'name', path, { min: 1, max: LOCATION_NAME_MAX }),
  };
  const locationId = optionalInteger(object, 'location_id', path);
  const address = optionalString(object, 'address', path, { max: 500 });
  const latitude = optionalNumber(object, 'latitude', path);
  const longitude = optionalNumber(object, 'longitude', path);
  if (latitude !== undefined && (latitude < -90 || latitude > 90)) {
    throw invalidParam(`${path}.latitude must be between -90 and 90`);
  }
  if (longitude !== undefined && (longitude < -180 || longitude > 180)) {
    throw invalidParam(`${path}.longitude must be between -180 and 180`);
  }
  if (locationId !== undefined) {
    location.location_id = locationId;
  }
  if (address !== undefined) {
    location.address = address;
  }
  if (latitude !== undefined) {
    location.latitude = latitude;
  }
  if (longitude !== undefined) {
    location.longitude = longitude;
  }
  return location;
}
