import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';

import { ClientIp, Public } from '@app/access';
import {
  IngestKeysService,
  IngestRecipientsDto,
  type IngestResultResponse,
  RecipientIngestService,
} from '@app/recipients';

/**
 * For the channel's own backend: registers users it already logged in with Kakao, with their
 * tokens. Public to the session guard; guarded by the channel's ingest key, which also names the
 * channel. All items or none; a 400 names each bad item (`recipients.3.accessToken`).
 */
@ApiTags('ingest')
@Controller('ingest')
export class IngestController {
  constructor(
    private readonly keys: IngestKeysService,
    private readonly ingest: RecipientIngestService,
  ) {}

  @Post('recipients')
  @HttpCode(200)
  @Public()
  @ApiHeader({ name: 'X-Api-Key', required: true, description: 'The channel ingest key' })
  async recipients(
    @Headers('x-api-key') apiKey: string | undefined,
    @Body() body: IngestRecipientsDto,
    @ClientIp() ip: string | null,
  ): Promise<IngestResultResponse> {
    const key = await this.keys.authenticate(apiKey);
    return this.ingest.ingest(key, body.recipients, ip);
  }
}
