import { Injectable, Logger } from '@nestjs/common';

import { type AuditActor } from '@app/audit';
import { CampaignsService, SyncState } from '@app/campaigns';
import { JobName, JobsService, OnJob } from '@app/jobs';
import { KakaoClient } from '@app/kakao-client';
import { RecipientsService } from '@app/recipients';

import {
  type EstimateKind,
  FollowEstimateRepository,
  type FollowEstimateRow,
} from './follow-estimate.repository';
import { followWindow, sampleSizeFor, wilsonInterval } from './follow-estimate.stats';
import { ReachErrorCode, ReachException } from './reach.exception';

export interface ReachEstimateRequest {
  kind?: unknown;
  quotaBudget?: unknown;
}

export interface ReachEstimateResponse {
  id: string;
  campaignId: string;
  kind: EstimateKind;
  state: FollowEstimateRow['state'];
  source: 'estimated';
  quotaBudget: number;
  population: number | null;
  sampleSize: number | null;
  checked: number;
  hits: number;
  unreachable: number;
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  confidence: 0.95;
  error: string | null;
  requestedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Checks run in parallel per estimate. */
const CONCURRENCY = 8;
/** Progress is written every this many checks. */
const PROGRESS_EVERY = 20;
/** Credentials are read in chunks of this many recipients. */
const CREDENTIAL_CHUNK = 100;
const MAX_BUDGET = 30_000;
const PUBLISHED = new Set<SyncState>([SyncState.Published, SyncState.ChangedSincePublish]);

type CheckOutcome = 'hit' | 'miss' | 'unreachable';

interface Target {
  kind: EstimateKind;
  /** The public event id (follow) or subscribe calendar id (subscribe). */
  targetId: string;
  startsAt: Date;
  endsAt: Date;
}

function toResponse(row: FollowEstimateRow): ReachEstimateResponse {
  return {
    id: row.id,
    campaignId: row.campaignId,
    kind: row.kind,
    state: row.state,
    source: 'estimated',
    quotaBudget: row.quotaBudget,
    population: row.population,
    sampleSize: row.sampleSize,
    checked: row.checked,
    hits: row.hits,
    unreachable: row.unreachable,
    rate: row.rate,
    ciLow: row.ciLow,
    ciHigh: row.ciHigh,
    confidence: 0.95,
    error: row.error,
    requestedBy: row.requestedBy,
    createdAt: new Date(row.createdAt).toISOString(),
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
  };
}

/**
 * Sampled estimates of follows / subscriptions made through Kakao's own message button, which
 * nothing else observes: a simple random sample of the recipients a campaign reached, sized to a
 * quota budget, each checked in their own calendar (4.6 or 4.1); the rate comes with a 95 % Wilson
 * interval. Recipients that cannot be checked (no usable token, a Kakao error) are counted
 * `unreachable` and left out of the denominator.
 */
@Injectable()
export class ReachEstimatesService {
  private readonly logger = new Logger(ReachEstimatesService.name);

  constructor(
    private readonly estimates: FollowEstimateRepository,
    private readonly campaigns: CampaignsService,
    private readonly recipients: RecipientsService,
    private readonly kakao: KakaoClient,
    private readonly jobs: JobsService,
  ) {}

  async request(
    actor: AuditActor & { channelId: string },
    campaignId: string,
    body: ReachEstimateRequest,
  ): Promise<ReachEstimateResponse> {
    const errors: Record<string, string> = {};
    const kind = body?.kind;
    if (kind !== 'follow' && kind !== 'subscribe') {
      errors.kind = 'must be follow or subscribe';
    }
    const budget = body?.quotaBudget;
    if (
      typeof budget !== 'number' ||
      !Number.isInteger(budget) ||
      budget < 1 ||
      budget > MAX_BUDGET
    ) {
      errors.quotaBudget = `must be an integer from 1 to ${MAX_BUDGET}`;
    }
    // An unknown campaign answers 404 before the campaign's own checks.
    const campaign = await this.campaigns.get(actor.channelId, campaignId);
    if (kind === 'follow' && (!PUBLISHED.has(campaign.syncState) || !campaign.kakaoEventId)) {
      errors.kind = 'follow needs a campaign published as a Kakao public event';
    }
    if (
      kind === 'subscribe' &&
      (campaign.targetKind !== 'subscribe_calendar' || !campaign.targetCalendarId)
    ) {
      errors.kind = 'subscribe needs a campaign that targets a subscribe calendar';
    }
    if (Object.keys(errors).length > 0) {
      throw new ReachException(ReachErrorCode.Invalid, 'The estimate request is not valid', errors);
    }
    const row = await this.estimates.insert({
      channelId: actor.channelId,
      campaignId,
      kind: kind as EstimateKind,
      quotaBudget: budget as number,
      requestedBy: actor.userId,
    });
    await this.jobs.queue(
      JobName.ReachEstimate,
      { estimateId: row.id, channelId: actor.channelId },
      { jobId: `reach-estimate-${row.id}` },
    );
    return toResponse(row);
  }

  async list(channelId: string, campaignId: string): Promise<ReachEstimateResponse[]> {
    await this.campaigns.get(channelId, campaignId);
    return (await this.estimates.list(channelId, campaignId)).map(toResponse);
  }

  async get(channelId: string, id: string): Promise<ReachEstimateResponse> {
    const row = await this.estimates.find(channelId, id);
    if (!row) {
      throw new ReachException(ReachErrorCode.NotFound, `Reach estimate ${id} not found`);
    }
    return toResponse(row);
  }

  @OnJob(JobName.ReachEstimate)
  async run(data: { estimateId: string; channelId: string }): Promise<{ state: string }> {
    const row = await this.estimates.start(data.channelId, data.estimateId);
    if (!row) {
      return { state: 'finished already' };
    }
    try {
      await this.estimate(row);
      return { state: 'done' };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Reach estimate ${row.id} failed: ${message}`);
      await this.estimates.fail(row.id, message);
      return { state: 'failed' };
    }
  }

  private async estimate(row: FollowEstimateRow): Promise<void> {
    const campaign = await this.campaigns.get(row.channelId, row.campaignId);
    const targetId = row.kind === 'follow' ? campaign.kakaoEventId : campaign.targetCalendarId;
    if (!targetId) {
      throw new Error(
        row.kind === 'follow'
          ? 'the campaign has no Kakao public event any more'
          : 'the campaign targets no subscribe calendar',
      );
    }
    const target: Target = {
      kind: row.kind,
      targetId,
      startsAt: campaign.startsAt,
      endsAt: campaign.endsAt,
    };
    const population = await this.estimates.countPopulation(
      row.channelId,
      row.campaignId,
      targetId,
    );
    if (population === 0) {
      throw new Error('no recipient has been sent this campaign');
    }
    const size = sampleSizeFor(row.kind, row.quotaBudget, population);
    const sample = await this.estimates.drawSample(row.channelId, row.campaignId, targetId, size);
    await this.estimates.setSample(row.id, population, sample.length);

    const counts = { checked: 0, hits: 0, unreachable: 0 };
    for (let offset = 0; offset < sample.length; offset += CREDENTIAL_CHUNK) {
      const chunk = sample.slice(offset, offset + CREDENTIAL_CHUNK);
      const credentials = await this.recipients.sendingCredentials(row.channelId, chunk);
      const tokens = credentials.map((credential) =>
        'accessToken' in credential ? credential.accessToken : undefined,
      );
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < tokens.length) {
          const token = tokens[next];
          next += 1;
          const outcome: CheckOutcome = token ? await this.check(token, target) : 'unreachable';
          counts.checked += 1;
          if (outcome === 'hit') {
            counts.hits += 1;
          } else if (outcome === 'unreachable') {
            counts.unreachable += 1;
          }
          if (counts.checked % PROGRESS_EVERY === 0) {
            await this.estimates.progress(row.id, counts);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tokens.length) }, worker));
      // Recipients the vault did not answer for cannot be checked.
      const missing = chunk.length - credentials.length;
      counts.checked += missing;
      counts.unreachable += missing;
    }

    const reachable = counts.checked - counts.unreachable;
    if (reachable <= 0) {
      throw new Error(`none of the ${counts.checked} sampled recipients could be checked`);
    }
    // The sampling frame shrinks by the unreachable share too.
    const frame = Math.max(reachable, Math.round((population * reachable) / counts.checked));
    const interval = wilsonInterval(counts.hits, reachable, frame);
    await this.estimates.finish(row.id, {
      ...counts,
      rate: interval.rate,
      ciLow: interval.low,
      ciHigh: interval.high,
    });
  }

  /** One recipient's calendar: did they follow the event / subscribe to the calendar? */
  private async check(accessToken: string, target: Target): Promise<CheckOutcome> {
    try {
      if (target.kind === 'subscribe') {
        const list = await this.kakao.calendar.listCalendars(accessToken, 'SUBSCRIBE', {
          retries: 1,
        });
        return list.subscribe_calendars.some((calendar) => calendar.id === target.targetId)
          ? 'hit'
          : 'miss';
      }
      const window = followWindow(target.startsAt, target.endsAt);
      const events = this.kakao.calendar.events(
        accessToken,
        { from: window.from, to: window.to, limit: 1000 },
        { retries: 1 },
      );
      for await (const event of events) {
        if (event.type === 'PUBLIC' && event.id === target.targetId) {
          return 'hit';
        }
      }
      return 'miss';
    } catch {
      // A refused token or a Kakao failure says nothing about the follow: not a miss.
      return 'unreachable';
    }
  }
}
