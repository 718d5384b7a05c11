// The `event=` JSON of create and update calls: exactly the contract's fields, with the
// location name capped at 50 characters (contract 3.3 and 11.20: one source says 50).

import { type EventUpdate, type PublicEventUpdate } from './kakao.types';
import { EVENT_SHAPE, PUBLIC_EVENT_SHAPE } from './request-shapes';
import { pickShape } from './wire-shape';

export const LOCATION_NAME_MAX = 50;

export function eventBody(event: EventUpdate): EventUpdate {
  return capLocationName(pickShape(event, EVENT_SHAPE));
}

/** With `sendBanner` off (11.6 feature flag) the marketing `banner` is left out. */
export function publicEventBody(event: PublicEventUpdate, sendBanner: boolean): PublicEventUpdate {
  const body = capLocationName(pickShape(event, PUBLIC_EVENT_SHAPE));
  if (!sendBanner) {
    delete body.banner;
  }
  return body;
}

function capLocationName<T extends EventUpdate>(body: T): T {
  const name = body.location?.name;
  if (name !== undefined && name.length > LOCATION_NAME_MAX) {
    // Cut on code points so a surrogate pair is never split.
    const capped = Array.from(name).slice(0, LOCATION_NAME_MAX).join('');
    body.location = { ...body.location, name: capped };
  }
  return body;
}
