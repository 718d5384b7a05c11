/** `GET /api/unmanaged-events`: public events on Kakao that no campaign manages. */
export interface UnmanagedEvent {
  id: string;
  kakaoEventId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  detail: Record<string, unknown> | null;
  firstSeenAt: string;
  lastSeenAt: string;
  importedCampaignId: string | null;
}
