import { Role } from '@app/accounts';
import { type CreateCampaignDto } from '@app/campaigns';
import { type ApiAnswer, startTestStack, type TestStack } from '@app/testing';

import { type CampaignBody, draftBody, listTotal } from './campaign-fixtures';

jest.setTimeout(60_000);

type Content = CreateCampaignDto['content'];

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
}

interface BadInput {
  /** What the case is about, for the test name. */
  name: string;
  body: unknown;
  /** The field `errors` must name. */
  field: string;
}

const TIMED_ONLY: Partial<Content> = { rrule: undefined };

/** A valid draft with its content changed; `undefined` members are left out of the JSON. */
function withContent(content: Partial<Content>): CreateCampaignDto {
  return draftBody({ ...TIMED_ONLY, ...content });
}

function allDay(content: Partial<Content>): CreateCampaignDto {
  return withContent({
    allDay: true,
    startsAt: undefined,
    endsAt: undefined,
    startDate: '2030-05-05',
    endDate: '2030-05-06',
    ...content,
  });
}

function withMeta(meta: Record<string, unknown>): Record<string, unknown> {
  return { ...draftBody(TIMED_ONLY), ...meta };
}

const ok = draftBody(TIMED_ONLY);
const LOCATION = ok.content.location!;

const hangul = (length: number) => '가'.repeat(length);

/** Every limit of a draft, as a body that breaks only that limit. */
const BAD_CREATES: BadInput[] = [
  // content.title: 1–50 characters (a Hangul syllable counts as one)
  { name: 'title empty', body: withContent({ title: '' }), field: 'content.title' },
  { name: 'title blank', body: withContent({ title: '   ' }), field: 'content.title' },
  { name: 'title 51 chars', body: withContent({ title: hangul(51) }), field: 'content.title' },
  { name: 'title missing', body: withContent({ title: undefined }), field: 'content.title' },
  // content.description: at most 5000
  {
    name: 'description 5001 chars',
    body: withContent({ description: 'x'.repeat(5001) }),
    field: 'content.description',
  },
  // timed start and end: ISO-8601 with a zone, end after start
  {
    name: 'startsAt not a date-time',
    body: withContent({ startsAt: 'next tuesday' }),
    field: 'content.startsAt',
  },
  {
    name: 'startsAt without a zone',
    body: withContent({ startsAt: '2030-04-12T10:00:00' }),
    field: 'content.startsAt',
  },
  {
    name: 'startsAt missing',
    body: withContent({ startsAt: undefined }),
    field: 'content.startsAt',
  },
  {
    name: 'endsAt impossible date',
    body: withContent({ endsAt: '2030-02-30T10:00:00+09:00' }),
    field: 'content.endsAt',
  },
  {
    name: 'endsAt before startsAt',
    body: withContent({ endsAt: '2030-04-12T09:00:00+09:00' }),
    field: 'content.endsAt',
  },
  {
    name: 'endsAt equal to startsAt',
    body: withContent({ endsAt: '2030-04-12T10:00:00+09:00' }),
    field: 'content.endsAt',
  },
  // all-day: calendar dates, last day not before the first
  {
    name: 'all-day startDate not a date',
    body: allDay({ startDate: '2030-02-30' }),
    field: 'content.startDate',
  },
  {
    name: 'all-day startDate as a date-time',
    body: allDay({ startDate: '2030-05-05T00:00:00Z' }),
    field: 'content.startDate',
  },
  {
    name: 'all-day endDate missing',
    body: allDay({ endDate: undefined }),
    field: 'content.endDate',
  },
  {
    name: 'all-day endDate before startDate',
    body: allDay({ endDate: '2030-05-04' }),
    field: 'content.endDate',
  },
  // time zone
  {
    name: 'unknown time zone',
    body: withContent({ timeZone: 'Mars/Olympus' }),
    field: 'content.timeZone',
  },
  { name: 'empty time zone', body: withContent({ timeZone: '' }), field: 'content.timeZone' },
  // rrule: Kakao's subset, parsed by a real recurrence library
  {
    name: 'rrule FREQ=HOURLY',
    body: withContent({ rrule: 'FREQ=HOURLY' }),
    field: 'content.rrule',
  },
  { name: 'rrule without FREQ', body: withContent({ rrule: 'COUNT=3' }), field: 'content.rrule' },
  {
    name: 'rrule COUNT with UNTIL',
    body: withContent({ rrule: 'FREQ=DAILY;COUNT=3;UNTIL=20301231T000000Z' }),
    field: 'content.rrule',
  },
  {
    name: 'rrule unsupported part',
    body: withContent({ rrule: 'FREQ=WEEKLY;BYSETPOS=1' }),
    field: 'content.rrule',
  },
  {
    name: 'rrule not KEY=VALUE',
    body: withContent({ rrule: 'every day' }),
    field: 'content.rrule',
  },
  {
    name: 'rrule with the RRULE: prefix',
    body: withContent({ rrule: 'RRULE:FREQ=DAILY' }),
    field: 'content.rrule',
  },
  {
    name: 'rrule BYDAY unparsable',
    body: withContent({ rrule: 'FREQ=WEEKLY;BYDAY=XX' }),
    field: 'content.rrule',
  },
  {
    name: 'lunar rrule not YEARLY',
    body: allDay({ lunar: true, rrule: 'FREQ=MONTHLY' }),
    field: 'content.rrule',
  },
  // reminders: at most 2, multiples of 5, 0…43200 timed, -1440…43200 all-day
  {
    name: 'three reminders',
    body: withContent({ reminders: [5, 10, 15] }),
    field: 'content.reminders',
  },
  {
    name: 'reminder not a multiple of 5',
    body: withContent({ reminders: [7] }),
    field: 'content.reminders',
  },
  {
    name: 'timed reminder below 0',
    body: withContent({ reminders: [-5] }),
    field: 'content.reminders',
  },
  {
    name: 'timed reminder above 43200',
    body: withContent({ reminders: [43205] }),
    field: 'content.reminders',
  },
  {
    name: 'all-day reminder below -1440',
    body: allDay({ reminders: [-1445] }),
    field: 'content.reminders',
  },
  {
    name: 'all-day reminder above 43200',
    body: allDay({ reminders: [43205] }),
    field: 'content.reminders',
  },
  {
    name: 'reminder not whole',
    body: withContent({ reminders: [2.5] }),
    field: 'content.reminders',
  },
  // color: Kakao's 15 names
  {
    name: 'unknown color',
    body: withContent({ color: 'PURPLE' as Content['color'] }),
    field: 'content.color',
  },
  {
    name: 'hex color',
    body: withContent({ color: '#FF0000' as Content['color'] }),
    field: 'content.color',
  },
  // location: name 1–50, coordinates in range
  {
    name: 'location name empty',
    body: withContent({ location: { ...LOCATION, name: '' } }),
    field: 'content.location.name',
  },
  {
    name: 'location name 51 chars',
    body: withContent({ location: { ...LOCATION, name: hangul(51) } }),
    field: 'content.location.name',
  },
  {
    name: 'location without name',
    body: withContent({ location: { address: '서울' } as Content['location'] }),
    field: 'content.location.name',
  },
  {
    name: 'latitude above 90',
    body: withContent({ location: { ...LOCATION, latitude: 90.5 } }),
    field: 'content.location.latitude',
  },
  {
    name: 'latitude below -90',
    body: withContent({ location: { ...LOCATION, latitude: -91 } }),
    field: 'content.location.latitude',
  },
  {
    name: 'longitude above 180',
    body: withContent({ location: { ...LOCATION, longitude: 180.01 } }),
    field: 'content.location.longitude',
  },
  {
    name: 'longitude below -180',
    body: withContent({ location: { ...LOCATION, longitude: -181 } }),
    field: 'content.location.longitude',
  },
  // banner: http(s) URLs, #RRGGBB background
  {
    name: 'banner image not a URL',
    body: withContent({ banner: { pcImageUrl: 'pc.png' } }),
    field: 'content.banner.pcImageUrl',
  },
  {
    name: 'banner mobile image ftp URL',
    body: withContent({ banner: { mobileImageUrl: 'ftp://cdn.example.com/m.png' } }),
    field: 'content.banner.mobileImageUrl',
  },
  {
    name: 'banner link javascript:',
    body: withContent({ banner: { webUrl: 'javascript:alert(1)' } }),
    field: 'content.banner.webUrl',
  },
  {
    name: 'banner mobile link too long',
    body: withContent({ banner: { mobileWebUrl: `https://example.com/${'a'.repeat(2000)}` } }),
    field: 'content.banner.mobileWebUrl',
  },
  {
    name: 'banner bgColor a name',
    body: withContent({ banner: { bgColor: 'red' } }),
    field: 'content.banner.bgColor',
  },
  {
    name: 'banner bgColor too short',
    body: withContent({ banner: { bgColor: '#FFF' } }),
    field: 'content.banner.bgColor',
  },
  // reminder-message button: title 1–20, a web or mobile web link
  {
    name: 'button title empty',
    body: withContent({ reminderButton: { title: '', webUrl: 'https://example.com' } }),
    field: 'content.reminderButton.title',
  },
  {
    name: 'button title 21 chars',
    body: withContent({ reminderButton: { title: hangul(21), webUrl: 'https://example.com' } }),
    field: 'content.reminderButton.title',
  },
  {
    name: 'button without a link',
    body: withContent({ reminderButton: { title: '상세보기' } }),
    field: 'content.reminderButton.webUrl',
  },
  {
    name: 'button link not a URL',
    body: withContent({ reminderButton: { title: '상세보기', webUrl: 'example.com/e/1' } }),
    field: 'content.reminderButton.webUrl',
  },
  {
    name: 'button mobile link not http',
    body: withContent({
      reminderButton: { title: '상세보기', mobileWebUrl: 'kakaotalk://open' },
    }),
    field: 'content.reminderButton.mobileWebUrl',
  },
  // our own fields
  { name: 'name empty', body: withMeta({ name: '' }), field: 'name' },
  { name: 'name 101 chars', body: withMeta({ name: 'n'.repeat(101) }), field: 'name' },
  { name: 'name missing', body: withMeta({ name: undefined }), field: 'name' },
  {
    name: '21 tags',
    body: withMeta({ tags: Array.from({ length: 21 }, (_, index) => `tag${index}`) }),
    field: 'tags',
  },
  { name: 'empty tag', body: withMeta({ tags: ['ok', ''] }), field: 'tags' },
  { name: 'blank tag', body: withMeta({ tags: ['  '] }), field: 'tags' },
  { name: 'tag 31 chars', body: withMeta({ tags: ['t'.repeat(31)] }), field: 'tags' },
  { name: 'notes over 10000', body: withMeta({ notes: 'n'.repeat(10_001) }), field: 'notes' },
  {
    name: 'subscribe-calendar target without calendarId',
    body: withMeta({ target: { kind: 'subscribe_calendar' } }),
    field: 'target.calendarId',
  },
  {
    name: 'unknown target kind',
    body: withMeta({ target: { kind: 'everyone' } }),
    field: 'target.kind',
  },
  // unknown fields are refused, not dropped
  { name: 'unknown top-level field', body: withMeta({ priority: 'high' }), field: 'priority' },
  {
    name: 'unknown content field',
    body: withMeta({ content: { ...ok.content, subtitle: 'x' } }),
    field: 'content.subtitle',
  },
  {
    name: 'unknown location field',
    body: withContent({ location: { ...LOCATION, floor: 3 } as Content['location'] }),
    field: 'content.location.floor',
  },
  { name: 'server-owned field', body: withMeta({ syncState: 'published' }), field: 'syncState' },
  // wrong types
  { name: 'name a number', body: withMeta({ name: 42 }), field: 'name' },
  { name: 'tags a string', body: withMeta({ tags: 'seoul' }), field: 'tags' },
  { name: 'tags of numbers', body: withMeta({ tags: [1, 2] }), field: 'tags' },
  { name: 'content a string', body: withMeta({ content: 'launch' }), field: 'content' },
  { name: 'content missing', body: withMeta({ content: undefined }), field: 'content' },
  {
    name: 'allDay a string',
    body: withMeta({ content: { ...ok.content, allDay: 'yes' } }),
    field: 'content.allDay',
  },
  {
    name: 'reminders a number',
    body: withMeta({ content: { ...ok.content, reminders: 60 } }),
    field: 'content.reminders',
  },
  {
    name: 'reminders of strings',
    body: withMeta({ content: { ...ok.content, reminders: ['60'] } }),
    field: 'content.reminders',
  },
  {
    name: 'latitude a string',
    body: withMeta({ content: { ...ok.content, location: { ...LOCATION, latitude: '37.5' } } }),
    field: 'content.location.latitude',
  },
  {
    name: 'title a number',
    body: withMeta({ content: { ...ok.content, title: 7 } }),
    field: 'content.title',
  },
];

describe('campaign input validation over HTTP', () => {
  let stack: TestStack;
  let existing: CampaignBody;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    const created = await stack.call<CampaignBody>(Role.Marketer, 'POST', '/api/campaigns', ok);
    expect(created.status).toBe(201);
    existing = created.body;
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function count(): Promise<number> {
    return listTotal(await stack.call(Role.Marketer, 'GET', '/api/campaigns?range=[0,0]'));
  }

  async function current(): Promise<CampaignBody> {
    return (await stack.call<CampaignBody>(Role.Marketer, 'GET', `/api/campaigns/${existing.id}`))
      .body;
  }

  async function revisionCount(): Promise<number> {
    const answer = await stack.call<unknown[]>(
      Role.Marketer,
      'GET',
      `/api/campaigns/${existing.id}/revisions`,
    );
    return answer.body.length;
  }

  function expectFieldError(answer: ApiAnswer<ErrorBody>, field: string): void {
    expect({ status: answer.status, code: answer.body.code }).toEqual({
      status: 400,
      code: expect.stringMatching(/^(validation_failed|campaign\.invalid)$/),
    });
    expect(answer.body.statusCode).toBe(400);
    expect(answer.body.errors).toHaveProperty([field], expect.any(String));
    expect(answer.body.message).toContain(field);
  }

  describe('POST /api/campaigns', () => {
    it.each(BAD_CREATES)('rejects $name, naming $field, and writes nothing', async (bad) => {
      const before = await count();
      const answer = await stack.call<ErrorBody>(Role.Marketer, 'POST', '/api/campaigns', bad.body);
      expectFieldError(answer, bad.field);
      expect(await count()).toBe(before);
    });

    it('accepts every value at its limit', async () => {
      const before = await count();
      const atLimits = {
        name: 'n'.repeat(100),
        tags: Array.from({ length: 20 }, (_, index) => `${index}`.padEnd(30, 't')),
        notes: 'n'.repeat(10_000),
        target: { kind: 'public_events' },
        content: {
          ...ok.content,
          title: hangul(50),
          description: 'd'.repeat(5000),
          location: { name: hangul(50), latitude: 90, longitude: -180 },
          reminders: [0, 43200],
          banner: {
            pcImageUrl: 'https://cdn.example.com/pc.png',
            mobileImageUrl: 'http://cdn.example.com/m.png',
            bgColor: '#00aaFF',
            webUrl: 'https://example.com/e',
            mobileWebUrl: 'https://m.example.com/e',
          },
          reminderButton: { title: hangul(20), mobileWebUrl: 'https://m.example.com/e' },
        },
      };
      const timed = await stack.call<CampaignBody>(
        Role.Marketer,
        'POST',
        '/api/campaigns',
        atLimits,
      );
      expect(timed.status).toBe(201);
      expect(timed.body.content.title).toBe(hangul(50));
      const allDayAtLimits = allDay({
        reminders: [-1440, 43200],
        lunar: true,
        rrule: 'FREQ=YEARLY;COUNT=5',
        startDate: '2030-05-05',
        endDate: '2030-05-05',
      });
      const allDayAnswer = await stack.call<CampaignBody>(
        Role.Marketer,
        'POST',
        '/api/campaigns',
        allDayAtLimits,
      );
      expect(allDayAnswer.status).toBe(201);
      const target = await stack.call<CampaignBody>(
        Role.Marketer,
        'POST',
        '/api/campaigns',
        withMeta({ target: { kind: 'subscribe_calendar', calendarId: 'sub_1' } }),
      );
      expect(target.status).toBe(201);
      expect(await count()).toBe(before + 3);
    });

    it('rejects a broken JSON body with the error envelope', async () => {
      const before = await count();
      const response = await fetch(`${stack.apiUrl}/api/campaigns`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await stack.tokenFor(Role.Marketer)}`,
          'x-channel-id': stack.channel.id,
          'content-type': 'application/json',
        },
        body: '{"name": "Broken", "content": {"title": ',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        statusCode: 400,
        code: 'bad_request',
        message: expect.any(String),
        errors: { body: 'must be valid JSON' },
      });
      expect(await count()).toBe(before);
    });

    it('rejects a body that is not an object', async () => {
      const before = await count();
      const answer = await stack.call<ErrorBody>(Role.Marketer, 'POST', '/api/campaigns', [ok]);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ statusCode: 400 });
      expect(await count()).toBe(before);
    });
  });

  describe('PUT /api/campaigns/:id', () => {
    const BAD_UPDATES: BadInput[] = [
      { name: 'version missing', body: { name: 'New name' }, field: 'version' },
      { name: 'version 0', body: { version: 0, name: 'New name' }, field: 'version' },
      { name: 'name 101 chars', body: { name: 'n'.repeat(101) }, field: 'name' },
      { name: 'empty tag', body: { tags: [''] }, field: 'tags' },
      {
        name: 'title 51 chars',
        body: { content: { ...ok.content, title: 't'.repeat(51) } },
        field: 'content.title',
      },
      {
        name: 'endsAt before startsAt',
        body: { content: { ...ok.content, endsAt: '2030-04-12T09:55:00+09:00' } },
        field: 'content.endsAt',
      },
      {
        name: 'subscribe-calendar target without calendarId',
        body: { target: { kind: 'subscribe_calendar' } },
        field: 'target.calendarId',
      },
      { name: 'unknown field', body: { owner: 'me' }, field: 'owner' },
    ];

    it.each(BAD_UPDATES)('rejects $name, naming $field, and keeps the record', async (bad) => {
      const before = await current();
      const revisions = await revisionCount();
      const body = { version: before.version, ...(bad.body as object) };
      const answer = await stack.call<ErrorBody>(
        Role.Marketer,
        'PUT',
        `/api/campaigns/${existing.id}`,
        bad.field === 'version' ? bad.body : body,
      );
      expectFieldError(answer, bad.field);
      expect(await current()).toEqual(before);
      expect(await revisionCount()).toBe(revisions);
    });
  });

  describe('list queries', () => {
    it.each([
      ['sort', 'sort=["priority","ASC"]'],
      ['sort', 'sort=["name","SIDEWAYS"]'],
      ['sort', 'sort=name'],
      ['range', 'range=[10,5]'],
      ['range', 'range=[-1,5]'],
      ['range', 'range=[0,500]'],
      ['range', 'range=[0'],
      ['filter', 'filter=["q"]'],
      ['filter', 'filter={q:1}'],
    ])('rejects a bad %s (%s) naming it', async (field, query) => {
      const [key, value] = query.split(/=(.*)/s) as [string, string];
      const answer = await stack.call<ErrorBody>(
        Role.Marketer,
        'GET',
        `/api/campaigns?${key}=${encodeURIComponent(value)}`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ statusCode: 400, code: 'list.invalid_query' });
      expect(answer.body.errors).toHaveProperty([field], expect.any(String));
    });

    it.each([
      ['filter.priority', { priority: 'high' }],
      ['filter.startsBefore', { startsBefore: 'soon' }],
      ['filter.endsAfter', { endsAfter: 20300101 }],
      ['filter.startsFrom', { startsFrom: '2030-13-01' }],
      ['filter.id', { id: ['not-a-uuid'] }],
      ['filter.ownerId', { ownerId: 'me' }],
      ['filter.syncState', { syncState: 'live' }],
      ['filter.approvalState', { approvalState: ['approved', 'maybe'] }],
      ['filter.kakaoState', { kakaoState: 1 }],
      ['filter.archived', { archived: 'yes' }],
      ['filter.tag', { tag: 't'.repeat(31) }],
      ['filter.q', { q: { $ne: '' } }],
    ])('rejects a bad filter value naming %s', async (field, filter) => {
      const answer = await stack.call<ErrorBody>(
        Role.Marketer,
        'GET',
        `/api/campaigns?filter=${encodeURIComponent(JSON.stringify(filter))}`,
      );
      expect({ status: answer.status, code: answer.body.code }).toEqual({
        status: 400,
        code: 'list.invalid_query',
      });
      expect(answer.body.errors).toHaveProperty([field], expect.any(String));
    });

    it('answers a good list query', async () => {
      const answer = await stack.call<CampaignBody[]>(
        Role.Marketer,
        'GET',
        `/api/campaigns?sort=${encodeURIComponent('["name","ASC"]')}&range=${encodeURIComponent('[0,499]')}&filter=${encodeURIComponent('{"syncState":"draft"}')}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.length).toBeGreaterThan(0);
    });
  });

  describe('list answers', () => {
    const tag = 'window-test';
    const spans = {
      january: ['2031-01-10T10:00:00Z', '2031-01-10T12:00:00Z'],
      overMonthEnd: ['2031-01-31T23:00:00Z', '2031-02-01T01:00:00Z'],
      february: ['2031-02-15T10:00:00Z', '2031-02-15T12:00:00Z'],
      march: ['2031-03-01T00:00:00Z', '2031-03-01T02:00:00Z'],
    } as const;
    const ids: Record<keyof typeof spans, string> = {
      january: '',
      overMonthEnd: '',
      february: '',
      march: '',
    };

    function listUrl(query: { sort?: unknown; range?: unknown; filter?: unknown }): string {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        params.set(key, JSON.stringify(value));
      }
      return `/api/campaigns?${params.toString()}`;
    }

    async function list(query: {
      sort?: unknown;
      range?: unknown;
      filter?: unknown;
    }): Promise<{ ids: string[]; range: string | null }> {
      const answer = await stack.call<CampaignBody[]>(Role.Marketer, 'GET', listUrl(query));
      expect(answer.status).toBe(200);
      return {
        ids: answer.body.map((row) => row.id),
        range: answer.headers.get('content-range'),
      };
    }

    beforeAll(async () => {
      for (const [key, [startsAt, endsAt]] of Object.entries(spans)) {
        const created = await stack.call<CampaignBody>(Role.Marketer, 'POST', '/api/campaigns', {
          ...withContent({ startsAt, endsAt, title: `Window ${key}` }),
          tags: [tag],
        });
        expect(created.status).toBe(201);
        ids[key as keyof typeof spans] = created.body.id;
      }
    });

    it('finds what overlaps a calendar window, in start order', async () => {
      const february = await list({
        sort: ['startsAt', 'ASC'],
        range: [0, 499],
        filter: { tag, endsAfter: '2031-02-01T00:00:00Z', startsBefore: '2031-03-01T00:00:00Z' },
      });
      expect(february).toEqual({
        ids: [ids.overMonthEnd, ids.february],
        range: 'campaigns 0-1/2',
      });
      const inverted = await list({
        filter: { tag, endsAfter: '2031-03-01T00:00:00Z', startsBefore: '2031-02-01T00:00:00Z' },
      });
      expect(inverted).toEqual({ ids: [], range: 'campaigns */0' });
      const openEnded = await list({
        sort: ['startsAt', 'DESC'],
        filter: { tag, endsAfter: '2031-02-01T00:30:00Z' },
      });
      expect(openEnded.ids).toEqual([ids.march, ids.february, ids.overMonthEnd]);
      const startsIn = await list({
        sort: ['startsAt', 'ASC'],
        filter: { tag, startsFrom: '2031-01-10', startsTo: '2031-02-15T10:00:00Z' },
      });
      expect(startsIn.ids).toEqual([ids.january, ids.overMonthEnd, ids.february]);
    });

    it('finds repeating campaigns whose first occurrence lies before the window', async () => {
      const seriesTag = 'series-window-test';
      const create = async (title: string, rrule: string) => {
        const created = await stack.call<CampaignBody>(Role.Marketer, 'POST', '/api/campaigns', {
          ...withContent({
            startsAt: '2030-10-06T10:00:00+09:00',
            endsAt: '2030-10-06T12:00:00+09:00',
            title,
            rrule,
          }),
          tags: [seriesTag],
        });
        expect(created.status).toBe(201);
        return created.body.id;
      };
      const weekly = await create('Every Monday', 'FREQ=WEEKLY;BYDAY=MO');
      const untilFebruary = await create('Until February', 'FREQ=WEEKLY;UNTIL=20310210T000000Z');
      await create('Four Mondays', 'FREQ=WEEKLY;COUNT=4');
      await create('Until November', 'FREQ=WEEKLY;UNTIL=20301115');
      const february = await list({
        sort: ['name', 'ASC'],
        range: [0, 499],
        filter: {
          tag: seriesTag,
          endsAfter: '2031-02-01T00:00:00Z',
          startsBefore: '2031-03-01T00:00:00Z',
        },
      });
      // Same start, same draft name: compare as sets.
      expect([...february.ids].sort()).toEqual([weekly, untilFebruary].sort());
      const later = await list({ filter: { tag: seriesTag, endsAfter: '2031-06-01T00:00:00Z' } });
      expect(later.ids).toEqual([weekly]);
    });

    it('pages with the total in Content-Range, deep pages included', async () => {
      const sort = ['startsAt', 'ASC'];
      const filter = { tag };
      expect(await list({ sort, filter, range: [0, 1] })).toEqual({
        ids: [ids.january, ids.overMonthEnd],
        range: 'campaigns 0-1/4',
      });
      expect(await list({ sort, filter, range: [2, 3] })).toEqual({
        ids: [ids.february, ids.march],
        range: 'campaigns 2-3/4',
      });
      expect(await list({ sort, filter, range: [3, 10] })).toEqual({
        ids: [ids.march],
        range: 'campaigns 3-3/4',
      });
      const beyond = await list({ sort, filter, range: [10, 19] });
      expect(beyond.ids).toEqual([]);
      expect(beyond.range).toMatch(/\/4$/);
      const byName = await list({ sort: ['name', 'DESC'], filter, range: [0, 9] });
      expect(byName.ids).toHaveLength(4);
    });

    it('keeps archived campaigns out of the list unless asked for', async () => {
      expect(
        (await stack.call(Role.Marketer, 'DELETE', `/api/campaigns/${ids.january}`)).status,
      ).toBe(200);
      const live = await list({ sort: ['startsAt', 'ASC'], filter: { tag } });
      expect(live).toEqual({
        ids: [ids.overMonthEnd, ids.february, ids.march],
        range: 'campaigns 0-2/3',
      });
      const archived = await list({ filter: { tag, archived: true } });
      expect(archived).toEqual({ ids: [ids.january], range: 'campaigns 0-0/1' });
      const byId = await list({ filter: { id: [ids.january, ids.march] } });
      expect(byId.ids).toEqual([ids.march]);
    });

    it('brings an archived campaign back, editable again', async () => {
      const restored = await stack.call<CampaignBody>(
        Role.Marketer,
        'POST',
        `/api/campaigns/${ids.january}/unarchive`,
      );
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ id: ids.january, archived: false });
      const live = await list({ sort: ['startsAt', 'ASC'], filter: { tag } });
      expect(live.ids).toEqual([ids.january, ids.overMonthEnd, ids.february, ids.march]);
      const edited = await stack.call<CampaignBody>(
        Role.Marketer,
        'PUT',
        `/api/campaigns/${ids.january}`,
        { version: restored.body.version, notes: 'back again' },
      );
      expect(edited.status).toBe(200);
      // Twice is harmless.
      const again = await stack.call<CampaignBody>(
        Role.Marketer,
        'POST',
        `/api/campaigns/${ids.january}/unarchive`,
      );
      expect(again.body).toMatchObject({ archived: false, version: edited.body.version });
      const audit = await stack.call<{ action: string }[]>(
        Role.Manager,
        'GET',
        `/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ entityId: ids.january }))}`,
      );
      expect(audit.body.map((row) => row.action)).toContain('campaign.unarchive');
    });
  });

  describe('approval comments', () => {
    let submitted: CampaignBody;

    beforeAll(async () => {
      const created = await stack.call<CampaignBody>(Role.Marketer, 'POST', '/api/campaigns', ok);
      await stack.call(Role.Marketer, 'POST', `/api/campaigns/${created.body.id}/submit`, {});
      submitted = (
        await stack.call<CampaignBody>(Role.Marketer, 'GET', `/api/campaigns/${created.body.id}`)
      ).body;
      expect(submitted.approvalState).toBe('submitted');
    });

    async function unchanged(): Promise<void> {
      const now = await stack.call<CampaignBody>(
        Role.Manager,
        'GET',
        `/api/campaigns/${submitted.id}`,
      );
      expect(now.body).toEqual(submitted);
      const approvals = await stack.call<unknown[]>(
        Role.Manager,
        'GET',
        `/api/campaigns/${submitted.id}/approvals`,
      );
      expect(approvals.body).toHaveLength(1);
    }

    it.each([
      ['reject', 'of 2001 characters', 'c'.repeat(2001)],
      ['approve', 'of 2001 characters', 'c'.repeat(2001)],
      ['submit', 'of 2001 characters', 'c'.repeat(2001)],
      ['reject', 'missing', undefined],
      ['reject', 'empty', ''],
      ['reject', 'blank', '   '],
    ])('%s with a comment %s is refused, naming comment', async (action, _label, comment) => {
      const answer = await stack.call<ErrorBody>(
        action === 'submit' ? Role.Marketer : Role.Manager,
        'POST',
        `/api/campaigns/${submitted.id}/${action}`,
        comment === undefined ? {} : { comment },
      );
      expectFieldError(answer, 'comment');
      await unchanged();
    });

    it('refuses a comment that is not a string', async () => {
      const answer = await stack.call<ErrorBody>(
        Role.Manager,
        'POST',
        `/api/campaigns/${submitted.id}/reject`,
        { comment: 42 },
      );
      expectFieldError(answer, 'comment');
      await unchanged();
    });

    it('accepts a rejection with a 2000-character comment', async () => {
      const answer = await stack.call<CampaignBody>(
        Role.Manager,
        'POST',
        `/api/campaigns/${submitted.id}/reject`,
        { comment: 'c'.repeat(2000) },
      );
      expect(answer.status).toBe(200);
      expect(answer.body.approvalState).toBe('rejected');
    });
  });
});
