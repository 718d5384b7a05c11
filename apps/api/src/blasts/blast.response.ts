import { type BlastDeliveryEntity, type BlastEntity, type BlastRunEntity } from '@app/blasts';

export function toBlastResponse(blast: BlastEntity): object {
  return {
    id: blast.id,
    name: blast.name,
    state: blast.state,
    message: blast.message,
    kakaoTargetId: blast.kakaoTargetId,
    audienceId: blast.audienceId,
    schedule: blast.schedule,
    ratePerSecond: blast.ratePerSecond,
    quietHours: blast.quietHours,
    frequencyCap: blast.frequencyCap,
    deliveryMode: blast.deliveryMode,
    senderRecipientId: blast.senderRecipientId,
    createdBy: blast.createdBy,
    version: blast.version,
    createdAt: blast.createdAt.toISOString(),
    updatedAt: blast.updatedAt.toISOString(),
  };
}

export function toRunResponse(run: BlastRunEntity): object {
  return {
    id: run.id,
    blastId: run.blastId,
    scheduledAt: run.scheduledAt.toISOString(),
    state: run.state,
    pauseReason: run.pauseReason,
    resumeAt: run.resumeAt?.toISOString() ?? null,
    recipientCount: run.recipientCount,
    fanoutDone: run.fanoutDone,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function toDeliveryResponse(delivery: BlastDeliveryEntity): object {
  return {
    id: delivery.id,
    runId: delivery.runId,
    recipientId: delivery.recipientId,
    state: delivery.state,
    attempts: delivery.attempts,
    kakaoCode: delivery.kakaoCode,
    reason: delivery.reason,
    sentAt: delivery.sentAt?.toISOString() ?? null,
    updatedAt: delivery.updatedAt.toISOString(),
  };
}
