import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@app/audit';

import { AuthService } from './auth.service';
import { ChannelMembershipEntity } from './channel-membership.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionEntity } from './session.entity';
import { SessionsRepository } from './sessions.repository';
import { TrustedLoginDevices } from './trusted-login-devices';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Users, channel memberships and sessions. Exposes services only, never repositories. */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, ChannelMembershipEntity, SessionEntity]),
    AuditModule,
  ],
  providers: [
    AuthService,
    UsersService,
    UsersRepository,
    SessionsRepository,
    PasswordHasher,
    LoginThrottle,
    TrustedLoginDevices,
  ],
  exports: [AuthService, UsersService],
})
export class AccountsModule {}
