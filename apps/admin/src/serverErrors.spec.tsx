/**
 * @jest-environment node
 */
import { en } from '@admin/i18n/en';
import { ko } from '@admin/i18n/ko';
import { translatableReason } from '@admin/serverErrors';

/** The translation key and arguments react-admin gets for an API reason; null when shown as is. */
function translationOf(reason: string): { message: string; args: Record<string, unknown> } | null {
  const translated = translatableReason(reason);
  return translated === reason
    ? null
    : (JSON.parse(translated.replace('@@react-admin@@', '')) as {
        message: string;
        args: Record<string, unknown>;
      });
}

function textAt(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

describe('API reasons about hostile input', () => {
  it.each([
    ['must not contain NUL characters', 'no_nul'],
    ['the file name must not contain NUL characters', 'no_nul'],
    ['must be valid Unicode text', 'unicode_text'],
    ['the file name must be valid Unicode text', 'unicode_text'],
    ['the multipart body is incomplete', 'multipart_incomplete'],
    ['imageWidth must not be greater than 2147483647', 'at_most_number'],
    ['must not point at a private or local address', 'private_target'],
  ])('translates "%s" in Korean and English', (reason, key) => {
    expect(translationOf(reason)?.message).toBe(`app.validation.${key}`);
    expect(typeof textAt(en, `app.validation.${key}`)).toBe('string');
    expect(typeof textAt(ko, `app.validation.${key}`)).toBe('string');
  });

  it('passes the limit of a number on', () => {
    expect(translationOf('imageHeight must not be greater than 2147483647')?.args).toMatchObject({
      max: 2147483647,
    });
  });
});
