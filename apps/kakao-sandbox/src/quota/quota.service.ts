import { quotaExceeded } from '@app/kakao-sandbox/errors/kakao-error';
import { DailyCounters } from '@app/kakao-sandbox/quota/daily-counters';
import type { AppRecord } from '@app/kakao-sandbox/state/models';
import type { SandboxContext } from '@app/kakao-sandbox/state/sandbox-context';

/** Per-recipient failure codes of 5.2: sender, recipient and pair daily limits. */
export type DeliveryQuotaCode = -532 | -533 | -536;

/** Daily quotas of section 10, per app and per user, reset at 00:00 Asia/Seoul. */
export class QuotaService {
  constructor(private readonly context: SandboxContext) {}

  private counters(): DailyCounters {
    return new DailyCounters(this.context.state.quota);
  }

  /** One Talk Calendar request of the app; `-10` once the day's quota is used up. */
  consumeCalendarCall(app: AppRecord): void {
    if (
      !this.counters().tryConsume(`cal:${app.id}`, app.quotas.talkCalendarDaily, this.context.now())
    ) {
      throw quotaExceeded();
    }
  }

  /** One message send request of the app; `-10` once the day's quota is used up. */
  consumeMessageCall(app: AppRecord): void {
    if (
      !this.counters().tryConsume(`msg:${app.id}`, app.quotas.talkMessageDaily, this.context.now())
    ) {
      throw quotaExceeded();
    }
  }

  /** Which per-user limit (if any) one more message from sender to recipient would break. */
  deliveryBlocker(
    app: AppRecord,
    senderId: number,
    recipientId: number,
  ): DeliveryQuotaCode | undefined {
    const counters = this.counters();
    const now = this.context.now();
    if (counters.get(`snd:${app.id}:${senderId}`, now) >= app.quotas.senderDaily) {
      return -532;
    }
    if (counters.get(`rcv:${app.id}:${recipientId}`, now) >= app.quotas.recipientDaily) {
      return -533;
    }
    if (counters.get(`pair:${app.id}:${senderId}:${recipientId}`, now) >= app.quotas.pairDaily) {
      return -536;
    }
    return undefined;
  }

  recordDelivery(app: AppRecord, senderId: number, recipientId: number): void {
    const counters = this.counters();
    const now = this.context.now();
    counters.add(`snd:${app.id}:${senderId}`, now);
    counters.add(`rcv:${app.id}:${recipientId}`, now);
    counters.add(`pair:${app.id}:${senderId}:${recipientId}`, now);
  }
}
