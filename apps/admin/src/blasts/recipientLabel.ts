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

/**
 * What a picker's text box shows once someone is chosen: the nickname with the Kakao user id,
 * since several people may share a nickname.
 */
export function recipientPickerText(recipient: RecipientName | undefined | null): string {
  if (!recipient) {
    return '';
  }
  const { nickname, kakaoUserId } = recipient;
  return nickname && kakaoUserId ? `${nickname} · ${kakaoUserId}` : recipientLabel(recipient);
}

/** Suggestions come from the API's search (nickname or id), so every one it answers matches. */
export const anySuggestion = (): boolean => true;

/** Recipient pickers list the newest first (`id` is not a sortable field of the list). */
export const NEWEST = { field: 'createdAt', order: 'DESC' } as const;
