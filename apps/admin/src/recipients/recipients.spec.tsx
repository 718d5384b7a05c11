/**
 * @jest-environment node
 */
import { createDataProvider } from '@admin/dataProvider';
import { type FetchLike } from '@admin/httpClient';
import { consentReasonText } from '@admin/recipients/consentReason';
import {
  attributeNameProblem,
  attributeValueProblem,
  formToRecipientUpdate,
  recipientToForm,
} from '@admin/recipients/recipientForm';
import { type Recipient } from '@admin/recipients/types';
import { SessionStore } from '@admin/session';
import { memoryStorage } from '@admin/test/memoryStorage';
import { translatorFor } from '@admin/test/translate';

const API = 'http://console.test/api';

const recipient: Recipient = {
  id: 'r1',
  channelId: 'ch-a',
  kakaoUserId: '1001',
  kakaoUuid: 'uuid-1',
  nickname: '민지',
  scopes: ['talk_message'],
  hasAccessToken: true,
  hasRefreshToken: true,
  accessTokenExpiresAt: null,
  consentState: 'active',
  consentReason: 'opt_in',
  consentChangedAt: null,
  channelRelation: 'ADDED',
  channelRelationCheckedAt: null,
  timeZone: null,
  tags: ['seoul', 'vip'],
  attributes: { age: 31, plan: 'gold', newsletter: false, zip: '007' },
  source: 'opt_in',
  optedInAt: '2030-01-01T00:00:00.000Z',
  lastDeliveredAt: null,
  version: 3,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
};

describe('recipient form ↔ API', () => {
  it('edits attributes as typed rows and sends them back with their types', () => {
    const values = recipientToForm(recipient);
    expect(values.attributes).toEqual([
      { name: 'age', type: 'number', value: '31' },
      { name: 'plan', type: 'text', value: 'gold' },
      { name: 'newsletter', type: 'boolean', value: 'false' },
      { name: 'zip', type: 'text', value: '007' },
    ]);
    const update = formToRecipientUpdate({
      ...values,
      tags: [' seoul', 'busan', 'seoul', ''],
      attributes: [
        ...values.attributes.slice(0, 3),
        { name: ' score ', type: 'number', value: ' 9.5 ' },
      ],
      timeZone: '',
    });
    expect(update).toEqual({
      version: 3,
      tags: ['seoul', 'busan'],
      attributes: { age: 31, plan: 'gold', newsletter: false, score: 9.5 },
      timeZone: null,
    });
  });

  it('checks names and values as the API does', () => {
    const rows = recipientToForm(recipient).attributes;
    expect(attributeNameProblem('age', rows)).toBeUndefined();
    expect(attributeNameProblem('age', [...rows, { name: 'age', type: 'text', value: '' }])).toBe(
      'app.recipient.problems.attribute_duplicate',
    );
    expect(attributeNameProblem('2nd', rows)).toBe('app.recipient.problems.attribute_name');
    expect(attributeValueProblem({ name: 'a', type: 'number', value: 'ten' })).toBe(
      'app.recipient.problems.number',
    );
    expect(attributeValueProblem({ name: 'a', type: 'boolean', value: '' })).toBe(
      'app.recipient.problems.boolean',
    );
    expect(attributeValueProblem({ name: 'a', type: 'text', value: 'x'.repeat(501) })).toBe(
      'app.recipient.problems.text_long',
    );
    expect(attributeValueProblem({ name: 'a', type: 'text', value: '' })).toBeUndefined();
  });

  it('explains consent reasons in the user’s language, keeping Kakao’s codes', () => {
    const en = translatorFor('en');
    const ko = translatorFor('ko');
    expect(consentReasonText('refresh_failed:KOE322', en)).toBe(
      'The token could not be refreshed (KOE322)',
    );
    expect(consentReasonText('refresh_failed:KOE322', ko)).toBe('토큰 갱신 실패 (KOE322)');
    expect(consentReasonText('opted_out', ko)).toBe('수신 거부');
    expect(consentReasonText('Kakao -402: insufficient scopes', en)).toBe(
      'Kakao -402: insufficient scopes',
    );
    expect(consentReasonText(null, en)).toBeNull();
  });
});

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

function setup(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetch: FetchLike = (url, init = {}) => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : init.body,
    };
    calls.push(call);
    return Promise.resolve(answer(call));
  };
  const session = new SessionStore(memoryStorage());
  session.set({
    token: 'kccs_token',
    expiresAt: '2999-01-01T00:00:00.000Z',
    user: {
      id: 'u1',
      email: 'scheduler@demo.local',
      displayName: 'Scheduler',
      channels: [{ id: 'ch-a', name: 'A', channelPublicId: '_a', role: 'scheduler' }],
    },
  });
  return { calls, dataProvider: createDataProvider({ apiUrl: API, session, fetch }) };
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('dataProvider: recipients, imports and audiences', () => {
  it('lists imports at /recipients/imports and a recipient’s deliveries page by page', async () => {
    const { dataProvider, calls } = setup((call) =>
      call.url.includes('/deliveries')
        ? json([{ id: '7' }], { 'content-range': 'deliveries 25-25/26' })
        : json([{ id: 'imp-1' }], { 'content-range': 'recipient-imports 0-0/1' }),
    );
    const imports = await dataProvider.getList('recipient-imports', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: {},
    });
    expect(imports.total).toBe(1);
    expect(calls[0]?.url).toMatch(new RegExp(`^${API}/recipients/imports\\?`));
    await dataProvider.getOne('recipient-imports', { id: 'imp-1' });
    expect(calls[1]?.url).toBe(`${API}/recipients/imports/imp-1`);

    const deliveries = await dataProvider.getManyReference('recipient-deliveries', {
      target: 'recipientId',
      id: 'r1',
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'id', order: 'DESC' },
      filter: {},
    });
    expect(deliveries).toMatchObject({ data: [{ id: '7' }], total: 26 });
    const url = new URL(calls[2].url);
    expect(url.pathname).toBe('/api/recipients/r1/deliveries');
    expect(url.searchParams.get('range')).toBe('[25,49]');
    expect(url.searchParams.get('sort')).toBe('["id","DESC"]');
  });

  it('uploads a CSV as multipart with the session’s headers', async () => {
    const { dataProvider, calls } = setup(() => json({ id: 'imp-2', state: 'queued' }));
    const file = new File(['kakao_user_id,tags\n1001,vip\n'], 'tags.csv', { type: 'text/csv' });
    const created = await dataProvider.importCsv({ kind: 'recipients', mode: 'replace' }, file);
    expect(created.data.id).toBe('imp-2');
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: `${API}/recipients/imports?mode=replace`,
    });
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer kccs_token');
    expect(calls[0]?.headers.get('x-channel-id')).toBe('ch-a');
    // The browser sets the multipart boundary itself.
    expect(calls[0]?.headers.get('content-type')).toBeNull();
    const form = calls[0]?.body as FormData;
    expect((form.get('file') as File).name).toBe('tags.csv');

    await dataProvider.importCsv({ kind: 'audience', audienceId: 'a 1' }, file);
    expect(calls[1]?.url).toBe(`${API}/audiences/a%201/imports`);
  });

  it('downloads the error report as CSV with the token', async () => {
    const { dataProvider, calls } = setup(
      () =>
        new Response('row,kakao_user_id,reason\r\n2,1,unknown\r\n', {
          headers: { 'content-type': 'text/csv' },
        }),
    );
    const { data } = await dataProvider.importErrors('imp-1');
    expect(await data.text()).toBe('row,kakao_user_id,reason\r\n2,1,unknown\r\n');
    expect(calls[0]?.url).toBe(`${API}/recipients/imports/imp-1/errors.csv`);
    expect(calls[0]?.headers.get('accept')).toBe('text/csv');
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer kccs_token');
  });

  it('sizes rules, changes members and asks for a relation check', async () => {
    const { dataProvider, calls } = setup((call) =>
      json(call.url.endsWith('/preview') ? { count: 2, matching: 3, sample: [] } : {}),
    );
    const rules = { combinator: 'and' as const, children: [] };
    expect((await dataProvider.previewAudience({ rules })).data).toMatchObject({ count: 2 });
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: `${API}/audiences/preview`,
      body: { rules },
    });
    await dataProvider.changeAudienceMembers('a1', 'remove', ['1001']);
    expect(calls[1]).toMatchObject({
      url: `${API}/audiences/a1/members/remove`,
      body: { kakaoUserIds: ['1001'] },
    });
    await dataProvider.changeAudienceMembers('a1', 'add', ['1002']);
    expect(calls[2]?.url).toBe(`${API}/audiences/a1/members`);
    await dataProvider.audienceSize('a1');
    expect(calls[3]).toMatchObject({ method: 'GET', url: `${API}/audiences/a1/size` });
    await dataProvider.syncRecipientRelations();
    expect(calls[4]).toMatchObject({ method: 'POST', url: `${API}/recipients/relation-sync` });
  });
});
