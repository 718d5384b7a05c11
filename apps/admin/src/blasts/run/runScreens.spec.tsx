import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, type DataProvider } from 'react-admin';

import { EstimatePanel } from '@admin/blasts/EstimatePanel';
import { deliveryReason } from '@admin/blasts/run/deliveryReason';
import { RunActions, waitsForQuietHours } from '@admin/blasts/run/RunActions';
import { shownPercent } from '@admin/blasts/run/RunProgressBar';
import { RunProgressPanel } from '@admin/blasts/run/RunProgressPanel';
import { StartBlastButton } from '@admin/blasts/StartBlastButton';
import { type Blast, type BlastEstimate, type RunProgress } from '@admin/blasts/types';
import { createI18nProvider } from '@admin/i18n/i18nProvider';

function progress(overrides: Partial<RunProgress>): RunProgress {
  return {
    runId: 'run-1',
    state: 'sending',
    pauseReason: null,
    resumeAt: null,
    total: 2,
    counts: { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0, unknown: 0 },
    done: 0,
    percent: 0,
    currentRate: 0,
    etaSeconds: null,
    ...overrides,
  };
}

/** Cancelled with nothing sent: both rows were skipped by the cancel. */
const cancelled = progress({
  state: 'cancelled',
  counts: { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 2, unknown: 0 },
  done: 2,
  percent: 100,
  etaSeconds: 0,
});

/** Paused by quiet hours that end at 08:00 Seoul time (23:00 UTC), two hours from "now". */
const quietPause = progress({
  state: 'paused',
  pauseReason: 'quiet_hours',
  resumeAt: '2030-04-11T23:00:00.000Z',
  counts: { pending: 2, sending: 0, sent: 0, failed: 0, skipped: 0, unknown: 0 },
});

function renderIn(locale: 'ko' | 'en', node: React.ReactNode, dataProvider: object = {}) {
  return render(
    <AdminContext
      dataProvider={dataProvider as DataProvider}
      i18nProvider={createI18nProvider(locale)}
    >
      {node}
    </AdminContext>,
  );
}

describe('blast run screens', () => {
  it('does not show a cancelled run with nothing sent as 100 % done', () => {
    expect(shownPercent(cancelled)).toBe(0);
    renderIn('ko', <RunProgressPanel progress={cancelled} streaming={false} />);
    expect(screen.getByTestId('run-percent').textContent).toBe('0%');
    expect(screen.getByTestId('run-done').textContent).toBe('0 / 2');
    expect(screen.getByTestId('run-eta').textContent).toBe('—');
  });

  it('keeps the done share for runs that were not cancelled', () => {
    expect(shownPercent(progress({ state: 'completed', percent: 100 }))).toBe(100);
    expect(
      shownPercent({
        ...cancelled,
        counts: { ...cancelled.counts, sent: 1, skipped: 1 },
      }),
    ).toBe(50);
  });

  it('translates the reasons the console writes and leaves Kakao text alone', () => {
    const i18n = createI18nProvider('ko');
    const translate = (key: string, options?: object) => i18n.translate(key, options);
    expect(deliveryReason('cancelled', translate)).toBe('회차 취소로 보내지 않음');
    expect(deliveryReason('refresh_failed:KOE322', translate)).toBe(
      '카카오 로그인 갱신 실패 (KOE322)',
    );
    expect(deliveryReason('frequency cap: 3 calendar messages in 7 days', translate)).toBe(
      '발송 빈도 제한 (7일에 최대 3건)',
    );
    expect(deliveryReason('rate limit exceeded', translate)).toBe('rate limit exceeded');
    expect(deliveryReason(null, translate)).toBe('—');
    const en = createI18nProvider('en');
    expect(deliveryReason('cancelled', (key, options) => en.translate(key, options))).toBe(
      'Not sent: the run was cancelled',
    );
  });

  it('disables resume during a quiet-hours pause and says when the run goes on by itself', () => {
    jest.useFakeTimers({ now: new Date('2030-04-11T21:00:00.000Z'), doNotFake: ['setTimeout'] });
    try {
      expect(waitsForQuietHours(quietPause)).toBe(true);
      expect(waitsForQuietHours({ ...quietPause, pauseReason: 'manual', resumeAt: null })).toBe(
        false,
      );
      renderIn('ko', <RunActions progress={quietPause} />);
      expect(screen.getByTestId<HTMLButtonElement>('run-resume').disabled).toBe(true);
      expect(screen.getByTestId('run-resume-hint').textContent).toContain(
        '야간 발송 제한 시간에는 재개할 수 없습니다. 2030. 4. 12. 오전 8:00 (Asia/Seoul)에 자동으로',
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps resume live for a manual pause', () => {
    renderIn(
      'en',
      <RunActions progress={{ ...quietPause, pauseReason: 'manual', resumeAt: null }} />,
    );
    expect(screen.getByTestId<HTMLButtonElement>('run-resume').disabled).toBe(false);
    expect(screen.queryByTestId('run-resume-hint')).toBeNull();
  });

  it('warns in the start dialog that quiet hours hold the first sends, with the wait counted', async () => {
    const estimate: BlastEstimate = {
      recipients: 2,
      durationSeconds: 2,
      quotaDays: 1,
      ratePerSecond: 1,
      quietUntil: '2030-04-11T23:00:00.000Z',
      waitSeconds: 7200,
    };
    const blastStartEstimate = jest.fn(() => Promise.resolve({ data: estimate }));
    const blast = {
      id: 'b1',
      name: '야간 테스트',
      state: 'draft',
      schedule: { kind: 'now', timeZone: 'Asia/Seoul' },
    } as unknown as Blast;
    renderIn('ko', <StartBlastButton blast={blast} />, { blastStartEstimate });
    fireEvent.click(screen.getByTestId('blast-start'));
    const notice = await screen.findByTestId('blast-quiet-notice');
    expect(notice.textContent).toBe('지금은 야간 발송 제한 시간입니다 — 08:00에 시작됩니다.');
    expect(screen.getByTestId('blast-start-content').textContent).toContain(
      '지금 시작하면 야간 발송 제한 시간이 끝난 뒤에 보냅니다.',
    );
    await waitFor(() =>
      expect(screen.getByTestId('blast-start-estimate').textContent).toBe(
        '수신자 2명 · 예상 소요 2시간 0분 (대기 2시간 0분 포함)',
      ),
    );
    expect(blastStartEstimate).toHaveBeenCalledWith('b1');
  });

  it('asks the wizard estimate about quiet hours and counts the wait in the duration', async () => {
    const blastEstimate = jest.fn(() =>
      Promise.resolve({
        data: {
          recipients: 32,
          durationSeconds: 32,
          quotaDays: 1,
          ratePerSecond: 1,
          quietUntil: '2030-04-11T23:00:00.000Z',
          waitSeconds: 600,
        } satisfies BlastEstimate,
      }),
    );
    renderIn('en', <EstimatePanel audienceId="a1" ratePerSecond={1} quietHours />, {
      blastEstimate,
    });
    const notice = await screen.findByTestId('blast-quiet-notice');
    expect(notice.textContent).toBe('It is quiet hours now — sending begins at 08:00.');
    expect(screen.getByTestId('estimate-duration').textContent).toBe(
      '10 min 32 s (including 10 min 0 s of waiting)',
    );
    expect(blastEstimate).toHaveBeenCalledWith('a1', 1, true);
  });
});
