/** A Kakao user id (a Long) as text, as the API accepts it. */
const KAKAO_USER_ID = /^[1-9]\d{0,19}$/;

/** Ids per add or remove call (the API's limit); bigger lists go through a CSV import. */
export const MEMBERS_PER_CHANGE = 1000;

export interface ParsedIds {
  ids: string[];
  /** What was typed but is not a Kakao user id. */
  invalid: string[];
}

/** Kakao user ids typed or pasted one per line, or separated by commas or spaces; no duplicates. */
export function parseKakaoUserIds(text: string): ParsedIds {
  const words = text
    .split(/[\s,;]+/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
  const unique = [...new Set(words)];
  return {
    ids: unique.filter((word) => KAKAO_USER_ID.test(word)),
    invalid: unique.filter((word) => !KAKAO_USER_ID.test(word)),
  };
}
