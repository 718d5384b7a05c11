import { type CampaignSnapshot } from './campaign-content';
import {
  diffSnapshots,
  keepSameInstants,
  normalizeContent,
  onlyInternalChanges,
  spanOf,
} from './campaign-snapshot';

describe('normalizeContent', () => {
  it('keeps only the fields of the event kind and drops empty ones', () => {
    expect(
      normalizeContent({
        title: 'A',
        allDay: true,
        startsAt: '2025-01-01T00:00:00Z',
        startDate: '2025-01-01',
        endDate: '2025-01-02',
        timeZone: 'Asia/Seoul',
        description: '',
        banner: { webUrl: undefined },
      }),
    ).toEqual({
      title: 'A',
      allDay: true,
      startDate: '2025-01-01',
      endDate: '2025-01-02',
      timeZone: 'Asia/Seoul',
    });
  });
});

describe('spanOf', () => {
  it('reads all-day dates at local midnight, end exclusive', () => {
    const span = spanOf({
      title: 'A',
      allDay: true,
      startDate: '2025-05-05',
      endDate: '2025-05-05',
      timeZone: 'Asia/Seoul',
    });
    expect(span.startsAt.toISOString()).toBe('2025-05-04T15:00:00.000Z');
    expect(span.endsAt.toISOString()).toBe('2025-05-05T15:00:00.000Z');
  });
});

describe('diffSnapshots', () => {
  const base: CampaignSnapshot = {
    name: 'n',
    tags: [],
    target: { kind: 'public_events' },
    content: { title: 'A', allDay: false, startsAt: 'x', endsAt: 'y', timeZone: 'Asia/Seoul' },
  };
  it('lists each changed field with both values', () => {
    const after = {
      ...base,
      tags: ['t'],
      content: { ...base.content, title: 'B', color: 'RED' as const },
    };
    expect(diffSnapshots(base, after)).toEqual([
      { field: 'tags', before: [], after: ['t'] },
      { field: 'content.title', before: 'A', after: 'B' },
      { field: 'content.color', before: null, after: 'RED' },
    ]);
  });
});

describe('one instant written two ways', () => {
  const stored: CampaignSnapshot = {
    name: 'A',
    tags: [],
    target: { kind: 'public_events' },
    content: {
      title: 'A',
      allDay: false,
      startsAt: '2030-04-12T13:00:00.000+09:00',
      endsAt: '2030-04-12T04:00:00.000Z',
      timeZone: 'Asia/Seoul',
    },
  };
  const resent = {
    ...stored.content,
    startsAt: '2030-04-12T13:00:00+09:00',
    endsAt: '2030-04-12T13:00:00+09:00',
  };

  it('is no change in a diff', () => {
    expect(diffSnapshots(stored, { ...stored, content: resent })).toEqual([]);
  });

  it('keeps the stored text, and takes a new time as sent', () => {
    expect(keepSameInstants(stored.content, resent)).toEqual(stored.content);
    const later = { ...resent, startsAt: '2030-04-12T14:00:00+09:00' };
    expect(keepSameInstants(stored.content, later)).toMatchObject({
      startsAt: '2030-04-12T14:00:00+09:00',
      endsAt: '2030-04-12T04:00:00.000Z',
    });
  });
});

describe('onlyInternalChanges', () => {
  const base: CampaignSnapshot = {
    name: 'A',
    tags: [],
    target: { kind: 'public_events' },
    content: {
      title: 'A',
      allDay: true,
      startDate: '2030-01-01',
      endDate: '2030-01-01',
      timeZone: 'Asia/Seoul',
    },
  };

  it('holds for name, tags and notes', () => {
    const changes = diffSnapshots(base, { ...base, name: 'B', tags: ['x'], notes: 'memo' });
    expect(changes.map((change) => change.field)).toEqual(['name', 'tags', 'notes']);
    expect(onlyInternalChanges(changes)).toBe(true);
  });

  it('fails for anything Kakao shows or where it goes', () => {
    expect(
      onlyInternalChanges(
        diffSnapshots(base, { ...base, notes: 'memo', content: { ...base.content, title: 'B' } }),
      ),
    ).toBe(false);
    expect(
      onlyInternalChanges(
        diffSnapshots(base, { ...base, target: { kind: 'subscribe_calendar', calendarId: 'c' } }),
      ),
    ).toBe(false);
  });
});
