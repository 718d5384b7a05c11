import { blastDeliveries } from '@app/observability';

import { DeliveryState } from './blast.enums';

/** Adds settled ledger rows to `kcc_blast_deliveries_total`; rows put back to pending are not. */
export function countOutcomes(channelId: string, states: DeliveryState[]): void {
  for (const state of states) {
    countDeliveries(channelId, state, 1);
  }
}

export function countDeliveries(channelId: string, state: DeliveryState, rows: number): void {
  if (rows > 0 && state !== DeliveryState.Pending && state !== DeliveryState.Sending) {
    blastDeliveries.inc({ outcome: state, channel: channelId }, rows);
  }
}
