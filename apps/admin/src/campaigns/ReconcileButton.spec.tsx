import { act, fireEvent, render, screen } from '@testing-library/react';
import { AdminContext, type DataProvider, useGetList } from 'react-admin';

import { ReconcileButton } from '@admin/campaigns/ReconcileButton';
import { createI18nProvider } from '@admin/i18n/i18nProvider';

function KakaoStates() {
  const { data } = useGetList<{ id: string; kakaoState: string }>('campaigns');
  return <p data-testid="states">{data?.map((row) => row.kakaoState).join(',')}</p>;
}

describe('<ReconcileButton>', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows what the worker found without a reload, then stops asking', async () => {
    let compared = false;
    let lists = 0;
    const dataProvider = {
      getList: () => {
        lists += 1;
        return Promise.resolve({
          data: [{ id: 'c1', kakaoState: compared ? 'drifted' : 'in_sync' }],
          total: 1,
        });
      },
      reconcile: () => Promise.resolve({ data: { queued: true } }),
    } as unknown as DataProvider;
    render(
      <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider('en')}>
        <ReconcileButton />
        <KakaoStates />
      </AdminContext>,
    );
    await screen.findByText('in_sync');
    fireEvent.click(screen.getByRole('button'));
    await act(async () => {
      await Promise.resolve();
    });
    // The worker compares in the background.
    compared = true;
    act(() => jest.advanceTimersByTime(1500));
    await screen.findByText('drifted');

    act(() => jest.advanceTimersByTime(30_000));
    const settled = lists;
    act(() => jest.advanceTimersByTime(10_000));
    expect(lists).toBe(settled);
  });
});
