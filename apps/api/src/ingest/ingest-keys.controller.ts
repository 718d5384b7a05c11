import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';

import { type ChannelActor, Permission, RequestActor, RequirePermission } from '@app/access';
import { UuidPipe } from '@app/common';
import {
  CreateIngestKeyDto,
  type CreatedIngestKeyResponse,
  IngestKeysService,
  type IngestKeyResponse,
  toIngestKeyResponse,
} from '@app/recipients';

/** Ingest API keys of a channel: admins create (the key is shown once), list and revoke them. */
@ApiTags('ingest')
@ApiParam({ name: 'id', format: 'uuid', description: 'channel id' })
@Controller('channels/:id/ingest-keys')
export class IngestKeysController {
  constructor(private readonly keys: IngestKeysService) {}

  @Post()
  @RequirePermission(Permission.ChannelManage, { channelParam: 'id' })
  async create(
    @RequestActor() actor: ChannelActor,
    @Body() body: CreateIngestKeyDto,
  ): Promise<CreatedIngestKeyResponse> {
    const { entity, key } = await this.keys.create(actor, body.name);
    return { ...toIngestKeyResponse(entity), key };
  }

  @Get()
  @RequirePermission(Permission.ChannelManage, { channelParam: 'id' })
  async list(@RequestActor() actor: ChannelActor): Promise<IngestKeyResponse[]> {
    return (await this.keys.list(actor.channelId)).map(toIngestKeyResponse);
  }

  @Delete(':keyId')
  @RequirePermission(Permission.ChannelManage, { channelParam: 'id' })
  async revoke(
    @RequestActor() actor: ChannelActor,
    @Param('keyId', UuidPipe) keyId: string,
  ): Promise<IngestKeyResponse> {
    return toIngestKeyResponse(await this.keys.revoke(actor, keyId));
  }
}
