import { randomBytes } from 'node:crypto';

import { type ChannelsService } from '@app/channels';
import { SecretBox } from '@app/common';
import { type KakaoClient, KakaoApiError, type RefreshedTokens } from '@app/kakao-client';

import { RecipientTokenVault } from './recipient-token.vault';
import { ConsentState } from './recipient.enums';
import { type CredentialRow, type RecipientRepository } from './recipient.repository';

const box = new SecretBox(randomBytes(32));
const CHANNEL = 'channel-1';

function row(
  id: string,
  overrides: Partial<CredentialRow> & { access?: string; refresh?: string } = {},
): CredentialRow {
  const { access = `access-${id}`, refresh = `refresh-${id}`, ...rest } = overrides;
  return {
    id,
    kakaoUserId: `10${id}`,
    kakaoUuid: null,
    timeZone: null,
    consentState: ConsentState.Active,
    scopes: ['talk_message', 'talk_calendar'],
    accessTokenSealed: box.encrypt(access),
    refreshTokenSealed: refresh === '' ? null : box.encrypt(refresh),
    accessTokenExpiresAt: new Date(Date.now() + 3600_000),
    ...rest,
  };
}

function oauthError(errorCode: string, status = 400): KakaoApiError {
  return new KakaoApiError({
    kind: 'oauth',
    status,
    msg: errorCode,
    error: 'invalid_grant',
    errorCode,
  });
}

function newTestVault(rows: CredentialRow[]) {
  const mocks = {
    repo: {
      credentialRows: jest.fn((_channel: string, ids: string[]) =>
        Promise.resolve(rows.filter((r) => ids.includes(r.id))),
      ),
      storeRefreshed: jest.fn((written: { id: string }[]) =>
        Promise.resolve(new Set(written.map((w) => w.id))),
      ),
      markNeedsConsent: jest.fn((losses: { id: string }[]) =>
        Promise.resolve(new Set(losses.map((l) => l.id))),
      ),
    },
    channels: {
      get: jest.fn(() => Promise.resolve({ id: CHANNEL })),
      credentials: jest.fn(() => ({ restApiKey: 'rest', clientSecret: 'secret' })),
    },
    kakao: {
      refreshAccessToken: jest.fn((refreshToken: string): Promise<RefreshedTokens> =>
        Promise.resolve({ accessToken: `new-${refreshToken}`, refreshToken, expiresIn: 21599 }),
      ),
    },
  };
  const sut = new RecipientTokenVault(
    mocks.repo as unknown as RecipientRepository,
    mocks.channels as unknown as ChannelsService,
    mocks.kakao as unknown as KakaoClient,
    box,
  );
  return { sut, mocks };
}

describe('RecipientTokenVault.sendingCredentials', () => {
  it('decrypts valid tokens in one query, in the order asked, without Kakao', async () => {
    const { sut, mocks } = newTestVault([row('a'), row('b')]);
    const answers = await sut.sendingCredentials(CHANNEL, ['b', 'a', 'b']);
    expect(answers).toEqual([
      expect.objectContaining({ recipientId: 'b', accessToken: 'access-b', kakaoUserId: '10b' }),
      expect.objectContaining({ recipientId: 'a', accessToken: 'access-a' }),
      expect.objectContaining({ recipientId: 'b', accessToken: 'access-b' }),
    ]);
    expect(mocks.repo.credentialRows).toHaveBeenCalledTimes(1);
    expect(mocks.kakao.refreshAccessToken).not.toHaveBeenCalled();
  });

  it('skips unknown, revoked, needs-consent and tokenless recipients with their reason', async () => {
    const { sut } = newTestVault([
      row('revoked', { consentState: ConsentState.Revoked }),
      row('again', { consentState: ConsentState.NeedsConsent }),
      row('none', { accessTokenSealed: null }),
    ]);
    expect(await sut.sendingCredentials(CHANNEL, ['missing', 'revoked', 'again', 'none'])).toEqual([
      { recipientId: 'missing', skip: 'not_found' },
      { recipientId: 'revoked', skip: 'revoked' },
      { recipientId: 'again', skip: 'needs_consent' },
      { recipientId: 'none', skip: 'no_token' },
    ]);
  });

  it('refreshes expired tokens with the channel keys and stores them before answering', async () => {
    const expired = row('x', { accessTokenExpiresAt: new Date(Date.now() - 1000) });
    const { sut, mocks } = newTestVault([expired]);
    const [answer] = await sut.sendingCredentials(CHANNEL, ['x']);
    expect(answer).toMatchObject({ recipientId: 'x', accessToken: 'new-refresh-x' });
    expect(mocks.kakao.refreshAccessToken).toHaveBeenCalledWith('refresh-x', {
      restApiKey: 'rest',
      clientSecret: 'secret',
    });
    const [[stored]] = mocks.repo.storeRefreshed.mock.calls as unknown as [
      [
        {
          id: string;
          previousAccessSealed: string;
          accessTokenSealed: string;
          refreshTokenSealed: string;
        }[],
      ],
    ];
    expect(stored[0].previousAccessSealed).toBe(expired.accessTokenSealed);
    expect(box.decrypt(stored[0].accessTokenSealed)).toBe('new-refresh-x');
    // Not rotated: the stored refresh token stays as it was.
    expect(stored[0].refreshTokenSealed).toBe(expired.refreshTokenSealed);
  });

  it('stores a rotated refresh token', async () => {
    const { sut, mocks } = newTestVault([row('x')]);
    mocks.kakao.refreshAccessToken.mockResolvedValueOnce({
      accessToken: 'fresh',
      refreshToken: 'rotated',
      expiresIn: 100,
      refreshTokenExpiresIn: 5183999,
    });
    await sut.sendingCredentials(CHANNEL, ['x'], { forceRefresh: true });
    const stored = (
      mocks.repo.storeRefreshed.mock.calls[0] as unknown as [
        { refreshTokenSealed: string; refreshTokenExpiresAt: Date }[],
      ]
    )[0][0];
    expect(box.decrypt(stored.refreshTokenSealed)).toBe('rotated');
    expect(stored.refreshTokenExpiresAt.getTime()).toBeGreaterThan(Date.now() + 5_000_000_000);
  });

  it('marks needs_consent on KOE322 and answers refresh_failed:KOE322', async () => {
    const { sut, mocks } = newTestVault([row('x', { accessTokenExpiresAt: new Date(0) })]);
    mocks.kakao.refreshAccessToken.mockRejectedValueOnce(oauthError('KOE322'));
    expect(await sut.sendingCredentials(CHANNEL, ['x'])).toEqual([
      { recipientId: 'x', skip: 'refresh_failed:KOE322' },
    ]);
    expect(mocks.repo.markNeedsConsent).toHaveBeenCalledWith([
      expect.objectContaining({ id: 'x', reason: 'refresh_failed:KOE322' }),
    ]);
  });

  it('does not blame recipients for bad app keys (KOE010) or Kakao outages', async () => {
    const { sut, mocks } = newTestVault([
      row('a', { accessTokenExpiresAt: new Date(0) }),
      row('b', { accessTokenExpiresAt: new Date(0) }),
    ]);
    mocks.kakao.refreshAccessToken
      .mockRejectedValueOnce(oauthError('KOE010', 401))
      .mockRejectedValueOnce(new KakaoApiError({ kind: 'network', status: 0, msg: 'reset' }));
    const answers = await sut.sendingCredentials(CHANNEL, ['a', 'b']);
    expect(answers.map((a) => ('skip' in a ? a.skip : a.accessToken))).toEqual([
      'refresh_unavailable:KOE010',
      'refresh_unavailable:network',
    ]);
    expect(mocks.repo.markNeedsConsent).not.toHaveBeenCalled();
  });

  it('marks needs_consent when the token lacks talk_message or nothing can refresh it', async () => {
    const { sut, mocks } = newTestVault([
      row('noscope', { scopes: ['talk_calendar'] }),
      row('norefresh', { refresh: '', accessTokenExpiresAt: new Date(0) }),
    ]);
    expect(await sut.sendingCredentials(CHANNEL, ['noscope', 'norefresh'])).toEqual([
      { recipientId: 'noscope', skip: 'missing_scope:talk_message' },
      { recipientId: 'norefresh', skip: 'refresh_failed:no_refresh_token' },
    ]);
    expect(mocks.repo.markNeedsConsent).toHaveBeenCalledTimes(2);
  });

  it('uses the token another worker stored when its own write loses the race', async () => {
    const stale = row('x', { accessTokenExpiresAt: new Date(0) });
    const fresh = row('x', { access: 'theirs' });
    const { sut, mocks } = newTestVault([stale]);
    mocks.repo.storeRefreshed.mockResolvedValueOnce(new Set());
    mocks.repo.credentialRows.mockResolvedValueOnce([stale]).mockResolvedValueOnce([fresh]);
    expect(await sut.sendingCredentials(CHANNEL, ['x'])).toEqual([
      expect.objectContaining({ recipientId: 'x', accessToken: 'theirs' }),
    ]);
  });
});
