import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Redis } from 'ioredis';

import { BlastsService, type TrackedDelivery } from '@app/blasts';
import { AppConfig } from '@app/config';
import { REDIS } from '@app/jobs';
import { isKakaoApiError, KakaoClient, KakaoErrorCode } from '@app/kakao-client';
import { RecipientsService } from '@app/recipients';
import { TrackedLink, TrackingLinksService } from '@app/tracking';

import { type LandingOutcome, renderLandingPage, renderLinkGonePage } from './landing-page';
import { ReachRepository } from './reach.repository';

/** What a tracking route answers: a redirect or a page. */
export type TrackingAnswer =
  { kind: 'redirect'; location: string } | { kind: 'page'; status: number; html: string };

const GONE: TrackingAnswer = { kind: 'page', status: 404, html: renderLinkGonePage() };

/**
 * Clicks of one tracking link within this many seconds of a counted one are the same click (a
 * double tap, a reload, a replayed link): they redirect as usual but are not counted again.
 */
export const CLICK_REPEAT_WINDOW_SECONDS = 30;

/**
 * Per-recipient tracking links: `/r/:token` counts the click and opens the landing page
 * `/l/:token`, whose button follows the public event (4.16) or subscribes to the calendar (4.18)
 * with the recipient's own stored token, and counts that too.
 */
@Injectable()
export class ReachTrackingService {
  private readonly logger = new Logger(ReachTrackingService.name);

  constructor(
    private readonly links: TrackingLinksService,
    private readonly blasts: BlastsService,
    private readonly recipients: RecipientsService,
    private readonly reach: ReachRepository,
    private readonly kakao: KakaoClient,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async click(token: string): Promise<TrackingAnswer> {
    const found = await this.resolve(token);
    if (!found) {
      return GONE;
    }
    const link = found.link === TrackedLink.Button ? 'button' : 'content';
    if (await this.opensClickWindow(found.delivery.deliveryId, link)) {
      await this.reach.recordEvent({ ...this.eventOf(found.delivery), kind: 'click', link });
    }
    return { kind: 'redirect', location: this.links.landingPageFor(token) };
  }

  /**
   * True when no click of this link was counted in the last CLICK_REPEAT_WINDOW_SECONDS (and
   * starts a window). Without Redis the click is counted: better a repeat than a lost click.
   */
  private async opensClickWindow(deliveryId: string, link: 'button' | 'content'): Promise<boolean> {
    if (this.redis.status !== 'ready') {
      return true;
    }
    const key = `${this.config.redis.queuePrefix}:click-window:${deliveryId}:${link}`;
    try {
      const set = await this.redis.set(key, '1', 'EX', CLICK_REPEAT_WINDOW_SECONDS, 'NX');
      return set === 'OK';
    } catch {
      return true;
    }
  }

  async landing(token: string, outcome?: LandingOutcome): Promise<TrackingAnswer> {
    const found = await this.resolve(token);
    if (!found) {
      return GONE;
    }
    const { delivery, link } = found;
    const message = delivery.message;
    const action = message.idType === 'calendar' ? 'subscribe' : 'follow';
    return {
      kind: 'page',
      status: 200,
      html: renderLandingPage(
        {
          title: message.title ?? '',
          description: message.description ?? null,
          imageUrl: message.imageUrl ?? null,
          action,
          actionPath: `/l/${token}/${action}`,
          continueUrl:
            (link === TrackedLink.Button
              ? (message.button?.webUrl ?? message.button?.mobileWebUrl)
              : (message.webUrl ?? message.mobileWebUrl)) ?? null,
        },
        outcome,
      ),
    };
  }

  /** The landing page's button: Kakao's follow / subscribe with the recipient's token. */
  async act(token: string): Promise<TrackingAnswer> {
    const found = await this.resolve(token);
    if (!found) {
      return GONE;
    }
    const { delivery } = found;
    const [credential] = await this.recipients.sendingCredentials(delivery.channelId, [
      delivery.recipientId,
    ]);
    if (!credential || 'skip' in credential) {
      return this.landing(token, 'needs_consent');
    }
    const kind = delivery.message.idType === 'calendar' ? 'subscribe' : 'follow';
    try {
      if (kind === 'subscribe') {
        await this.kakao.subscriptions.subscribe(credential.accessToken, delivery.kakaoTargetId);
      } else {
        await this.kakao.publicEvents.followPublicEvent(
          credential.accessToken,
          delivery.kakaoTargetId,
        );
      }
    } catch (error) {
      if (
        isKakaoApiError(error, KakaoErrorCode.InvalidToken) ||
        isKakaoApiError(error, KakaoErrorCode.InsufficientScope)
      ) {
        return this.landing(token, 'needs_consent');
      }
      this.logger.warn(
        `Landing ${kind} for delivery ${delivery.deliveryId} failed: ${String(error)}`,
      );
      return this.landing(token, 'kakao_failed');
    }
    await this.reach.recordEvent({ ...this.eventOf(delivery), kind, link: null });
    return this.landing(token, 'done');
  }

  private async resolve(
    token: string,
  ): Promise<{ delivery: TrackedDelivery; link: TrackedLink } | undefined> {
    const claim = this.links.verify(token);
    if (!claim) {
      return undefined;
    }
    const delivery = await this.blasts.trackedDelivery(claim.deliveryId);
    return delivery ? { delivery, link: claim.link } : undefined;
  }

  private eventOf(delivery: TrackedDelivery) {
    return {
      channelId: delivery.channelId,
      deliveryId: delivery.deliveryId,
      recipientId: delivery.recipientId,
      blastId: delivery.blastId,
      campaignId: delivery.campaignId,
      audienceId: delivery.audienceId,
    };
  }
}
