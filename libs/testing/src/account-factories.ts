import { randomBytes } from 'node:crypto';

import { type INestApplicationContext } from '@nestjs/common';

import { type MembershipRole, UsersService } from '@app/accounts';
import { type ChannelEntity, ChannelsService } from '@app/channels';

/** The password of seeded users unless one is given (12+ characters, as the console requires). */
const DEFAULT_PASSWORD = 'seeded-user-password';

export interface SeededUser {
  id: string;
  email: string;
  password: string;
}

function suffix(): string {
  return randomBytes(4).toString('hex');
}

/** A channel with a random public id (no Kakao keys unless given). */
export function seedChannel(
  app: INestApplicationContext,
  input: { name?: string; channelPublicId?: string; adminKey?: string } = {},
): Promise<ChannelEntity> {
  const id = suffix();
  return app.get(ChannelsService).upsert({
    name: input.name ?? `Test channel ${id}`,
    channelPublicId: input.channelPublicId ?? `_t${id}`,
    adminKey: input.adminKey,
  });
}

/** A user with the given roles; the email is random unless given. Idempotent per email. */
export async function seedUser(
  app: INestApplicationContext,
  input: {
    memberships: MembershipRole[];
    email?: string;
    password?: string;
    displayName?: string;
    /** An instance operator (the queue board); default not. */
    operator?: boolean;
  },
): Promise<SeededUser> {
  const email = input.email ?? `user-${suffix()}@test.local`;
  const password = input.password ?? DEFAULT_PASSWORD;
  const user = await app.get(UsersService).provision({
    email,
    password,
    displayName: input.displayName ?? email.split('@')[0] ?? email,
    memberships: input.memberships,
    operator: input.operator,
  });
  return { id: user.id, email: user.email, password };
}
