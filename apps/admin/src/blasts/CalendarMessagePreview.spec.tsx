import { fireEvent, render, screen } from '@testing-library/react';
import { AdminContext } from 'react-admin';

import {
  CalendarMessagePreview,
  type CalendarMessagePreviewProps,
} from '@admin/blasts/CalendarMessagePreview';
import { createI18nProvider, type Locale } from '@admin/i18n/i18nProvider';

function renderPreview(props: CalendarMessagePreviewProps, locale: Locale = 'ko') {
  return render(
    <AdminContext i18nProvider={createI18nProvider(locale)}>
      <CalendarMessagePreview {...props} />
    </AdminContext>,
  );
}

const message: CalendarMessagePreviewProps = {
  idType: 'event',
  title: '성수 팝업 스토어',
  description: '4/12–4/14 성수동\n사전 예약 고객에게 굿즈를 드립니다.',
  imageUrl: 'https://cdn.example.com/popup.png',
  imageWidth: 800,
  imageHeight: 400,
  senderName: '성수 스토어',
};

describe('CalendarMessagePreview (Kakao calendar message bubble)', () => {
  it('shows the image, the title and the description as the bubble does', () => {
    renderPreview(message);
    expect(screen.getByTestId('preview-title').textContent).toBe('성수 팝업 스토어');
    expect(screen.getByTestId('preview-description').textContent).toBe(
      '4/12–4/14 성수동\n사전 예약 고객에게 굿즈를 드립니다.',
    );
    const image = screen.getByTestId('preview-image');
    expect(image.getAttribute('src')).toBe('https://cdn.example.com/popup.png');
    expect(screen.getByText('성수 스토어')).toBeTruthy();
    expect(screen.getByText('톡캘린더')).toBeTruthy();
  });

  it.each([
    ['event', 'ko', '캘린더에 추가'],
    ['calendar', 'ko', '구독하기'],
    ['event', 'en', 'Add to calendar'],
    ['calendar', 'en', 'Subscribe'],
  ] as const)("labels Kakao's fixed button for %s messages in %s: %s", (idType, locale, label) => {
    renderPreview({ ...message, idType }, locale);
    expect(screen.getByTestId('preview-fixed-button').textContent).toBe(label);
    expect(screen.getByTestId('calendar-message-preview').getAttribute('data-id-type')).toBe(
      idType,
    );
  });

  it('adds the custom button beside the fixed one, once it has a title', () => {
    const { rerender } = renderPreview({ ...message, button: { title: '예약하기' } });
    expect(screen.getByTestId('preview-custom-button').textContent).toBe('예약하기');
    expect(screen.getByTestId('preview-fixed-button').textContent).toBe('캘린더에 추가');

    rerender(
      <AdminContext i18nProvider={createI18nProvider('ko')}>
        <CalendarMessagePreview {...message} button={{ title: '   ' }} />
      </AdminContext>,
    );
    expect(screen.queryByTestId('preview-custom-button')).toBeNull();
  });

  it('leaves out what the message does not have, and asks for content when it has none', () => {
    renderPreview(
      { idType: 'calendar', title: '', description: null, imageUrl: 'not a url' },
      'en',
    );
    expect(screen.queryByTestId('preview-title')).toBeNull();
    expect(screen.queryByTestId('preview-description')).toBeNull();
    expect(screen.queryByTestId('preview-image')).toBeNull();
    expect(screen.getByText('Add a title, a description or an image')).toBeTruthy();
    expect(screen.getByTestId('preview-fixed-button').textContent).toBe('Subscribe');
  });

  it('says so when the image cannot be loaded', () => {
    renderPreview(message, 'en');
    fireEvent.error(screen.getByTestId('preview-image'));
    expect(screen.getByText('The image cannot be loaded')).toBeTruthy();
  });
});
