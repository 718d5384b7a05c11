import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { Omittable } from '@app/common';

import { type ChannelMembershipEntity } from './channel-membership.entity';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-hasher';
import { Role } from './role';
import { type UserEntity } from './user.entity';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class MembershipDto {
  @IsUUID()
  channelId!: string;

  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role!: Role;
}

export class CreateUserDto {
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Transform(trim)
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password!: string;

  /** Must include the current channel; only channels the admin administers. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MembershipDto)
  memberships!: MembershipDto[];
}

export class UpdateUserDto {
  /** The version the client read; a stale one answers 409 with the current record. */
  @IsInt()
  @Min(1)
  version!: number;

  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  displayName?: string;

  @Omittable()
  @IsBoolean()
  disabled?: boolean;

  /**
   * A new password (reset by an admin); ends the user's sessions. Like the name and `disabled`
   * it belongs to the whole account: only an admin of every channel the user is in may change it.
   */
  @Omittable()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password?: string;

  /** Required with `password` when the caller changes their own password. */
  @Omittable()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  currentPassword?: string;

  /** Replaces the user's roles in the channels the admin administers; others stay as they are. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MembershipDto)
  memberships?: MembershipDto[];
}

export interface MembershipResponse {
  channelId: string;
  role: Role;
}

export interface UserResponse {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
  /** The role in the current channel; null once the user has been removed from it. */
  role: Role | null;
  /** Roles in the channels the caller administers (and the current one). */
  memberships: MembershipResponse[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A user with the memberships the caller may see. */
export interface UserRecord {
  user: UserEntity;
  memberships: ChannelMembershipEntity[];
}

export function toUserResponse(record: UserRecord, currentChannelId: string): UserResponse {
  const { user, memberships } = record;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    disabled: user.disabled,
    role: memberships.find((membership) => membership.channelId === currentChannelId)?.role ?? null,
    memberships: memberships.map(({ channelId, role }) => ({ channelId, role })),
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
