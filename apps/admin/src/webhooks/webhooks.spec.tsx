import { fireEvent, render, screen } from '@testing-library/react';
import { AdminContext } from 'react-admin';

import { createI18nProvider, type Locale } from '@admin/i18n/i18nProvider';
import { SecretDialog } from '@admin/webhooks/SecretDialog';
import { StatusCodeChip } from '@admin/webhooks/WebhookChips';
import {
  attemptOutcome,
  eventsError,
  toCreateWebhook,
  toUpdateWebhook,
  webhookUrlError,
} from '@admin/webhooks/webhookForm';

function renderIn(locale: Locale, element: React.ReactElement) {
  return render(<AdminContext i18nProvider={createI18nProvider(locale)}>{element}</AdminContext>);
}

describe('webhook form rules (mirroring libs/webhooks)', () => {
  it.each([
    'https://hooks.example.com/kakao',
    'http://localhost:4000/hook',
    'http://127.0.0.1/hook',
    'http://[::1]:8080/hook',
    '',
  ])('accepts %j', (url) => {
    expect(webhookUrlError(url)).toBeUndefined();
  });

  it.each([
    ['http://example.com/hook', 'app.webhooks.validation.https'],
    ['ftp://example.com/hook', 'app.webhooks.validation.url'],
    ['example.com/hook', 'app.webhooks.validation.url'],
  ])('rejects %j with %s', (url, key) => {
    expect(webhookUrlError(url)).toBe(key);
  });

  it('needs at least one event', () => {
    expect(eventsError([])).toBe('app.webhooks.validation.events');
    expect(eventsError(undefined)).toBe('app.webhooks.validation.events');
    expect(eventsError(['blast.started'])).toBeUndefined();
  });

  it('sends trimmed values, events in canonical order, and the version on update', () => {
    const values = {
      url: '  https://hooks.example.com/kakao ',
      events: ['blast.finished', 'campaign.published'] as const,
      description: '  CRM  ',
      enabled: false,
      version: 3,
    };
    expect(toCreateWebhook({ ...values, events: [...values.events] })).toEqual({
      url: 'https://hooks.example.com/kakao',
      events: ['campaign.published', 'blast.finished'],
      description: 'CRM',
      enabled: false,
    });
    expect(toUpdateWebhook({ ...values, events: [...values.events] })).toMatchObject({
      version: 3,
    });
    expect(toCreateWebhook({ url: 'https://a.example', events: [], description: null })).toEqual({
      url: 'https://a.example',
      events: [],
      description: '',
      enabled: true,
    });
  });

  it('tells answered, failed and unanswered attempts apart', () => {
    expect(attemptOutcome(204)).toBe('ok');
    expect(attemptOutcome(500)).toBe('http_error');
    expect(attemptOutcome(302)).toBe('http_error');
    expect(attemptOutcome(null)).toBe('no_answer');
  });
});

describe('SecretDialog', () => {
  it('shows the secret once with a warning and closes when confirmed', () => {
    const onClose = jest.fn();
    renderIn('ko', <SecretDialog secret="whsec_abc123" onClose={onClose} />);
    expect(screen.getByTestId('webhook-secret').textContent).toBe('whsec_abc123');
    expect(screen.getByText(/다시는 보여 주지 않습니다/)).toBeTruthy();
    fireEvent.click(screen.getByText('복사했습니다'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('stays closed without a secret', () => {
    renderIn('en', <SecretDialog secret={undefined} onClose={() => undefined} />);
    expect(screen.queryByTestId('webhook-secret')).toBeNull();
  });
});

describe('StatusCodeChip', () => {
  it.each([
    ['en', 200, '200'],
    ['en', null, 'No answer'],
    ['ko', null, '응답 없음'],
  ] as const)('in %s shows %s as %s', (locale, statusCode, text) => {
    renderIn(locale, <StatusCodeChip statusCode={statusCode} />);
    expect(screen.getByText(text)).toBeTruthy();
  });
});
