import { render, screen, waitFor } from '@testing-library/react';
import { AdminContext, type DataProvider, RecordContextProvider } from 'react-admin';

import { diffRows, fieldLabel, readableValue } from '@admin/campaigns/show/revisionDiff';
import { RevisionHistory } from '@admin/campaigns/show/RevisionHistory';
import { createI18nProvider } from '@admin/i18n/i18nProvider';
import { translatorFor } from '@admin/test/translate';

const placeChange = {
  field: 'content.location',
  before: { name: '성수 팝업', address: '서울 성동구' },
  after: { name: '성수 팝업 2호점', address: '서울 성동구', latitude: 37.5 },
};

describe('revision diff rows', () => {
  it('split a changed place into its changed parts, each with its form label', () => {
    const rows = diffRows([placeChange, { field: 'notes', before: null, after: 'memo' }]);
    expect(rows.map((row) => row.field)).toEqual([
      'content.location.name',
      'content.location.latitude',
      'notes',
    ]);
    const ko = translatorFor('ko');
    expect(rows.map((row) => fieldLabel(row.field, ko))).toEqual(['장소 이름', '위도', '메모']);
  });

  it('read times in the zone, colours and reminders in words', () => {
    const ko = translatorFor('ko');
    const context = { translate: ko, formatInstant: (iso: string) => `@${iso}`, allDay: false };
    expect(readableValue('content.startsAt', '2030-04-12T01:00:00Z', context)).toBe(
      '@2030-04-12T01:00:00Z',
    );
    expect(readableValue('content.color', 'ORANGE', context)).toBe('주황');
    expect(readableValue('content.allDay', true, context)).toBe('예');
    expect(readableValue('content.reminders', [60], context)).toContain('1시간');
    expect(readableValue('content.title', 'x', context)).toBeUndefined();
  });
});

describe('revisions tab', () => {
  it('shows a place change as labelled rows, not JSON', async () => {
    const dataProvider = {
      revisions: () =>
        Promise.resolve({
          data: [
            { revision: 1, reason: 'create', createdAt: '2030-01-01T00:00:00Z', snapshot: {} },
            { revision: 2, reason: 'update', createdAt: '2030-01-02T00:00:00Z', snapshot: {} },
          ],
        }),
      diff: () => Promise.resolve({ data: [placeChange] }),
      getOne: () => Promise.resolve({ data: { id: 'ch', timeZone: 'Asia/Seoul' } }),
    } as unknown as DataProvider;
    render(
      <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider('ko')}>
        <RecordContextProvider value={{ id: 'c1', revision: 2, allDay: false, archived: false }}>
          <RevisionHistory />
        </RecordContextProvider>
      </AdminContext>,
    );
    await waitFor(() => expect(screen.getByTestId('revision-diff')).toBeTruthy());
    expect(screen.getByText('장소 이름')).toBeTruthy();
    expect(screen.getByText('성수 팝업 2호점')).toBeTruthy();
    expect(screen.getByTestId('revision-diff').textContent).not.toContain('{');
    // The short headers over the radio columns stay on one line.
    expect(getComputedStyle(screen.getByText('이전 리비전')).whiteSpace).toBe('nowrap');
  });
});
