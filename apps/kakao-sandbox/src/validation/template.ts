import { invalidParam } from '@app/kakao-sandbox/errors/kakao-error';
import {
  type CalendarTarget,
  TEMPLATE_OBJECT_TYPES,
  type TemplateObjectType,
} from '@app/kakao-sandbox/messaging/template-table';
import { canonicalJson } from '@app/kakao-sandbox/validation/canonical-json';
import {
  asObject,
  isJsonObject,
  type JsonObject,
  optionalInteger,
  optionalString,
  requiredString,
} from '@app/kakao-sandbox/validation/json-reader';
import { parseLink } from '@app/kakao-sandbox/validation/link';

/** Kakao's sharing size limit, applied to `template_object` (5.3). */
export const TEMPLATE_MAX_BYTES = 10 * 1024;
const PATH = 'template_object';
const MIN_IMAGE_SIDE = 200;

export interface ValidatedTemplate {
  json: string;
  objectType: TemplateObjectType;
  target?: CalendarTarget;
  hasCustomButton: boolean;
}

function parseObjectType(object: JsonObject): TemplateObjectType {
  const objectType = object.object_type;
  if (!TEMPLATE_OBJECT_TYPES.includes(objectType as TemplateObjectType)) {
    throw invalidParam(`${PATH}.object_type must be one of ${TEMPLATE_OBJECT_TYPES.join(', ')}`);
  }
  return objectType as TemplateObjectType;
}

function checkCalendarContent(raw: unknown): void {
  const path = `${PATH}.content`;
  if (raw === undefined || raw === null) {
    throw invalidParam(`${path} is required`);
  }
  const content = asObject(raw, path);
  const title = optionalString(content, 'title', path, { max: 200 });
  const description = optionalString(content, 'description', path, { max: 1000 });
  const imageUrl = optionalString(content, 'image_url', path, { max: 2000 });
  if (!title && !description && !imageUrl) {
    throw invalidParam(`${path} needs at least one of title, description, image_url`);
  }
  for (const key of ['image_width', 'image_height']) {
    const side = optionalInteger(content, key, path);
    if (side !== undefined && side < MIN_IMAGE_SIDE) {
      throw invalidParam(`${path}.${key} must be at least ${MIN_IMAGE_SIDE} pixels`);
    }
  }
  if (content.link === undefined || content.link === null) {
    throw invalidParam(`${path}.link is required`);
  }
  parseLink(content.link, `${path}.link`);
}

function checkButtons(raw: unknown): boolean {
  if (raw === undefined || raw === null) {
    return false;
  }
  if (!Array.isArray(raw)) {
    throw invalidParam(`${PATH}.buttons must be an array`);
  }
  if (raw.length > 1) {
    throw invalidParam(`${PATH}.buttons: a calendar message has at most 1 custom button`);
  }
  raw.forEach((item: unknown, index) => {
    const path = `${PATH}.buttons[${index}]`;
    const button = asObject(item, path);
    requiredString(button, 'title', path, { min: 1, max: 100 });
    parseLink(button.link, `${path}.link`);
  });
  return raw.length === 1;
}

function calendarTarget(object: JsonObject): CalendarTarget {
  const idType = object.id_type;
  if (idType !== 'event' && idType !== 'calendar') {
    throw invalidParam(`${PATH}.id_type must be event or calendar`);
  }
  const id = requiredString(object, 'id', PATH, { min: 1, max: 200 });
  return { idType, id };
}

/**
 * Validates a default template (5.3, 5.4): the `calendar` type fully, other types by
 * `object_type`. Whether the target event or calendar exists is checked by the caller.
 */
export function validateTemplate(raw: unknown): ValidatedTemplate {
  let object: unknown = raw;
  if (typeof raw === 'string') {
    if (Buffer.byteLength(raw, 'utf8') > TEMPLATE_MAX_BYTES) {
      throw invalidParam(`${PATH} is larger than ${TEMPLATE_MAX_BYTES} bytes`);
    }
    try {
      object = JSON.parse(raw);
    } catch {
      throw invalidParam(`${PATH} is not valid JSON`);
    }
  }
  if (!isJsonObject(object)) {
    throw invalidParam(`${PATH} must be a JSON object`);
  }
  const json = canonicalJson(object);
  if (typeof raw !== 'string' && Buffer.byteLength(json, 'utf8') > TEMPLATE_MAX_BYTES) {
    throw invalidParam(`${PATH} is larger than ${TEMPLATE_MAX_BYTES} bytes`);
  }
  const objectType = parseObjectType(object);
  if (objectType !== 'calendar') {
    const buttons = object.buttons;
    return { json, objectType, hasCustomButton: Array.isArray(buttons) && buttons.length > 0 };
  }
  const target = calendarTarget(object);
  checkCalendarContent(object.content);
  const hasCustomButton = checkButtons(object.buttons);
  return { json, objectType, target, hasCustomButton };
}
