import { Injectable } from '@nestjs/common';

import { AppConfig } from '@app/config';

import { type TrackedLink, type TrackingClaim, TrackingTokens } from './tracking-token';

/** Tracking links of the console's public origin (`PUBLIC_BASE_URL`): `/r/<token>`. */
@Injectable()
export class TrackingLinksService {
  private readonly tokens: TrackingTokens;
  private readonly baseUrl: string;

  constructor(config: AppConfig) {
    this.tokens = new TrackingTokens(config.secretsKey);
    this.baseUrl = config.publicBaseUrl;
  }

  linkFor(deliveryId: string, link: TrackedLink): string {
    return `${this.baseUrl}/r/${this.tokens.sign({ deliveryId, link })}`;
  }

  /** The landing page a tracking link leads to, with the same token. */
  landingPageFor(token: string): string {
    return `${this.baseUrl}/l/${token}`;
  }

  verify(token: string): TrackingClaim | undefined {
    return this.tokens.verify(token);
  }
}
