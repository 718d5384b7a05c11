import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type Repository } from 'typeorm';

import { DomainException, ErrorKind, SecretBox } from '@app/common';

import { ChannelEntity } from './channel.entity';

export interface CreateChannelInput {
  name: string;
  channelPublicId: string;
  kakaoAppId?: string;
  restApiKey?: string;
  adminKey?: string;
  clientSecret?: string;
  timeZone?: string;
  approvalRequired?: boolean;
}

export interface KakaoAppCredentials {
  restApiKey?: string;
  adminKey?: string;
  clientSecret?: string;
}

@Injectable()
export class ChannelsService {
  constructor(
    @InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>,
    private readonly secretBox: SecretBox,
  ) {}

  list(): Promise<ChannelEntity[]> {
    return this.channels.find({ order: { name: 'ASC' } });
  }

  findByPublicId(channelPublicId: string): Promise<ChannelEntity | null> {
    return this.channels.findOneBy({ channelPublicId });
  }

  async get(id: string): Promise<ChannelEntity> {
    const channel = await this.channels.findOneBy({ id });
    if (!channel) {
      throw new DomainException(ErrorKind.NotFound, 'channel.not_found', `Channel ${id} not found`);
    }
    return channel;
  }

  /** Creates the channel, or updates the one with the same public id (idempotent seeding). */
  async upsert(input: CreateChannelInput): Promise<ChannelEntity> {
    const existing = await this.findByPublicId(input.channelPublicId);
    const channel = existing ?? this.channels.create({ channelPublicId: input.channelPublicId });
    channel.name = input.name;
    channel.kakaoAppId = input.kakaoAppId ?? channel.kakaoAppId ?? null;
    channel.restApiKey = input.restApiKey ?? channel.restApiKey ?? null;
    if (input.adminKey !== undefined) {
      channel.adminKeySealed = this.secretBox.encrypt(input.adminKey);
    }
    if (input.clientSecret !== undefined) {
      channel.clientSecretSealed = this.secretBox.encrypt(input.clientSecret);
    }
    channel.timeZone = input.timeZone ?? channel.timeZone ?? 'Asia/Seoul';
    channel.approvalRequired = input.approvalRequired ?? channel.approvalRequired ?? true;
    return this.channels.save(channel);
  }

  /** The channel's Kakao app keys in clear text, for the Kakao client only. */
  credentials(channel: ChannelEntity): KakaoAppCredentials {
    return {
      restApiKey: channel.restApiKey ?? undefined,
      adminKey: channel.adminKeySealed ? this.secretBox.decrypt(channel.adminKeySealed) : undefined,
      clientSecret: channel.clientSecretSealed
        ? this.secretBox.decrypt(channel.clientSecretSealed)
        : undefined,
    };
  }
}
