import { eventBody, publicEventBody } from './event-body';
import { type CalendarTemplate, type EventCreate, type PublicEventCreate } from './kakao.types';
import { prepareTemplate } from './message-api';
import { encodeParams, paramsOfUrl, withQuery } from './wire-encoding';

/** Decodes a form body the way a server does. */
const decode = (body: string): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(body));

describe('encodeParams', () => {
  it('sends scalars as plain text and drops undefined', () => {
    const body = encodeParams({ task_id: 't1', complete: true, reminder: 60, skipped: undefined });
    expect(body).toBe('task_id=t1&complete=true&reminder=60');
  });

  it('sends a nested object as one field holding a JSON string', () => {
    const event = {
      title: '런칭 & 파티',
      time: { start_at: '2024-05-05T00:00:00Z', all_day: true },
    };
    const body = encodeParams({ calendar_id: 'primary', event });
    expect(body.startsWith('calendar_id=primary&event=%7B%22title%22')).toBe(true);
    expect(decode(body)).toEqual({ calendar_id: 'primary', event: JSON.stringify(event) });
    expect(JSON.parse(decode(body).event)).toEqual(event);
  });

  it('sends an array of strings as a JSON string', () => {
    const body = encodeParams({ receiver_uuids: ['abc', 'd e+f'] });
    expect(decode(body)).toEqual({ receiver_uuids: '["abc","d e+f"]' });
  });

  it('percent-encodes every reserved character in keys and values', () => {
    const body = encodeParams({ 'a&b': 'x=y&z?#%/ ', emoji: '🎉' });
    expect(body).not.toMatch(/[ #?/]/);
    expect(decode(body)).toEqual({ 'a&b': 'x=y&z?#%/ ', emoji: '🎉' });
  });

  it('is empty when nothing is set', () => {
    expect(encodeParams({ a: undefined })).toBe('');
  });
});

describe('withQuery and paramsOfUrl', () => {
  it('appends a query only when a parameter is set', () => {
    expect(withQuery('/v2/api/calendar/calendars', { filter: undefined })).toBe(
      '/v2/api/calendar/calendars',
    );
    expect(withQuery('/v2/api/calendar/events', { preset: 'TODAY', limit: 100 })).toBe(
      '/v2/api/calendar/events?preset=TODAY&limit=100',
    );
  });

  it('reads the parameters carried by an after_url', () => {
    const url =
      'http://127.0.0.1:4010/v2/api/calendar/events?next_page_token=abc%3D%3D&limit=100&from=2024-05-01T00%3A00%3A00Z';
    expect(paramsOfUrl(url)).toEqual({
      next_page_token: 'abc==',
      limit: '100',
      from: '2024-05-01T00:00:00Z',
    });
  });
});

describe('strict request bodies', () => {
  const event: EventCreate = {
    title: 'Launch',
    time: { start_at: '2024-05-05T00:00:00Z', end_at: '2024-05-06T00:00:00Z', all_day: true },
    location: { name: 'Seongsu', latitude: 37.54 },
    reminders: [15, 60],
  };

  it('sends exactly the contract fields, dropping extras, undefined and null', () => {
    const detail = {
      ...event,
      id: 'ev1',
      type: 'USER',
      is_host: true,
      description: undefined,
      color: null,
      time: { ...event.time, extra: 1 },
      location: { ...event.location, place_url: 'x' },
    } as unknown as EventCreate;
    expect(eventBody(detail)).toEqual(event);
  });

  it('caps location.name at 50 characters (11.20) without splitting code points', () => {
    const name = '🎉'.repeat(60);
    const body = eventBody({ ...event, location: { name } });
    expect(Array.from(body.location?.name ?? '')).toHaveLength(50);
    expect(body.location?.name).toBe('🎉'.repeat(50));
  });

  it('does not change the caller object', () => {
    const input = { ...event, location: { name: 'x'.repeat(80) } };
    eventBody(input);
    expect(input.location.name).toHaveLength(80);
  });

  it('keeps banner and notification_message of public events, drops banner when flagged off', () => {
    const publicEvent: PublicEventCreate = {
      ...event,
      banner: { pc_image_url: 'https://x/p.png', link: { web_url: 'https://x' } },
      notification_message: {
        before_event_reminder: { button: { title: '상세보기', link: { web_url: 'https://x/e' } } },
      },
    };
    expect(publicEventBody(publicEvent, true)).toEqual(publicEvent);
    const withoutBanner = publicEventBody(publicEvent, false);
    expect(withoutBanner.banner).toBeUndefined();
    expect(withoutBanner.notification_message).toEqual(publicEvent.notification_message);
  });

  it('encodes a calendar template as one template_object field with only its fields', () => {
    const template: CalendarTemplate = {
      object_type: 'calendar',
      id_type: 'event',
      id: 'ev_7f3c',
      content: { title: 'Spring Pop-up', link: { web_url: 'https://example.com/popup' } },
      buttons: [{ title: 'Details', link: { web_url: 'https://example.com/popup' } }],
    };
    const withExtras = { ...template, content: { ...template.content, unknown: 1 } };
    const prepared = prepareTemplate(withExtras);
    expect(prepared.objectType).toBe('calendar');
    expect(decode(prepared.formField)).toEqual({ template_object: JSON.stringify(template) });
  });

  it('keeps every button of an over-long buttons list for Kakao to judge', () => {
    const button = { title: 'b', link: { web_url: 'https://x' } };
    const template = {
      object_type: 'calendar',
      id_type: 'calendar',
      id: 'sub1',
      content: { title: 't', link: { web_url: 'https://x' } },
      buttons: [button, button],
    } as unknown as CalendarTemplate;
    const sent = JSON.parse(decode(prepareTemplate(template).formField).template_object) as {
      buttons: unknown[];
    };
    expect(sent.buttons).toHaveLength(2);
  });

  it('encodes text templates by their own shape', () => {
    const prepared = prepareTemplate({
      object_type: 'text',
      text: 'hello',
      link: { web_url: 'https://x' },
    });
    expect(JSON.parse(decode(prepared.formField).template_object)).toEqual({
      object_type: 'text',
      text: 'hello',
      link: { web_url: 'https://x' },
    });
  });
});
