import { render, screen, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';

import { AuditChangesTable } from '@admin/audit-log/AuditChanges';
import {
  auditChanges,
  auditFieldLabel,
  auditTargetName,
  auditValueText,
} from '@admin/audit-log/auditView';
import { type AuditEntry } from '@admin/audit-log/types';
import { createI18nProvider, type Locale } from '@admin/i18n/i18nProvider';
import { translatorFor } from '@admin/test/translate';

const ko = translatorFor('ko');

/** A campaign approval as the API records it: the whole campaign before and after. */
const campaignBefore = {
  id: 'c1',
  channelId: 'ch',
  name: 'UX 워크 테스트 캠페인',
  version: 4,
  revision: 2,
  approvalState: 'submitted',
  updatedAt: '2026-12-07T15:10:00.000Z',
  recurrenceText: 'every week on Wednesday, Saturday for 4 times',
  content: {
    title: '윈터 팝업',
    allDay: false,
    startsAt: '2026-12-09T01:00:00.000Z',
    rrule: 'FREQ=WEEKLY;BYDAY=WE,SA;COUNT=4',
    reminders: [60],
    location: { name: '성수', address: '서울' },
  },
};
const campaignAfter = {
  ...campaignBefore,
  version: 5,
  approvalState: 'approved',
  updatedAt: '2026-12-07T15:12:00.000Z',
  recurrenceText: 'every week on Wednesday for 4 times',
  content: {
    ...campaignBefore.content,
    rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=4',
    reminders: [60, 1440],
    location: { name: '성수동 창고', address: '서울' },
  },
  kakaoCheckedAt: '2026-12-07T15:12:00.000Z',
};

const context = { translate: ko, locale: 'ko', timeZone: 'Asia/Seoul', snapshot: campaignAfter };

describe('audit changes as people read them', () => {
  it('leaves out bookkeeping and opens nested objects up to their fields', () => {
    expect(auditChanges(campaignBefore, campaignAfter).map((change) => change.path)).toEqual([
      'approvalState',
      'content.rrule',
      'content.reminders',
      'content.location.name',
      'kakaoCheckedAt',
    ]);
  });

  it('names fields as the screens do', () => {
    expect(auditFieldLabel('campaign', 'approvalState', ko)).toBe('승인');
    expect(auditFieldLabel('campaign', 'content.location.name', ko)).toBe('장소 이름');
    expect(auditFieldLabel('campaign', 'approvedRevision', ko)).toBe('승인된 리비전');
    expect(auditFieldLabel('campaign', 'somethingNew', ko)).toBe('somethingNew');
  });

  it('shows values in words and times in the channel zone', () => {
    expect(auditValueText('approvalState', 'approved', context)).toBe('승인됨');
    expect(auditValueText('content.allDay', false, context)).toBe('아니요');
    expect(auditValueText('kakaoCheckedAt', '2026-12-07T15:12:00.000Z', context)).toMatch(
      /^2026\. 12\. 8\. .*12:12:00 \(Asia\/Seoul\)$/,
    );
    expect(auditValueText('content.rrule', 'FREQ=WEEKLY;BYDAY=WE;COUNT=4', context)).toBe(
      '매주 수요일, 4회',
    );
    expect(auditValueText('content.reminders', [60, 1440], context)).toBe('1시간 전, 1일 전');
    expect(auditValueText('tags', ['vip', 'seoul'], context)).toBe('vip, seoul');
    expect(auditValueText('notes', null, context)).toBe('—');
    expect(auditValueText('memberships', [{ channelId: 'a', role: 'admin' }], context)).toBeNull();
  });

  it('names the record from its snapshot', () => {
    expect(auditTargetName({ before: campaignBefore, after: campaignAfter })).toBe(
      'UX 워크 테스트 캠페인',
    );
    expect(auditTargetName({ before: null, after: { email: 'kim@demo.local' } })).toBe(
      'kim@demo.local',
    );
    expect(auditTargetName({ before: null, after: { deliveryId: 'x' } })).toBeNull();
  });
});

describe('<AuditChangesTable>', () => {
  function renderIn(locale: Locale) {
    const entry: AuditEntry = {
      id: 'a1',
      at: '2026-12-07T15:12:00.000Z',
      actorUserId: 'u1',
      actorEmail: 'manager@demo.local',
      channelId: 'ch',
      ip: '127.0.0.1',
      action: 'campaign.approve',
      entityType: 'campaign',
      entityId: 'c1',
      before: campaignBefore,
      after: campaignAfter,
    };
    return render(
      <AdminContext i18nProvider={createI18nProvider(locale)}>
        <AuditChangesTable entry={entry} />
      </AdminContext>,
    );
  }

  it('reads in Korean without field names, UTC instants or English server text', () => {
    renderIn('ko');
    const table = screen.getByTestId('audit-changes');
    const text = table.textContent ?? '';
    expect(within(table).getByText('승인')).toBeTruthy();
    expect(within(table).getByText('승인 대기')).toBeTruthy();
    expect(text).toContain('장소 이름');
    expect(text).toContain('성수동 창고');
    expect(text).not.toMatch(/approvalState|updatedAt|version|recurrenceText|every week/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('reads in English too', () => {
    renderIn('en');
    const text = screen.getByTestId('audit-changes').textContent ?? '';
    expect(text).toContain('Approved');
    expect(text).toContain('(Asia/Seoul)');
  });
});
