import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, type DataProvider } from 'react-admin';

import { TestSendPanel } from '@admin/blasts/TestSendPanel';
import { createI18nProvider } from '@admin/i18n/i18nProvider';
import { type Recipient } from '@admin/recipients/types';

function namesake(kakaoUserId: string, tags: string[]): Partial<Recipient> {
  return {
    id: `r-${kakaoUserId}`,
    kakaoUserId,
    nickname: '조수아',
    consentState: 'active',
    tags,
  };
}

const people = [
  namesake('4010000001', ['vip']),
  namesake('4010000002', []),
  namesake('4010000003', ['seoul', 'vip', 'staff', 'beta']),
  namesake('4010000004', []),
];

function setup() {
  const testSendBlast = jest.fn(() => Promise.resolve({ data: { sent: true as const } }));
  const dataProvider = {
    getList: () => Promise.resolve({ data: people, total: people.length }),
    getMany: (_resource: string, { ids }: { ids: string[] }) =>
      Promise.resolve({ data: people.filter((person) => ids.includes(person.id ?? '')) }),
    testSendBlast,
  } as unknown as DataProvider;
  render(
    <AdminContext dataProvider={dataProvider} i18nProvider={createI18nProvider('ko')}>
      <TestSendPanel blastId="b1" />
    </AdminContext>,
  );
  return { testSendBlast };
}

describe('<TestSendPanel>', () => {
  it('tells namesakes apart by Kakao user id, consent and tags, and keeps the choice after sending', async () => {
    const { testSendBlast } = setup();
    const input = await screen.findByRole('combobox');
    fireEvent.change(input, { target: { value: '조수아' } });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const options = await screen.findAllByTestId('recipient-option');
    expect(options).toHaveLength(4);
    const ids = options.map(
      (option) => within(option).getByTestId('recipient-option-id').textContent,
    );
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe('ID 4010000001');
    expect(options[0]?.textContent).toContain('수신 동의');
    expect(options[2]?.textContent).toContain('#seoul #vip #staff 외 1개');

    fireEvent.click(options[2]);
    await waitFor(() => expect((input as HTMLInputElement).value).toBe('조수아 · 4010000003'));
    fireEvent.click(screen.getByRole('button', { name: /테스트 보내기/ }));
    await waitFor(() => expect(testSendBlast).toHaveBeenCalledWith('b1', 'r-4010000003'));
    expect((input as HTMLInputElement).value).toBe('조수아 · 4010000003');
  });
});
