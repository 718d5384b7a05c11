import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@app/audit';

import { ChannelEntity } from './channel.entity';
import { ChannelsService } from './channels.service';

@Module({
  imports: [TypeOrmModule.forFeature([ChannelEntity]), AuditModule],
  providers: [ChannelsService],
  exports: [ChannelsService],
})
export class ChannelsModule {}
