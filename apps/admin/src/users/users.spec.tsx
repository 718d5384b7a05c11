/**
 * @jest-environment node
 */
import { en } from '@admin/i18n/en';
import { ko } from '@admin/i18n/ko';
import { translatableReason } from '@admin/serverErrors';
import { toUpdateUser } from '@admin/users/UserEdit';

const base = {
  version: 3,
  displayName: ' Kim ',
  disabled: false,
  memberships: [{ channelId: 'a', role: 'marketer' as const }],
};

/** The translation key react-admin gets for an API reason, or null when it is shown as is. */
function keyOf(reason: string): string | null {
  const translated = translatableReason(reason);
  if (translated === reason) {
    return null;
  }
  return (JSON.parse(translated.replace('@@react-admin@@', '')) as { message: string }).message;
}

function textAt(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

describe('user edit form', () => {
  it('sends the current password only with a new one', () => {
    expect(toUpdateUser({ ...base, currentPassword: 'old-one' })).not.toHaveProperty(
      'currentPassword',
    );
    expect(
      toUpdateUser({ ...base, password: 'a-new-passphrase', currentPassword: 'the-old-one' }),
    ).toMatchObject({ password: 'a-new-passphrase', currentPassword: 'the-old-one' });
    expect(toUpdateUser({ ...base, password: 'a-new-passphrase' })).not.toHaveProperty(
      'currentPassword',
    );
  });

  it.each([
    ['is too easy to guess: use a longer passphrase or an uncommon mix of words', 'password_weak'],
    ['only an admin of every channel of this user can change it', 'account_wide'],
    ['is required to change your own password', 'current_password_required'],
    ['does not match your current password', 'current_password_wrong'],
    ['must be a recipient of this channel', 'channel_recipient'],
  ])('translates the API reason "%s"', (reason, key) => {
    expect(keyOf(reason)).toBe(`app.validation.${key}`);
    expect(typeof textAt(en, `app.validation.${key}`)).toBe('string');
    expect(typeof textAt(ko, `app.validation.${key}`)).toBe('string');
  });
});
