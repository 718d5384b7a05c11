/** The fields of `GET /api/recipients` rows that name a person. */
export interface RecipientName {
  nickname?: string | null;
  kakaoUserId?: string;
}

/** A recipient as pickers and the ledger name them: the nickname, else the Kakao user id. */
export function recipientLabel(recipient: RecipientName | undefined | null): string {
  if (!recipient) {
    return '';
  }
  return recipient.nickname ?? recipient.kakaoUserId ?? '';
}

/** Recipient pickers list the newest first (`id` is not a sortable field of the list). */
export const NEWEST = { field: 'createdAt', order: 'DESC' } as const;
