import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  AdminContext,
  type AuthProvider,
  type DataProvider,
  Notification,
  RecordContextProvider,
  ResourceContextProvider,
} from 'react-admin';

import { CampaignShowActions } from '@admin/campaigns/show/CampaignShowActions';
import { type Campaign } from '@admin/campaigns/types';
import { createI18nProvider, type Locale } from '@admin/i18n/i18nProvider';
import { allowNavigation } from '@admin/test/navigationRequest';

const authProvider: AuthProvider = {
  login: () => Promise.resolve(),
  logout: () => Promise.resolve(),
  checkAuth: () => Promise.resolve(),
  checkError: () => Promise.resolve(),
  canAccess: () => Promise.resolve(true),
};

function renderActions(locale: Locale, campaign: Partial<Campaign>) {
  const unarchive = jest.fn(() => Promise.resolve({ data: { ...campaign, archived: false } }));
  const remove = jest.fn(() => Promise.resolve({ data: { ...campaign, archived: true } }));
  const dataProvider = { unarchive, delete: remove } as unknown as DataProvider;
  render(
    <AdminContext
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={createI18nProvider(locale)}
    >
      <RecordContextProvider
        value={{ id: 'c1', kakaoEventId: null, syncState: 'draft', ...campaign }}
      >
        <ResourceContextProvider value="campaigns">
          <CampaignShowActions />
        </ResourceContextProvider>
      </RecordContextProvider>
      <Notification />
    </AdminContext>,
  );
  return { unarchive, remove };
}

beforeAll(allowNavigation);

describe('archived campaigns', () => {
  it('offer "보관 해제", which brings the campaign back', async () => {
    const { unarchive } = renderActions('ko', { archived: true, approvalState: 'draft' });
    fireEvent.click(await screen.findByRole('button', { name: '보관 해제' }));
    await waitFor(() => expect(unarchive).toHaveBeenCalledWith('c1'));
    expect(
      await screen.findByText('보관을 해제했습니다. 캠페인 목록에 다시 나타납니다.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: '보관' })).toBeNull();
  });

  it('say "Unarchive" in English', async () => {
    renderActions('en', { archived: true, approvalState: 'draft' });
    expect(await screen.findByRole('button', { name: 'Unarchive' })).toBeTruthy();
  });

  it('archiving says archived, not deleted', async () => {
    const { remove } = renderActions('ko', { archived: false, approvalState: 'draft' });
    expect(screen.queryByRole('button', { name: '보관 해제' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: '보관' }));
    expect(await screen.findByText('캠페인 1개를 보관할까요?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '확인' }));
    await waitFor(() => expect(remove).toHaveBeenCalled());
    expect(
      await screen.findByText(
        '캠페인을 보관했습니다. 보관됨 필터로 찾아 보관을 해제할 수 있습니다.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/삭제/)).toBeNull();
  });
});
