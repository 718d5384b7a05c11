import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  AdminContext,
  type AuthProvider,
  type DataProvider,
  RecordContextProvider,
  ResourceContextProvider,
} from 'react-admin';

import { ApprovalHistory } from '@admin/campaigns/show/ApprovalHistory';
import { createI18nProvider, type Locale } from '@admin/i18n/i18nProvider';
import { allowNavigation } from '@admin/test/navigationRequest';
import { ImportButton } from '@admin/unmanaged-events/ImportButton';
import { UnmanagedEventList } from '@admin/unmanaged-events/UnmanagedEventList';

const authProvider: AuthProvider = {
  login: () => Promise.resolve(),
  logout: () => Promise.resolve(),
  checkAuth: () => Promise.resolve(),
  checkError: () => Promise.resolve(),
  canAccess: () => Promise.resolve(true),
};

function renderIn(
  locale: Locale,
  dataProvider: Partial<Record<string, jest.Mock>>,
  ui: React.ReactElement,
) {
  return render(
    <AdminContext
      dataProvider={dataProvider as unknown as DataProvider}
      authProvider={authProvider}
      i18nProvider={createI18nProvider(locale)}
    >
      {ui}
    </AdminContext>,
  );
}

beforeAll(allowNavigation);

describe('unmanaged events', () => {
  it('keep "compare with Kakao" on the empty list', async () => {
    const reconcile = jest.fn(() => Promise.resolve({ data: { queued: true } }));
    renderIn(
      'ko',
      { getList: jest.fn(() => Promise.resolve({ data: [], total: 0 })), reconcile },
      <ResourceContextProvider value="unmanaged-events">
        <UnmanagedEventList />
      </ResourceContextProvider>,
    );
    expect(await screen.findByText('관리되지 않는 일정이 없습니다')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '카카오와 비교' }));
    await waitFor(() => expect(reconcile).toHaveBeenCalled());
  });

  it('import only once the person confirms, saying it starts out approved', async () => {
    const importUnmanaged = jest.fn(() => Promise.resolve({ data: { id: 'c9' } }));
    renderIn(
      'en',
      { importUnmanaged },
      <RecordContextProvider value={{ id: 'u1', title: 'New Year', importedCampaignId: null }}>
        <ImportButton />
      </RecordContextProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Import as campaign' }));
    expect(await screen.findByText('Import "New Year" as a campaign?')).toBeTruthy();
    expect(screen.getByText(/starts out approved/)).toBeTruthy();
    expect(importUnmanaged).not.toHaveBeenCalled();
    fireEvent.click(screen.getAllByRole('button', { name: 'Import as campaign' }).at(-1)!);
    await waitFor(() => expect(importUnmanaged).toHaveBeenCalledWith('u1'));
  });

  it('show an imported campaign’s approval as taken over from Kakao', async () => {
    const approvals = jest.fn(() =>
      Promise.resolve({
        data: [
          {
            id: '1',
            revision: 1,
            decision: 'imported',
            actorId: 'u',
            comment: null,
            createdAt: '2030-01-01T00:00:00.000Z',
          },
        ],
      }),
    );
    renderIn(
      'ko',
      { approvals },
      <RecordContextProvider value={{ id: 'c9', approvalState: 'approved' }}>
        <ApprovalHistory />
      </RecordContextProvider>,
    );
    expect(await screen.findByText('카카오에서 가져옴 (승인된 것으로 봄)')).toBeTruthy();
  });
});
