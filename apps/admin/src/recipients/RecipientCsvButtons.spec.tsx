import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, type DataProvider, ListContextProvider } from 'react-admin';

import { createI18nProvider } from '@admin/i18n/i18nProvider';
import {
  CsvTemplateButton,
  ExportRecipientsButton,
  IMPORT_TEMPLATE,
} from '@admin/recipients/RecipientCsvButtons';

jest.mock('@admin/shared/downloadBlob', () => ({ downloadBlob: jest.fn() }));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { downloadBlob } = require('@admin/shared/downloadBlob') as { downloadBlob: jest.Mock };

function renderButtons(dataProvider: DataProvider) {
  const list = {
    filterValues: { tag: ['vip'] },
    sort: { field: 'nickname', order: 'ASC' },
    total: 3,
  } as unknown as Parameters<typeof ListContextProvider>[0]['value'];
  render(
    <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider('ko')}>
      <ListContextProvider value={list}>
        <CsvTemplateButton />
        <ExportRecipientsButton />
      </ListContextProvider>
    </AdminContext>,
  );
}

describe('recipient CSV buttons', () => {
  beforeEach(() => downloadBlob.mockReset());

  it('downloads an import template with the columns the import reads', () => {
    renderButtons({} as DataProvider);
    fireEvent.click(screen.getByRole('button', { name: 'CSV 양식' }));
    expect(downloadBlob).toHaveBeenCalledWith(expect.any(Blob), 'recipients-import-template.csv');
    expect(IMPORT_TEMPLATE).toBe('\uFEFFkakao_user_id,tags,time_zone\r\n');
  });

  it('exports what the list shows, in the UI language', async () => {
    const asked: unknown[] = [];
    const dataProvider = {
      exportRecipients: (query: unknown) => {
        asked.push(query);
        return Promise.resolve({ data: new Blob(['csv']) });
      },
    } as unknown as DataProvider;
    renderButtons(dataProvider);
    fireEvent.click(screen.getByRole('button', { name: 'CSV 내보내기' }));
    await waitFor(() =>
      expect(downloadBlob).toHaveBeenCalledWith(
        expect.any(Blob),
        expect.stringMatching(/^recipients-\d{4}-\d{2}-\d{2}\.csv$/),
      ),
    );
    expect(asked).toEqual([
      { filter: { tag: ['vip'] }, sort: { field: 'nickname', order: 'ASC' }, locale: 'ko' },
    ]);
  });
});
