import { type ExecutionContext, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { type Authentication, type AuthService, Role } from '@app/accounts';

import { Authenticated, Public, RequireOperator, RequirePermission } from './access-rule';
import { AccessErrorCode, type AccessException } from './access.exception';
import { AccessGuard } from './access.guard';
import { Permission } from './permission';
import { type AccessRequest } from './request-access';

const CHANNEL = '11111111-1111-4111-8111-111111111111';
const TOKEN = `kccs_${'a'.repeat(43)}`;

class SampleController {
  @Public()
  open(): void {}

  @Authenticated()
  me(): void {}

  @RequirePermission(Permission.AuditRead)
  audit(): void {}

  @RequirePermission(Permission.ChannelManage, { channelParam: 'id' })
  updateChannel(): void {}

  @RequireOperator()
  queueBoard(): void {}

  forgotten(): void {}
}

const authentication: Authentication = {
  sessionId: 'session-1',
  expiresAt: new Date(Date.now() + 60_000),
  user: {
    id: 'user-1',
    email: 'kim@demo.local',
    displayName: 'Kim',
    isOperator: false,
    channels: [
      { channelId: CHANNEL, channelName: 'Demo', channelPublicId: '_d', role: Role.Marketer },
    ],
  },
};

const OPERATOR_TOKEN = `kccs_${'o'.repeat(43)}`;

/** An admin of the channel who is not an operator, and an operator who is only a marketer. */
const channelAdmin: Authentication = {
  ...authentication,
  user: {
    ...authentication.user,
    channels: [{ ...authentication.user.channels[0], role: Role.Admin }],
  },
};
const operator: Authentication = {
  ...authentication,
  sessionId: 'session-2',
  user: { ...authentication.user, id: 'user-2', isOperator: true },
};
const ADMIN_TOKEN = `kccs_${'b'.repeat(43)}`;

function setup(): { guard: AccessGuard; authenticate: jest.Mock } {
  const sessions: Record<string, Authentication> = {
    [TOKEN]: authentication,
    [ADMIN_TOKEN]: channelAdmin,
    [OPERATOR_TOKEN]: operator,
  };
  const authenticate = jest.fn((token: string) => Promise.resolve(sessions[token] ?? null));
  const guard = new AccessGuard(new Reflector(), { authenticate } as unknown as AuthService);
  return { guard, authenticate };
}

function contextFor(
  handler: keyof SampleController,
  request: Partial<AccessRequest>,
): ExecutionContext {
  const full = { method: 'GET', url: '/x', routeOptions: { url: '/x' }, headers: {}, ...request };
  return {
    switchToHttp: () => ({ getRequest: () => full }),
    getHandler: () => SampleController.prototype[handler],
    getClass: () => SampleController,
  } as unknown as ExecutionContext;
}

async function failureOf(run: Promise<unknown>): Promise<AccessException> {
  try {
    await run;
  } catch (error) {
    return error as AccessException;
  }
  throw new Error('expected a failure');
}

describe('AccessGuard', () => {
  it('closes and logs a route without a rule', async () => {
    const { guard, authenticate } = setup();
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = await failureOf(
      guard.canActivate(contextFor('forgotten', { headers: { authorization: `Bearer ${TOKEN}` } })),
    );
    expect(error.code).toBe(AccessErrorCode.RouteNotGuarded);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('SampleController.forgotten'));
    expect(authenticate).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('opens public routes without looking at tokens', async () => {
    const { guard, authenticate } = setup();
    await expect(guard.canActivate(contextFor('open', {}))).resolves.toBe(true);
    expect(authenticate).not.toHaveBeenCalled();
  });

  it('tells a missing token from a bad one', async () => {
    const { guard } = setup();
    expect((await failureOf(guard.canActivate(contextFor('me', {})))).code).toBe(
      AccessErrorCode.MissingToken,
    );
    for (const authorization of ['Bearer nope', 'Basic abc', `bearer  ${TOKEN}x`]) {
      expect(
        (await failureOf(guard.canActivate(contextFor('me', { headers: { authorization } })))).code,
      ).toBe(AccessErrorCode.InvalidToken);
    }
  });

  it('puts the user, the channel and the IP on the request', async () => {
    const { guard } = setup();
    const request: Partial<AccessRequest> = {
      headers: { authorization: `Bearer ${TOKEN}` },
      ip: '::ffff:10.1.2.3',
    };
    const context = contextFor('audit', request);
    const error = await failureOf(guard.canActivate(context));
    expect(error.code).toBe(AccessErrorCode.PermissionDenied);

    const allowed = contextFor('me', request);
    await expect(guard.canActivate(allowed)).resolves.toBe(true);
    const { access } = allowed.switchToHttp().getRequest<AccessRequest>();
    expect(access).toEqual({
      user: authentication.user,
      sessionId: 'session-1',
      channel: null,
      ip: '10.1.2.3',
    });
  });

  it('scopes permission routes to the channel of the header or the route', async () => {
    const { guard } = setup();
    const headers = { authorization: `Bearer ${TOKEN}` };
    const denied = await failureOf(
      guard.canActivate(contextFor('updateChannel', { headers, params: { id: CHANNEL } })),
    );
    expect(denied.code).toBe(AccessErrorCode.PermissionDenied);
    const foreign = await failureOf(
      guard.canActivate(
        contextFor('updateChannel', {
          headers,
          params: { id: '22222222-2222-4222-8222-222222222222' },
        }),
      ),
    );
    expect(foreign.code).toBe(AccessErrorCode.ChannelNotFound);
  });

  it('opens operator routes to operators only, whatever their channel role', async () => {
    const { guard } = setup();
    const asAdmin = await failureOf(
      guard.canActivate(
        contextFor('queueBoard', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
      ),
    );
    expect(asAdmin.code).toBe(AccessErrorCode.PermissionDenied);
    expect((await failureOf(guard.canActivate(contextFor('queueBoard', {})))).code).toBe(
      AccessErrorCode.MissingToken,
    );

    const allowed = contextFor('queueBoard', {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    await expect(guard.canActivate(allowed)).resolves.toBe(true);
    expect(allowed.switchToHttp().getRequest<AccessRequest>().access).toMatchObject({
      user: { id: 'user-2', isOperator: true },
      sessionId: 'session-2',
      channel: null,
    });
  });
});
