import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';

import { Public } from '@app/access';
import { PUBLIC_PAGE_HEADERS } from '@app/common';
import { type TrackingAnswer, ReachTrackingService } from '@app/reach';

async function answer(reply: FastifyReply, result: TrackingAnswer): Promise<void> {
  if (result.kind === 'redirect') {
    await reply
      .code(302)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('location', result.location)
      .send();
    return;
  }
  await reply.code(result.status).headers(PUBLIC_PAGE_HEADERS).send(result.html);
}

/**
 * Tracking links people open from their calendar message (outside the `/api` prefix): `/r/:token`
 * counts the click and redirects to the landing page `/l/:token`, whose button follows or
 * subscribes with the recipient's own Kakao token.
 */
@ApiExcludeController()
@Controller()
export class TrackingController {
  constructor(private readonly tracking: ReachTrackingService) {}

  @Get('r/:token')
  @Public()
  async click(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, await this.tracking.click(token));
  }

  @Get('l/:token')
  @Public()
  async landing(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, await this.tracking.landing(token));
  }

  /** The landing page's button for a public event (4.16). */
  @Post('l/:token/follow')
  @Public()
  async follow(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, await this.tracking.act(token));
  }

  /** The landing page's button for a subscribe calendar (4.18). */
  @Post('l/:token/subscribe')
  @Public()
  async subscribe(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, await this.tracking.act(token));
  }
}
