// Recipients as the API answers them (libs/recipients/src/recipient.dto.ts) and their deliveries
// (apps/api/src/recipients/recipient-deliveries.ts).

import { type DeliveryState, type RunState } from '@admin/blasts/types';

export const CONSENT_STATES = ['active', 'needs_consent', 'revoked'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const CHANNEL_RELATIONS = ['ADDED', 'BLOCKED', 'NONE', 'UNKNOWN'] as const;
export type ChannelRelation = (typeof CHANNEL_RELATIONS)[number];

export const RECIPIENT_SOURCES = ['opt_in', 'ingest'] as const;
export type RecipientSource = (typeof RECIPIENT_SOURCES)[number];

export type AttributeValue = string | number | boolean;

export interface Recipient {
  id: string;
  channelId: string;
  kakaoUserId: string;
  kakaoUuid: string | null;
  nickname: string | null;
  scopes: string[] | null;
  hasAccessToken: boolean;
  hasRefreshToken: boolean;
  accessTokenExpiresAt: string | null;
  consentState: ConsentState;
  consentReason: string | null;
  consentChangedAt: string | null;
  channelRelation: ChannelRelation;
  channelRelationCheckedAt: string | null;
  timeZone: string | null;
  tags: string[];
  attributes: Record<string, AttributeValue>;
  source: RecipientSource;
  optedInAt: string;
  lastDeliveredAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ConsentChange {
  from: ConsentState | null;
  to: ConsentState;
  reason: string | null;
  actorUserId: string | null;
  at: string;
}

export interface RelationChange {
  from: ChannelRelation;
  to: ChannelRelation;
  at: string;
}

/** `GET /api/recipients/:id`: the recipient with its consent and relation history. */
export interface RecipientDetail extends Recipient {
  consentHistory: ConsentChange[];
  relationHistory: RelationChange[];
}

/** `GET /api/recipients/:id/deliveries`: one ledger row of one run of a blast. */
export interface RecipientDelivery {
  id: string;
  runId: string;
  runScheduledAt: string;
  runState: RunState;
  blastId: string;
  blastName: string;
  state: DeliveryState;
  attempts: number;
  kakaoCode: number | null;
  reason: string | null;
  sentAt: string | null;
  updatedAt: string;
}

/** `PUT /api/recipients/:id`. */
export interface RecipientUpdate {
  version: number;
  tags: string[];
  attributes: Record<string, AttributeValue>;
  timeZone: string | null;
}
