import {
  campaignToForm,
  formToCreate,
  formToUpdate,
  newCampaignValues,
} from '@admin/campaigns/campaignForm';
import { type Campaign } from '@admin/campaigns/types';
import { instantToWallTime, wallTimeToInstant, zoneOffsetMinutes } from '@admin/time/zonedTime';

const saved: Campaign = {
  id: 'c1',
  channelId: 'ch',
  name: 'Spring pop-up',
  title: '성수 팝업 스토어',
  startsAt: '2030-04-12T01:00:00.000Z',
  endsAt: '2030-04-12T10:00:00.000Z',
  allDay: false,
  tags: ['seoul', 'popup'],
  notes: null,
  target: { kind: 'public_events' },
  content: {
    title: '성수 팝업 스토어',
    allDay: false,
    startsAt: '2030-04-12T01:00:00.000Z',
    endsAt: '2030-04-12T10:00:00.000Z',
    timeZone: 'Asia/Seoul',
    rrule: 'FREQ=DAILY;COUNT=3',
    reminders: [60],
    color: 'MINT',
    banner: { pcImageUrl: 'https://cdn.example.com/pc.png' },
  },
  recurrenceText: 'every day for 3 times',
  ownerId: 'u1',
  revision: 3,
  version: 5,
  approvalState: 'approved',
  submittedRevision: 3,
  approvedRevision: 3,
  syncState: 'published',
  kakaoState: 'in_sync',
  kakaoEventId: 'ev_1',
  publishedRevision: 3,
  publishedAt: '2030-01-01T00:00:00.000Z',
  lastError: null,
  kakaoCheckedAt: null,
  archived: false,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
};

describe('time zones', () => {
  it('converts wall times in a zone to instants with the zone’s offset and back', () => {
    expect(wallTimeToInstant('2030-04-12T10:00', 'Asia/Seoul')).toBe('2030-04-12T10:00:00+09:00');
    expect(instantToWallTime('2030-04-12T01:00:00Z', 'Asia/Seoul')).toBe('2030-04-12T10:00');
    expect(wallTimeToInstant('2030-07-01T09:30', 'America/New_York')).toBe(
      '2030-07-01T09:30:00-04:00',
    );
    expect(zoneOffsetMinutes(Date.parse('2030-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
  });

  it('moves a time skipped by daylight saving forward, as clocks do', () => {
    // 2030-03-10 02:30 does not exist in New York.
    expect(wallTimeToInstant('2030-03-10T02:30', 'America/New_York')).toBe(
      '2030-03-10T03:30:00-04:00',
    );
  });

  it('refuses what is not a wall time', () => {
    expect(wallTimeToInstant('tomorrow', 'Asia/Seoul')).toBeNull();
  });
});

describe('campaign form ↔ API', () => {
  it('edits timed events as wall times in the campaign’s zone', () => {
    const values = campaignToForm(saved);
    expect(values.content.startsAt).toBe('2030-04-12T10:00');
    expect(values.content.endsAt).toBe('2030-04-12T19:00');
    expect(values.content.startDate).toBe('2030-04-12');
  });

  it('saves only the editable fields plus the version (PUT)', () => {
    const update = formToUpdate(campaignToForm(saved));
    expect(Object.keys(update).sort()).toEqual(
      ['content', 'name', 'notes', 'tags', 'target', 'version'].sort(),
    );
    expect(update).toEqual({
      version: 5,
      name: 'Spring pop-up',
      tags: ['seoul', 'popup'],
      notes: '',
      target: { kind: 'public_events' },
      content: {
        title: '성수 팝업 스토어',
        allDay: false,
        startsAt: '2030-04-12T10:00:00+09:00',
        endsAt: '2030-04-12T19:00:00+09:00',
        timeZone: 'Asia/Seoul',
        rrule: 'FREQ=DAILY;COUNT=3',
        reminders: [60],
        color: 'MINT',
        banner: { pcImageUrl: 'https://cdn.example.com/pc.png' },
      },
    });
  });

  it('keeps 10:00 at 10:00 when the zone changes', () => {
    const values = campaignToForm(saved);
    values.content.timeZone = 'Asia/Tokyo';
    expect(formToUpdate(values).content.startsAt).toBe('2030-04-12T10:00:00+09:00');
    values.content.timeZone = 'Europe/Paris';
    expect(formToUpdate(values).content.startsAt).toBe('2030-04-12T10:00:00+02:00');
  });

  it('sends dates (not instants) for all-day events', () => {
    const values = campaignToForm(saved);
    values.content.allDay = true;
    values.content.endDate = '2030-04-14';
    values.content.lunar = true;
    values.content.rrule = 'FREQ=YEARLY';
    const { content } = formToUpdate(values);
    expect(content).toMatchObject({
      allDay: true,
      startDate: '2030-04-12',
      endDate: '2030-04-14',
      lunar: true,
    });
    expect(content.startsAt).toBeUndefined();
    expect(content.endsAt).toBeUndefined();
  });

  it('leaves out what the marketer left empty and tidies the rest', () => {
    const values = newCampaignValues('Asia/Seoul', Date.parse('2030-04-11T03:00:00Z'));
    values.name = 'Draft';
    values.content.title = 'Title';
    values.tags = [' seoul ', ''];
    values.content.banner.bgColor = 'FEE500';
    values.content.location.latitude = 37.5;
    const create = formToCreate(values);
    expect(create).toEqual({
      name: 'Draft',
      tags: ['seoul'],
      target: { kind: 'public_events' },
      content: {
        title: 'Title',
        allDay: false,
        startsAt: '2030-04-12T10:00:00+09:00',
        endsAt: '2030-04-12T11:00:00+09:00',
        timeZone: 'Asia/Seoul',
        banner: { bgColor: '#FEE500' },
        // A place without a name goes to the API as such, which names `location.name`.
        location: { name: '', latitude: 37.5 },
      },
    });
  });

  it('targets a subscribe calendar when chosen', () => {
    const values = campaignToForm(saved);
    values.target = { kind: 'subscribe_calendar', calendarId: 'cal-1' };
    expect(formToUpdate(values).target).toEqual({
      kind: 'subscribe_calendar',
      calendarId: 'cal-1',
    });
  });
});
