import { type AuthenticatedUser, Role } from '@app/accounts';

import { AccessErrorCode, type AccessException } from './access.exception';
import { channelFromHeader, channelFromRouteParam } from './channel-resolution';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const FOREIGN = '33333333-3333-4333-8333-333333333333';

function user(channels: [string, Role][]): AuthenticatedUser {
  return {
    id: 'u',
    email: 'u@demo.local',
    displayName: 'U',
    isOperator: false,
    channels: channels.map(([channelId, role]) => ({
      channelId,
      role,
      channelName: channelId,
      channelPublicId: `_${channelId}`,
    })),
  };
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as AccessException).code;
  }
  throw new Error('expected a failure');
}

describe('channelFromHeader', () => {
  const two = user([
    [A, Role.Marketer],
    [B, Role.Admin],
  ]);

  it('takes the header when the user is a member', () => {
    expect(channelFromHeader(two, B)).toEqual({ id: B, role: Role.Admin });
  });

  it('falls back to the only channel', () => {
    expect(channelFromHeader(user([[A, Role.Manager]]), undefined)).toEqual({
      id: A,
      role: Role.Manager,
    });
  });

  it.each([
    ['several channels, no header', two, undefined, AccessErrorCode.ChannelRequired],
    ['no channel at all', user([]), undefined, AccessErrorCode.NoChannel],
    ['a foreign channel', two, FOREIGN, AccessErrorCode.NotChannelMember],
    ['a malformed header', two, 'abc', AccessErrorCode.InvalidChannelHeader],
    ['a repeated header', two, [A, B], AccessErrorCode.InvalidChannelHeader],
  ])('refuses %s', (_name, who, header, code) => {
    expect(codeOf(() => channelFromHeader(who, header))).toBe(code);
  });
});

describe('channelFromRouteParam', () => {
  it('takes the route channel when the user is a member', () => {
    expect(channelFromRouteParam(user([[A, Role.Admin]]), A)).toEqual({ id: A, role: Role.Admin });
  });

  it('answers not-found for foreign, malformed and missing ids alike', () => {
    const who = user([[A, Role.Admin]]);
    for (const value of [FOREIGN, 'abc', undefined]) {
      expect(codeOf(() => channelFromRouteParam(who, value))).toBe(AccessErrorCode.ChannelNotFound);
    }
  });
});
