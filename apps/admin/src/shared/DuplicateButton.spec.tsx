import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, type DataProvider, Notification, RecordContextProvider } from 'react-admin';

import { createI18nProvider } from '@admin/i18n/i18nProvider';
import { copyName, DuplicateButton } from '@admin/shared/DuplicateButton';
import { allowNavigation } from '@admin/test/navigationRequest';

allowNavigation();

function setup(locale: 'en' | 'ko', resource: 'campaigns' | 'blasts') {
  const calls: unknown[][] = [];
  const dataProvider = {
    duplicate: (...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve({ data: { id: 'copy-1', name: args[2] } });
    },
  } as unknown as DataProvider;
  render(
    <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider(locale)}>
      <RecordContextProvider value={{ id: 'c1', name: 'Winter drop' }}>
        <DuplicateButton resource={resource} />
      </RecordContextProvider>
      <Notification />
    </AdminContext>,
  );
  return calls;
}

describe('<DuplicateButton>', () => {
  it('copies a campaign as a draft named in Korean, and says so', async () => {
    const calls = setup('ko', 'campaigns');
    fireEvent.click(screen.getByRole('button', { name: '복제' }));
    await waitFor(() => expect(calls).toEqual([['campaigns', 'c1', 'Winter drop (사본)']]));
    expect(await screen.findByText('"Winter drop (사본)" 초안을 만들었습니다')).toBeTruthy();
  });

  it('copies a blast with an English name', async () => {
    const calls = setup('en', 'blasts');
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect(calls).toEqual([['blasts', 'c1', 'Winter drop (copy)']]));
  });

  it('keeps a long name within 100 characters', () => {
    const name = copyName('가'.repeat(100), '사본');
    expect([...name]).toHaveLength(100);
    expect(name.endsWith(' (사본)')).toBe(true);
  });
});
