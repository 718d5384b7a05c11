import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, type DataProvider, ResourceContextProvider } from 'react-admin';

import { newCampaignValues } from '@admin/campaigns/campaignForm';
import { CampaignForm } from '@admin/campaigns/form/CampaignForm';
import { createI18nProvider, type Locale } from '@admin/i18n/i18nProvider';

const dataProvider = {
  getList: () => Promise.resolve({ data: [], total: 0 }),
  getMany: () => Promise.resolve({ data: [] }),
} as unknown as DataProvider;

function renderForm(locale: Locale = 'ko') {
  const record = newCampaignValues('Asia/Seoul', Date.parse('2030-04-10T00:00:00Z'));
  const view = render(
    <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider(locale)}>
      <ResourceContextProvider value="campaigns">
        <CampaignForm record={record} />
      </ResourceContextProvider>
    </AdminContext>,
  );
  const input = (name: string) => {
    const found = view.container.querySelector<HTMLInputElement>(`[name="${name}"]`);
    if (!found) {
      throw new Error(`no input ${name}`);
    }
    return found;
  };
  return { ...view, input };
}

describe('campaign form', () => {
  // jsdom has no layout: record scrolling instead.
  const scrolled = jest.fn<void, [ScrollIntoViewOptions?]>();
  beforeAll(() => {
    Element.prototype.scrollIntoView = scrolled;
  });

  it('keeps the form when the start is cleared and asks for it on Save', async () => {
    const { input } = renderForm('ko');
    fireEvent.change(input('content.startsAt'), { target: { value: '' } });
    // The recurrence summary still renders; the form did not crash.
    expect(screen.getByTestId('recurrence-summary').textContent).toBe('반복 안 함');
    fireEvent.click(screen.getByRole('button', { name: '저장' }));
    await waitFor(() => expect(screen.getAllByText('필수 항목입니다').length).toBeGreaterThan(0));
    expect(input('content.startsAt').getAttribute('aria-invalid')).toBe('true');
  });

  it('counts the title’s characters while typing, red past the limit', () => {
    const { input } = renderForm('en');
    const counter = screen.getByTestId('length-content.title');
    expect(counter.textContent).toBe('0/50');
    fireEvent.change(input('content.title'), { target: { value: '성수 팝업 🎉' } });
    expect(counter.textContent).toBe('7/50');
    fireEvent.change(input('content.title'), { target: { value: 'x'.repeat(60) } });
    expect(counter.textContent).toBe('60/50');
    expect(getComputedStyle(counter).color).not.toBe(getComputedStyle(document.body).color);
  });

  it('shows the counter in Korean with the unit', () => {
    renderForm('ko');
    expect(screen.getByTestId('length-content.title').textContent).toBe('0/50자');
  });

  it('brings the first invalid input into view after a failed Save', async () => {
    scrolled.mockClear();
    const { input } = renderForm('ko');
    fireEvent.change(input('name'), { target: { value: 'Spring' } });
    fireEvent.click(screen.getByRole('button', { name: '저장' }));
    await waitFor(() => expect(scrolled).toHaveBeenCalled());
    expect(scrolled.mock.contexts[0]).toBe(input('content.title'));
    expect(document.activeElement).toBe(input('content.title'));
  });
});
