export { TrackingLinksService } from './tracking-links.service';
export { TrackingModule } from './tracking.module';
export { TrackedLink, TrackingTokens } from './tracking-token';
export type { TrackingClaim } from './tracking-token';
