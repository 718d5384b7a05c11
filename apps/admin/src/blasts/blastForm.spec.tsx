/**
 * @jest-environment node
 */
import {
  errorPaths,
  firstStepWith,
  formToCreate,
  newBlastValues,
  stepOfField,
} from '@admin/blasts/blastForm';
import { readServerSentEvents } from '@admin/shared/serverSentEvents';

const NOW = Date.parse('2030-04-10T03:00:00Z');

describe('blast form', () => {
  it('starts as an event message sent now, prefilled by another screen when asked', () => {
    const values = newBlastValues(
      'Asia/Seoul',
      { name: 'Subscribe', message: { idType: 'calendar', subscribeCalendarId: 'cal-1' } },
      { title: 'Pop-up Stores', imageUrl: 'https://cdn.example.com/p.png' },
      NOW,
    );
    expect(values.name).toBe('Subscribe');
    expect(values.message).toMatchObject({
      idType: 'calendar',
      subscribeCalendarId: 'cal-1',
      title: 'Pop-up Stores',
      imageUrl: 'https://cdn.example.com/p.png',
      description: '',
    });
    expect(values.schedule).toEqual({
      kind: 'now',
      at: '2030-04-11T10:00',
      timeZone: 'Asia/Seoul',
      rrule: null,
      onlyNotReached: false,
    });
    expect(newBlastValues('Asia/Seoul', 'garbage', {}, NOW).message.idType).toBe('event');
  });

  it('sends only what the API takes: the target of the type, no empty fields', () => {
    const values = newBlastValues('Asia/Seoul', null, {}, NOW);
    values.name = ' Spring blast ';
    values.message = {
      ...values.message,
      campaignId: 'c1',
      subscribeCalendarId: 'ignored',
      title: '성수 팝업',
      webUrl: 'https://example.com',
      button: { title: '예약', webUrl: ' ', mobileWebUrl: 'https://m.example.com' },
    };
    values.customButton = true;
    values.audienceId = 'a1';
    values.frequencyCap = 3;
    values.senderRecipientId = 'not sent in send-to-me mode';
    expect(formToCreate(values)).toEqual({
      name: 'Spring blast',
      message: {
        idType: 'event',
        campaignId: 'c1',
        title: '성수 팝업',
        webUrl: 'https://example.com',
        button: { title: '예약', mobileWebUrl: 'https://m.example.com' },
        tracking: true,
      },
      audienceId: 'a1',
      schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
      ratePerSecond: 100,
      quietHours: true,
      deliveryMode: 'send_to_me',
      frequencyCap: 3,
    });
  });

  it('keeps the local time and rule of a recurring schedule', () => {
    const values = newBlastValues('Asia/Seoul', null, {}, NOW);
    values.schedule = {
      kind: 'recurring',
      at: '2030-04-13T10:00',
      timeZone: 'Asia/Seoul',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      onlyNotReached: true,
    };
    values.deliveryMode = 'friends';
    values.senderRecipientId = 'r1';
    expect(formToCreate(values)).toMatchObject({
      schedule: {
        kind: 'recurring',
        at: '2030-04-13T10:00',
        timeZone: 'Asia/Seoul',
        rrule: 'FREQ=WEEKLY;BYDAY=SA',
        onlyNotReached: true,
      },
      deliveryMode: 'friends',
      senderRecipientId: 'r1',
      // One friends message serves several people, so it cannot carry anyone's own links.
      message: { tracking: false },
    });
  });

  it('tracks clicks unless the user switches it off', () => {
    const values = newBlastValues('Asia/Seoul', null, {}, NOW);
    expect(values.message.tracking).toBe(true);
    values.message.tracking = false;
    expect(formToCreate(values).message.tracking).toBe(false);
  });

  it('sends the user back to the first step holding an error', () => {
    expect(stepOfField('message.button.title')).toBe('message');
    expect(stepOfField('name')).toBe('message');
    expect(stepOfField('schedule.at')).toBe('schedule');
    expect(stepOfField('senderRecipientId')).toBe('delivery');
    expect(stepOfField('message.tracking')).toBe('delivery');
    expect(stepOfField('something')).toBe('review');
    const errors = {
      schedule: { at: { type: 'server', message: 'must be in the future' } },
      message: { button: { title: { type: 'server', message: 'x', ref: {} } } },
    };
    expect(errorPaths(errors).sort()).toEqual(['message.button.title', 'schedule.at']);
    expect(firstStepWith(errorPaths(errors))).toBe('message');
    expect(firstStepWith([])).toBeUndefined();
  });
});

describe('server-sent events', () => {
  it('hands over each event, however the stream is cut into chunks', async () => {
    const text =
      'data: {"percent":10}\n\ndata: {"percent"\n: comment\n\ndata: 1\ndata: 2\n\ndata: last';
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < text.length; index += 7) {
          controller.enqueue(encoder.encode(text.slice(index, index + 7)));
        }
        controller.close();
      },
    });
    const events: string[] = [];
    await readServerSentEvents(body, (data) => events.push(data));
    expect(events).toEqual(['{"percent":10}', '{"percent"', '1\n2', 'last']);
  });
});
