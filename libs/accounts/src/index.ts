export { AccountsErrorCode, AccountsException } from './accounts.exception';
export { AccountsModule } from './accounts.module';
export { LoginDto, toAuthUserResponse, toLoginResponse } from './auth.dto';
export type { AuthUserResponse, LoginResponse, UserChannelResponse } from './auth.dto';
export { AuthService } from './auth.service';
export type {
  Authentication,
  AuthenticatedUser,
  ChannelAccess,
  LoginInput,
  LoginResult,
} from './auth.types';
export { ChannelMembershipEntity } from './channel-membership.entity';
export { normalizeEmail } from './email';
export { LOGIN_THROTTLE_POLICY } from './login-throttle.policy';
export { TRUSTED_DEVICE_COOKIE } from './trusted-login-devices';
export type { MembershipRole } from './membership-diff';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-hasher';
export { Role, ROLES } from './role';
export { SessionEntity } from './session.entity';
export { SESSION_LIFETIME_MS } from './session-token';
export { UserEntity } from './user.entity';
export { CreateUserDto, MembershipDto, toUserResponse, UpdateUserDto } from './users.dto';
export type { MembershipResponse, UserRecord, UserResponse } from './users.dto';
export { USER_LIST_RULES, UserListFilter } from './user-list.filter';
export { userAdminScope, UsersService } from './users.service';
export type {
  CreateUserInput,
  ProvisionUserInput,
  UpdateUserInput,
  UserAdminScope,
} from './users.service';
