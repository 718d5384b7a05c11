import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, LessThan, type Repository } from 'typeorm';

import { SessionEntity } from './session.entity';

export type NewSession = Pick<
  SessionEntity,
  'tokenHash' | 'userId' | 'expiresAt' | 'ip' | 'userAgent'
>;

@Injectable()
export class SessionsRepository {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {}

  async create(session: NewSession): Promise<void> {
    await this.sessions.insert(session);
  }

  /**
   * The live session of a token with its user, memberships and their channels, in one query
   * driven by the unique index on token_hash. Disabled users have no live sessions.
   */
  findLive(tokenHash: string, now: Date): Promise<SessionEntity | null> {
    return this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.user', 'user')
      .leftJoinAndSelect('user.memberships', 'membership')
      .leftJoinAndSelect('membership.channel', 'channel')
      .where('session.tokenHash = :tokenHash', { tokenHash })
      .andWhere('session.revokedAt IS NULL')
      .andWhere('session.expiresAt > :now', { now })
      .andWhere('user.disabled = false')
      .orderBy('channel.name', 'ASC')
      .getOne();
  }

  /** Like findLive, by the session's id (for what a session handed out, e.g. board passes). */
  findLiveById(id: string, now: Date): Promise<SessionEntity | null> {
    return this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.user', 'user')
      .leftJoinAndSelect('user.memberships', 'membership')
      .leftJoinAndSelect('membership.channel', 'channel')
      .where('session.id = :id', { id })
      .andWhere('session.revokedAt IS NULL')
      .andWhere('session.expiresAt > :now', { now })
      .andWhere('user.disabled = false')
      .orderBy('channel.name', 'ASC')
      .getOne();
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.sessions.update({ id, revokedAt: IsNull() }, { revokedAt: now });
  }

  /** Ends every live session of a user (password reset, account disabled). */
  async revokeAllOfUser(manager: EntityManager, userId: string, now: Date): Promise<void> {
    await manager.update(SessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: now });
  }

  /** Drops a user's sessions that ended before the cut-off (kept until then as sign-in history). */
  async purgeEnded(userId: string, endedBefore: Date): Promise<void> {
    await this.sessions.delete({ userId, expiresAt: LessThan(endedBefore) });
  }
}
