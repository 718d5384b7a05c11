import { render, screen } from '@testing-library/react';
import { AdminContext, RecordContextProvider } from 'react-admin';

import { createI18nProvider, type Locale } from '@admin/i18n/i18nProvider';
import { UserStatusField } from '@admin/users/UserList';

function renderStatus(locale: Locale, disabled: boolean) {
  return render(
    <AdminContext i18nProvider={createI18nProvider(locale)}>
      <RecordContextProvider value={{ id: 'u1', disabled }}>
        <UserStatusField />
      </RecordContextProvider>
    </AdminContext>,
  );
}

describe('users list status', () => {
  it.each([
    ['en', false, 'Active'],
    ['en', true, 'Disabled'],
    ['ko', false, '활성'],
    ['ko', true, '비활성'],
  ] as const)('%s: disabled=%s reads "%s"', (locale, disabled, text) => {
    renderStatus(locale, disabled);
    expect(screen.getByText(text)).toBeTruthy();
    expect(document.body.textContent).not.toContain('✕');
  });
});
