import { type Role } from '@admin/access/permissions';

/** `GET /api/users` (libs/accounts/src/users.dto.ts). */
export interface ConsoleUser {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  role: Role | null;
  memberships: { channelId: string; role: Role }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Minimum length of a password the API accepts (libs/accounts password-hasher). */
export const PASSWORD_MIN_LENGTH = 12;
