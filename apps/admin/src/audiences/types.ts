// Audiences as the API answers them (libs/audiences/src/audience.dto.ts, audience-rules.ts).

import { type Recipient } from '@admin/recipients/types';

export const AUDIENCE_KINDS = ['dynamic', 'static'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export type AttributeScalar = string | number | boolean;

/** One condition: `{ field, operator, value }` (see the rule builder for every combination). */
export interface Rule {
  field: string;
  operator: string;
  value?: AttributeScalar | AttributeScalar[];
}

export interface RuleGroup {
  combinator: 'and' | 'or';
  children: RuleNode[];
}

export type RuleNode = Rule | RuleGroup;

export interface AudienceExclusions {
  audienceIds: string[];
  rules: RuleGroup | null;
}

export interface Audience {
  id: string;
  channelId: string;
  name: string;
  description: string | null;
  kind: AudienceKind;
  rules: RuleGroup | null;
  exclude: AudienceExclusions;
  createdBy: string | null;
  archived: boolean;
  archivedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Only in list answers: the size now (null when it could not be counted in time). */
  size?: AudienceSize | null;
}

/** What `POST /api/audiences/preview` sizes: rules not saved yet. */
export interface AudienceDefinition {
  rules: RuleGroup;
  exclude?: AudienceExclusions;
}

/** `count` may be messaged now (consent active); `matching` is everyone the rules match. */
export interface AudienceSize {
  count: number;
  matching: number;
}

export interface AudiencePreview extends AudienceSize {
  sample: Recipient[];
}

export interface AudienceMembersResult {
  changed: number;
  /** Ids that are not recipients of the channel. */
  unknown: string[];
}

export interface AudienceWrite {
  name: string;
  description: string | null;
  kind: AudienceKind;
  rules?: RuleGroup;
  exclude: AudienceExclusions;
}

export interface AudienceUpdate extends Omit<AudienceWrite, 'kind'> {
  version: number;
}
