import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, type Identifier } from 'react-admin';

import { type ConsoleDataProvider } from '@admin/dataProvider';
import { createI18nProvider } from '@admin/i18n/i18nProvider';
import {
  importPollInterval,
  importProgressView,
  isImportFinished,
} from '@admin/recipient-imports/importProgress';
import { ImportProgress } from '@admin/recipient-imports/ImportProgress';
import { type ImportState, type RecipientImport } from '@admin/recipient-imports/types';
import { blobText } from '@admin/shared/downloadBlob';

function importAt(state: ImportState, rows: Partial<RecipientImport> = {}): RecipientImport {
  return {
    id: 'imp-1',
    channelId: 'ch-a',
    kind: 'recipient_fields',
    targetId: null,
    mode: 'merge',
    state,
    fileName: 'tags.csv',
    bytesReceived: 120,
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    rowsApplied: 0,
    error: null,
    createdBy: 'u1',
    createdAt: '2030-01-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    updatedAt: '2030-01-01T00:00:00.000Z',
    errorsUrl: '/api/recipients/imports/imp-1/errors.csv',
    ...rows,
  };
}

describe('import progress', () => {
  it('polls until the worker is done', () => {
    expect(importPollInterval(importAt('queued'))).toBe(1000);
    expect(importPollInterval(importAt('processing'), 250)).toBe(250);
    expect(importPollInterval(undefined)).toBe(1000);
    expect(importPollInterval(importAt('completed'))).toBe(false);
    expect(importPollInterval(importAt('failed'))).toBe(false);
    expect(isImportFinished(importAt('uploading'))).toBe(false);
  });

  it('shows a running bar while rows are read and a full one when done', () => {
    const reading = importProgressView(
      importAt('processing', { rowsRead: 1000, rowsAccepted: 998, rowsRejected: 2 }),
    );
    expect(reading).toMatchObject({
      finished: false,
      percent: null,
      message: 'app.import.progress.processing',
      hasErrorReport: false,
    });
    expect(reading.args).toEqual({ read: 1000, accepted: 998, rejected: 2, applied: 0 });

    const clean = importProgressView(
      importAt('completed', { rowsRead: 3, rowsAccepted: 3, rowsApplied: 3 }),
    );
    expect(clean).toMatchObject({ finished: true, percent: 100, color: 'success' });
    expect(clean.hasErrorReport).toBe(false);

    const withRejects = importProgressView(
      importAt('completed', { rowsRead: 3, rowsAccepted: 2, rowsRejected: 1, rowsApplied: 2 }),
    );
    expect(withRejects).toMatchObject({ color: 'warning', hasErrorReport: true });
    expect(
      importProgressView(importAt('failed', { error: 'header: no kakao_user_id' })),
    ).toMatchObject({
      finished: true,
      percent: 100,
      color: 'error',
      message: 'app.import.progress.failed',
    });
  });
});

describe('<ImportProgress>', () => {
  const answers: RecipientImport[] = [
    importAt('queued'),
    importAt('processing', { rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 }),
    importAt('completed', { rowsRead: 3, rowsAccepted: 2, rowsRejected: 1, rowsApplied: 2 }),
  ];

  const report = new Blob(['row,kakao_user_id,reason\r\n3,999,no recipient\r\n'], {
    type: 'text/csv',
  });

  /** The console's data provider as far as the progress needs it. */
  function setup() {
    let polls = 0;
    const importErrors = jest.fn((_id: Identifier) => Promise.resolve({ data: report }));
    const dataProvider = {
      getOne: (resource: string, params: { id: Identifier }) => {
        expect([resource, params.id]).toEqual(['recipient-imports', 'imp-1']);
        const answer = answers[Math.min(polls, answers.length - 1)];
        polls += 1;
        return Promise.resolve({ data: answer });
      },
      importErrors,
    } as unknown as ConsoleDataProvider;
    const finished: RecipientImport[] = [];
    render(
      <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider('en')}>
        <ImportProgress importId="imp-1" onFinished={(row) => finished.push(row)} />
      </AdminContext>,
    );
    return { finished, importErrors, polls: () => polls };
  }

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('follows the import to the end and then offers its error report', async () => {
    const downloads: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      downloads.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = jest.fn();
    const clicks = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const view = setup();

    await screen.findByText('Waiting for a worker…');
    expect(screen.getByTestId('import-progress').getAttribute('data-state')).toBe('queued');
    expect(screen.queryByTestId('import-error-report')).toBeNull();

    act(() => jest.advanceTimersByTime(1000));
    await screen.findByText('2 rows read: 1 accepted, 1 rejected');
    expect(screen.getByTestId('import-progress-bar').getAttribute('aria-valuenow')).toBeNull();

    act(() => jest.advanceTimersByTime(1000));
    await screen.findByText('Done: 2 applied, 1 rejected (of 3 rows)');
    expect(screen.getByTestId('import-progress-bar').getAttribute('aria-valuenow')).toBe('100');
    expect(view.finished.map((row) => row.state)).toEqual(['completed']);

    // Done: no more polling.
    const polls = view.polls();
    act(() => jest.advanceTimersByTime(5000));
    expect(view.polls()).toBe(polls);

    fireEvent.click(screen.getByText('Download the error report (1 row)'));
    await waitFor(() => expect(clicks).toHaveBeenCalled());
    expect(view.importErrors).toHaveBeenCalledWith('imp-1');
    expect(downloads).toHaveLength(1);
    // Decoding drops the byte-order mark the file starts with.
    expect(await blobText(downloads[0] ?? new Blob())).toBe(
      'Row,Kakao user id,Reason\r\n3,999,no recipient\r\n',
    );
    clicks.mockRestore();
  });
});
