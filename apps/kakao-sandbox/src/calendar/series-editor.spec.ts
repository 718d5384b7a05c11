import { eventsSeenBy, occurrencesInWindow } from '@app/kakao-sandbox/calendar/event-listing';
import { insertEvent, resolveEventRef } from '@app/kakao-sandbox/calendar/event-store';
import { buildEventRecord } from '@app/kakao-sandbox/calendar/events.service';
import { SeriesEditor } from '@app/kakao-sandbox/calendar/series-editor';
import { KakaoError } from '@app/kakao-sandbox/errors/kakao-error';
import { DOCUMENTED_QUOTAS } from '@app/kakao-sandbox/quota/quota-limits';
import { formatRecurrenceRule } from '@app/kakao-sandbox/recurrence/recurrence-rule';
import { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';
import { parseInstant } from '@app/kakao-sandbox/validation/datetime';
import { parseEventCreate, parseEventPatch } from '@app/kakao-sandbox/validation/event-input';

const OWNER = 42;
const WINDOW = { fromMs: Date.UTC(2030, 4, 1), toMs: Date.UTC(2030, 4, 31) };

function setup(rrule = 'FREQ=DAILY;COUNT=5') {
  const context = new SandboxContext(DOCUMENTED_QUOTAS);
  const input = parseEventCreate(
    {
      title: 'Standup',
      time: { start_at: '2030-05-06T00:00:00Z', end_at: '2030-05-06T00:30:00Z' },
      rrule,
    },
    { publicExtras: false },
  );
  const series = buildEventRecord(
    { kind: 'USER', appId: 1, calendarId: 'primary', ownerUserId: OWNER },
    input,
    0,
  );
  insertEvent(context.state, series);
  const editor = new SeriesEditor(context);
  const ref = (id: string) => {
    const found = resolveEventRef(context.state, id);
    if (!found) {
      throw new Error(`no event ${id}`);
    }
    return found;
  };
  const visible = () =>
    occurrencesInWindow(eventsSeenBy(context.state, OWNER), WINDOW).map(
      (brief) => `${brief.time.start_at.slice(5, 10)} ${brief.title}`,
    );
  return { context, series, editor, ref, visible };
}

const patch = (raw: unknown) => parseEventPatch(raw, { publicExtras: false });

describe('SeriesEditor', () => {
  it('requires recur_update_type for a recurring event', () => {
    const { editor, ref, series } = setup();
    expect(() => editor.update(ref(series.id), undefined, patch({ title: 'x' }))).toThrow(
      KakaoError,
    );
    expect(() => editor.remove(ref(series.id), undefined)).toThrow(KakaoError);
  });

  it('THIS turns one occurrence into an exception with its own id', () => {
    const { editor, ref, series, visible, context } = setup();
    const id = editor.update(
      ref(`${series.id}_20300508T000000Z`),
      'THIS',
      patch({ title: 'Moved' }),
    );
    expect(id).not.toBe(series.id);
    expect(context.state.events.get(id)).toMatchObject({ seriesId: series.id, rrule: undefined });
    expect(visible()).toEqual([
      '05-06 Standup',
      '05-07 Standup',
      '05-08 Moved',
      '05-09 Standup',
      '05-10 Standup',
    ]);
    // The exception itself is edited with THIS from then on.
    expect(editor.update(ref(id), 'THIS', patch({ title: 'Moved again' }))).toBe(id);
    expect(visible()[2]).toBe('05-08 Moved again');
  });

  it('THIS_AND_FOLLOWING splits the series and keeps the COUNT total', () => {
    const { editor, ref, series, visible, context } = setup();
    const id = editor.update(
      ref(`${series.id}_20300509T000000Z`),
      'THIS_AND_FOLLOWING',
      patch({ title: 'Retro' }),
    );
    expect(id).not.toBe(series.id);
    expect(
      formatRecurrenceRule(context.state.events.get(series.id)?.rrule ?? { freq: 'DAILY' }),
    ).toBe('FREQ=DAILY;COUNT=3');
    expect(formatRecurrenceRule(context.state.events.get(id)?.rrule ?? { freq: 'DAILY' })).toBe(
      'FREQ=DAILY;COUNT=2',
    );
    expect(visible()).toEqual([
      '05-06 Standup',
      '05-07 Standup',
      '05-08 Standup',
      '05-09 Retro',
      '05-10 Retro',
    ]);
  });

  it('THIS_AND_FOLLOWING of an UNTIL series ends the first part before the cut', () => {
    const { editor, ref, series, context } = setup('FREQ=DAILY;UNTIL=20300510T000000Z');
    const id = editor.update(
      ref(`${series.id}_20300508T000000Z`),
      'THIS_AND_FOLLOWING',
      patch({ time: { start_at: '2030-05-08T01:00:00Z', end_at: '2030-05-08T01:30:00Z' } }),
    );
    const starts = occurrencesInWindow(eventsSeenBy(context.state, OWNER), WINDOW).map(
      (brief) => brief.time.start_at,
    );
    // The moved part keeps its three occurrences: UNTIL moves with the start.
    expect(starts).toEqual([
      '2030-05-06T00:00:00Z',
      '2030-05-07T00:00:00Z',
      '2030-05-08T01:00:00Z',
      '2030-05-09T01:00:00Z',
      '2030-05-10T01:00:00Z',
    ]);
    expect(
      formatRecurrenceRule(context.state.events.get(series.id)?.rrule ?? { freq: 'DAILY' }),
    ).toBe('FREQ=DAILY;UNTIL=20300507T235959Z');
    expect(context.state.events.get(id)?.rrule?.until).toBe('20300510T010000Z');
  });

  it('ALL changes the series in place and shifts excluded dates with it', () => {
    const { editor, ref, series, visible } = setup();
    editor.remove(ref(`${series.id}_20300507T000000Z`), 'THIS');
    const id = editor.update(
      ref(series.id),
      'ALL',
      patch({
        title: 'Daily',
        time: { start_at: '2030-05-07T00:00:00Z', end_at: '2030-05-07T00:30:00Z' },
      }),
    );
    expect(id).toBe(series.id);
    expect(visible()).toEqual(['05-07 Daily', '05-09 Daily', '05-10 Daily', '05-11 Daily']);
  });

  it('deletes THIS, THIS_AND_FOLLOWING and ALL', () => {
    const { editor, ref, series, visible, context } = setup();
    const exceptionId = editor.update(
      ref(`${series.id}_20300510T000000Z`),
      'THIS',
      patch({ title: 'Last' }),
    );
    editor.remove(ref(`${series.id}_20300507T000000Z`), 'THIS');
    expect(visible()).toEqual(['05-06 Standup', '05-08 Standup', '05-09 Standup', '05-10 Last']);
    editor.remove(ref(`${series.id}_20300509T000000Z`), 'THIS_AND_FOLLOWING');
    expect(visible()).toEqual(['05-06 Standup', '05-08 Standup']);
    expect(context.state.events.has(exceptionId)).toBe(false);
    editor.remove(ref(series.id), 'ALL');
    expect(visible()).toEqual([]);
    expect(context.state.events.size).toBe(0);
  });

  it('rejects a patch that breaks a cross-field rule and leaves the event untouched', () => {
    const { editor, ref, series, context } = setup();
    expect(() =>
      editor.update(
        ref(series.id),
        'ALL',
        patch({
          time: {
            start_at: '2030-05-06T00:00:00Z',
            end_at: '2030-05-07T00:00:00Z',
            all_day: true,
            lunar: true,
          },
        }),
      ),
    ).toThrow(KakaoError);
    expect(context.state.events.get(series.id)?.time.startMs).toBe(
      parseInstant('2030-05-06T00:00:00Z'),
    );
  });
});
