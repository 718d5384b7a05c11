import { Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';

import { ClientIp, Public } from '@app/access';
import { PUBLIC_PAGE_HEADERS } from '@app/common';
import { type JoinAnswer, type JoinCallbackQuery, RecipientOptInService } from '@app/recipients';

async function answer(reply: FastifyReply, result: JoinAnswer): Promise<void> {
  if (result.setCookie !== undefined) {
    reply.header('set-cookie', result.setCookie);
  }
  if (result.kind === 'redirect') {
    await reply
      .code(303)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('location', result.location)
      .send();
    return;
  }
  await reply.code(result.status).headers(PUBLIC_PAGE_HEADERS).send(result.html);
}

/**
 * The opt-in pages people open (`/join/:channelPublicId`, outside the `/api` prefix): public,
 * server-rendered, no admin needed. Every outcome is an HTML page.
 */
@ApiExcludeController()
@Controller('join')
export class JoinController {
  constructor(private readonly optIn: RecipientOptInService) {}

  @Get(':channelPublicId')
  @Public()
  async page(
    @Param('channelPublicId') channelPublicId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await answer(reply, await this.optIn.page(channelPublicId));
  }

  /** The button: a fresh signed state, then Kakao's consent page. */
  @Post(':channelPublicId/start')
  @Public()
  async start(
    @Param('channelPublicId') channelPublicId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await answer(reply, await this.optIn.start(channelPublicId));
  }

  /** Where Kakao sends the browser back: `?code&state` or `?error&state`. */
  @Get(':channelPublicId/callback')
  @Public()
  async callback(
    @Param('channelPublicId') channelPublicId: string,
    @Query() query: JoinCallbackQuery,
    @Headers('cookie') cookie: string | undefined,
    @ClientIp() ip: string | null,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await answer(reply, await this.optIn.callback(channelPublicId, query, cookie, ip));
  }
}
