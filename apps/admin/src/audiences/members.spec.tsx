import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { type ReactElement } from 'react';
import { AdminContext, type DataProvider, RecordContextProvider } from 'react-admin';

import { SizeField } from '@admin/audiences/AudienceList';
import { AudienceMembers } from '@admin/audiences/AudienceMembers';
import { MembersPanel } from '@admin/audiences/MembersPanel';
import { type Audience } from '@admin/audiences/types';
import { createI18nProvider } from '@admin/i18n/i18nProvider';
import { type Recipient } from '@admin/recipients/types';

function audience(patch: Partial<Audience>): Audience {
  return {
    id: 'a1',
    channelId: 'c1',
    name: 'VIP',
    description: null,
    kind: 'static',
    rules: null,
    exclude: { audienceIds: [], rules: null },
    createdBy: null,
    archived: false,
    archivedAt: null,
    version: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...patch,
  };
}

function recipient(id: string, nickname: string | null, kakaoUserId: string): Recipient {
  return {
    id,
    channelId: 'c1',
    kakaoUserId,
    kakaoUuid: null,
    nickname,
    scopes: null,
    hasAccessToken: true,
    hasRefreshToken: true,
    accessTokenExpiresAt: null,
    consentState: 'active',
    consentReason: null,
    consentChangedAt: null,
    channelRelation: 'ADDED',
    channelRelationCheckedAt: null,
    timeZone: null,
    tags: ['vip'],
    attributes: {},
    source: 'ingest',
    optedInAt: '2026-12-01T00:00:00.000Z',
    lastDeliveredAt: null,
    version: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

interface Calls {
  references: { resource: string; id: unknown; filter: unknown }[];
  lists: { resource: string; filter: unknown }[];
}

function provider(members: Recipient[], found: Recipient[] = []): [DataProvider, Calls] {
  const calls: Calls = { references: [], lists: [] };
  const dataProvider = {
    getOne: () => Promise.resolve({ data: { id: 'c1', timeZone: 'Asia/Seoul' } }),
    getManyReference: (resource: string, params: { id: unknown; filter: unknown }) => {
      calls.references.push({ resource, id: params.id, filter: params.filter });
      return Promise.resolve({ data: members, total: members.length });
    },
    getList: (resource: string, params: { filter: unknown }) => {
      calls.lists.push({ resource, filter: params.filter });
      return Promise.resolve({ data: found, total: found.length });
    },
  } as unknown as DataProvider;
  return [dataProvider, calls];
}

function renderWith(
  dataProvider: DataProvider,
  locale: 'en' | 'ko',
  record: Audience,
  ui: ReactElement,
) {
  return render(
    <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider(locale)}>
      <RecordContextProvider value={record}>{ui}</RecordContextProvider>
    </AdminContext>,
  );
}

describe('audience members', () => {
  it('lists the members of a static list with their Kakao user ids', async () => {
    const [dataProvider, calls] = provider([
      recipient('r1', '조수아', '1001'),
      recipient('r2', '조수아', '1002'),
    ]);
    renderWith(dataProvider, 'ko', audience({}), <AudienceMembers />);
    const table = await screen.findByTestId('audience-member-table');
    expect(within(table).getByText('멤버')).toBeTruthy();
    await within(table).findByText('1001');
    expect(within(table).getByText('1002')).toBeTruthy();
    expect(within(table).getAllByText('조수아')).toHaveLength(2);
    expect(calls.references[0]).toMatchObject({ resource: 'audience-members', id: 'a1' });
  });

  it('says nobody matches a dynamic audience, and searches its members', async () => {
    const [dataProvider, calls] = provider([]);
    renderWith(dataProvider, 'en', audience({ kind: 'dynamic' }), <AudienceMembers />);
    expect(await screen.findByText('Nobody matches the conditions now.')).toBeTruthy();
    expect(screen.getByText('Who matches now')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Search by nickname or Kakao user id'), {
      target: { value: 'kim' },
    });
    await waitFor(() => expect(calls.references.at(-1)?.filter).toEqual({ q: 'kim' }));
  });

  it('shows the size of each audience in the list, with everyone matching when it differs', () => {
    const [dataProvider] = provider([]);
    renderWith(
      dataProvider,
      'en',
      audience({ size: { count: 1200, matching: 1234 } }),
      <SizeField />,
    );
    expect(screen.getByText('1,200')).toBeTruthy();
    expect(screen.getByText('of 1,234 matching')).toBeTruthy();
  });

  it('finds people to add by nickname and tells namesakes apart by id', async () => {
    const [dataProvider, calls] = provider(
      [],
      [recipient('r1', '조수아', '1001'), recipient('r2', '조수아', '1002')],
    );
    renderWith(dataProvider, 'ko', audience({}), <MembersPanel />);
    fireEvent.change(screen.getByTestId('recipient-finder'), { target: { value: '조수아' } });
    const options = await screen.findAllByTestId('recipient-option');
    expect(options).toHaveLength(2);
    expect(calls.lists.at(-1)).toEqual({ resource: 'recipients', filter: { q: '조수아' } });
    expect(within(options[1]).getByText(/1002/)).toBeTruthy();
    fireEvent.click(options[1]);
    expect(screen.getByTestId<HTMLTextAreaElement>('member-ids').value).toBe('1002');
  });
});
