import { fireEvent, render, screen } from '@testing-library/react';
import { AdminContext, type DataProvider, RecordContextProvider } from 'react-admin';

import { KeyTestPanel } from '@admin/channels/KeyTestPanel';
import { type KakaoKeysCheck } from '@admin/channels/types';
import { createI18nProvider } from '@admin/i18n/i18nProvider';

function renderPanel(locale: 'en' | 'ko', answer: KakaoKeysCheck) {
  const calls: unknown[] = [];
  const dataProvider = {
    testKakaoKeys: (id: string) => {
      calls.push(id);
      return Promise.resolve({ data: answer });
    },
  } as unknown as DataProvider;
  render(
    <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider(locale)}>
      <RecordContextProvider value={{ id: 'ch-1' }}>
        <KeyTestPanel />
      </RecordContextProvider>
    </AdminContext>,
  );
  return calls;
}

describe('<KeyTestPanel>', () => {
  it('tests the saved keys and says in Korean which one Kakao refused and why', async () => {
    const calls = renderPanel('ko', {
      checkedAt: '2026-12-08T00:00:00.000Z',
      results: [
        { key: 'adminKey', state: 'refused', code: '-401', message: 'wrong key' },
        { key: 'restApiKey', state: 'ok', code: null, message: null },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: '연결 테스트' }));
    expect((await screen.findByTestId('key-test-adminKey')).textContent).toContain(
      '어드민 키: 카카오가 거부했습니다(코드 -401). 키가 틀렸거나 다른 앱의 키입니다.',
    );
    expect(screen.getByTestId('key-test-restApiKey').textContent).toContain(
      'REST API 키: 카카오가 키를 받아들였습니다.',
    );
    expect(calls).toEqual(['ch-1']);
  });

  it('shows Kakao’s own words for a refusal it cannot name, and a missing key', async () => {
    renderPanel('en', {
      checkedAt: '2026-12-08T00:00:00.000Z',
      results: [
        { key: 'adminKey', state: 'missing', code: null, message: null },
        { key: 'restApiKey', state: 'refused', code: 'KOE999', message: 'app is blocked' },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByTestId('key-test-adminKey')).textContent).toContain(
      'Admin key: not set, nothing was sent.',
    );
    expect(screen.getByTestId('key-test-restApiKey').textContent).toContain(
      'REST API key: Kakao refused it (code KOE999). app is blocked',
    );
  });
});
