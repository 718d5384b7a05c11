/** Who made a change, from where, and in which channel; `userId` is null for system work (jobs). */
export interface AuditActor {
  userId: string | null;
  email: string | null;
  channelId: string | null;
  ip: string | null;
}

/** The actor of changes made by the console itself (seeding, worker jobs), not by a person. */
export function systemActor(channelId: string | null = null): AuditActor {
  return { userId: null, email: null, channelId, ip: null };
}
