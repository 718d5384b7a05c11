import { type CampaignSnapshot } from './campaign-content';
import { diffSnapshots, normalizeContent, spanOf } from './campaign-snapshot';

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
