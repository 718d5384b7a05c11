import { fireEvent, render, screen, within } from '@testing-library/react';
import { AdminContext, Form } from 'react-admin';

import { RecurrenceInput } from '@admin/campaigns/form/RecurrenceInput';
import {
  buildRrule,
  describeRecurrence,
  describeRrule,
  parseRrule,
  recurrenceProblems,
} from '@admin/campaigns/recurrence';
import { createI18nProvider } from '@admin/i18n/i18nProvider';
import { translatorFor } from '@admin/test/translate';

const en = { translate: translatorFor('en'), locale: 'en' };
const ko = { translate: translatorFor('ko'), locale: 'ko' };

describe('recurrence rule ↔ builder fields', () => {
  it.each([
    'FREQ=DAILY',
    'FREQ=DAILY;INTERVAL=3;COUNT=5',
    'FREQ=WEEKLY;BYDAY=MO,WE,FR',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20300430',
    'FREQ=MONTHLY;BYMONTHDAY=15',
    'FREQ=YEARLY;COUNT=10',
  ])('round-trips %s', (rule) => {
    const fields = parseRrule(rule);
    expect(fields).not.toBeNull();
    expect(buildRrule(fields!)).toBe(rule);
  });

  it('reads what people type: prefix, lower case, trailing semicolon, days in any order', () => {
    expect(buildRrule(parseRrule('RRULE:freq=weekly;byday=fr,mo;')!)).toBe(
      'FREQ=WEEKLY;BYDAY=MO,FR',
    );
  });

  it('keeps a UTC date-time UNTIL as its date', () => {
    expect(parseRrule('FREQ=DAILY;UNTIL=20301231T150000Z')?.end).toEqual({
      kind: 'until',
      until: '2030-12-31',
    });
  });

  it.each([
    'FREQ=HOURLY',
    'FREQ=MONTHLY;BYDAY=1MO',
    'FREQ=YEARLY;BYMONTH=4',
    'FREQ=DAILY;COUNT=2;UNTIL=20300101',
    'FREQ=DAILY;INTERVAL=0',
    'INTERVAL=2',
    '',
  ])('leaves %p to the text editor', (rule) => {
    expect(parseRrule(rule)).toBeNull();
  });

  it('names the problems the builder can see before the API does', () => {
    const fields = parseRrule('FREQ=DAILY;UNTIL=20300101')!;
    expect(recurrenceProblems(fields, '2030-02-01')).toEqual({
      until: 'app.validation.until_before_start',
    });
    expect(recurrenceProblems({ ...fields, interval: 0 }, undefined)).toEqual({
      interval: 'app.validation.interval',
    });
  });
});

describe('recurrence summary', () => {
  it.each([
    ['FREQ=DAILY', 'Every day', '매일'],
    ['FREQ=DAILY;INTERVAL=3', 'Every 3 days', '3일마다'],
    ['FREQ=WEEKLY;BYDAY=MO,WE', 'Every week on Monday and Wednesday', '매주 월요일 및 수요일'],
    [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;COUNT=5',
      'Every 2 weeks on Friday, 5 times',
      '2주마다 금요일, 5회',
    ],
    ['FREQ=MONTHLY', 'Every month on day 12', '매월 12일'],
    ['FREQ=MONTHLY;BYMONTHDAY=1', 'Every month on day 1', '매월 1일'],
    ['FREQ=YEARLY', 'Every year on April 12', '매년 4월 12일'],
    ['FREQ=DAILY;COUNT=1', 'Every day, 1 time', '매일, 1회'],
  ])('%s reads "%s" / "%s"', (rule, english, korean) => {
    const startDate = '2030-04-12';
    expect(describeRrule(rule, { ...en, startDate })).toBe(english);
    expect(describeRrule(rule, { ...ko, startDate })).toBe(korean);
  });

  it('ends on a date in the reader’s language', () => {
    const fields = parseRrule('FREQ=DAILY;UNTIL=20300430')!;
    expect(describeRecurrence(fields, en)).toBe('Every day, until April 30, 2030');
    expect(describeRecurrence(fields, ko)).toBe('매일, 2030년 4월 30일까지');
  });

  it('says when a rule follows the lunar calendar', () => {
    expect(describeRrule('FREQ=YEARLY', { ...en, lunar: true })).toBe(
      'Every year (lunar calendar)',
    );
  });

  it('shows rules the builder cannot read as they are', () => {
    expect(describeRrule('FREQ=YEARLY;BYMONTH=4', en)).toBe('FREQ=YEARLY;BYMONTH=4');
  });
});

describe('<RecurrenceInput>', () => {
  function renderBuilder(rrule: string | null) {
    let submitted: Record<string, unknown> | undefined;
    render(
      <AdminContext i18nProvider={createI18nProvider('en')}>
        <Form
          record={{
            content: { allDay: false, startsAt: '2030-04-12T10:00', rrule, lunar: false },
          }}
          onSubmit={(values: Record<string, unknown>) => {
            submitted = values;
          }}
        >
          <RecurrenceInput source="content.rrule" />
          <button type="submit">save</button>
        </Form>
      </AdminContext>,
    );
    return {
      summary: () => screen.getByTestId('recurrence-summary').textContent,
      submit: async () => {
        fireEvent.click(screen.getByText('save'));
        await screen.findByTestId('recurrence-summary');
        return submitted;
      },
    };
  }

  it('starts a weekly rule on the start’s weekday when switched on', () => {
    const builder = renderBuilder(null);
    expect(builder.summary()).toBe('Does not repeat');
    fireEvent.click(within(screen.getByTestId('recurrence-toggle')).getByRole('switch'));
    // 2030-04-12 is a Friday.
    expect(builder.summary()).toBe('Every week on Friday');
  });

  it('updates the rule and its summary as weekdays and the end change', async () => {
    const builder = renderBuilder('FREQ=WEEKLY;BYDAY=MO');
    expect(builder.summary()).toBe('Every week on Monday');
    fireEvent.click(screen.getByTestId('weekday-WE'));
    expect(builder.summary()).toBe('Every week on Monday and Wednesday');
    fireEvent.click(screen.getByTestId('recurrence-end-count'));
    fireEvent.change(screen.getByTestId('recurrence-count'), { target: { value: '4' } });
    expect(builder.summary()).toBe('Every week on Monday and Wednesday, 4 times');
    await expect(builder.submit()).resolves.toMatchObject({
      content: { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4' },
    });
  });

  it('offers the rule as text when the builder cannot show it', () => {
    const builder = renderBuilder('FREQ=YEARLY;BYMONTH=4');
    expect(builder.summary()).toBe('FREQ=YEARLY;BYMONTH=4');
    expect(screen.getByDisplayValue('FREQ=YEARLY;BYMONTH=4')).toBeTruthy();
  });
});
