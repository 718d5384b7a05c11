import { REDACTED, redactSecrets } from './audit-redaction';

describe('redactSecrets', () => {
  it('replaces credential fields at any depth and keeps everything else', () => {
    expect(
      redactSecrets({
        name: 'Demo',
        hashtags: ['popup'],
        password: 'hunter2-hunter2',
        adminKey: 'abc',
        rest_api_key: 'def',
        nested: { clientSecret: 'ghi', tokenHash: 'jkl', title: 'ok' },
        list: [{ passwordHash: '$argon2id$...' }, 'plain'],
      }),
    ).toEqual({
      name: 'Demo',
      hashtags: ['popup'],
      password: REDACTED,
      adminKey: REDACTED,
      rest_api_key: REDACTED,
      nested: { clientSecret: REDACTED, tokenHash: REDACTED, title: 'ok' },
      list: [{ passwordHash: REDACTED }, 'plain'],
    });
  });

  it('keeps booleans and nulls that only say whether a secret is set', () => {
    expect(
      redactSecrets({ hasAdminKey: true, hasClientSecret: false, adminKeySealed: null }),
    ).toEqual({ hasAdminKey: true, hasClientSecret: false, adminKeySealed: null });
  });

  it('leaves dates and other class instances as they are', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    expect(redactSecrets({ publishedAt: at })).toEqual({ publishedAt: at });
  });
});
