export { DemoAgingService } from './demo-aging.service';
export { seedDemoHistory } from './demo-history';
export type { DemoHistoryOptions, DemoHistoryResult } from './demo-history';
export { DEMO_CAMPAIGNS } from './demo-plan';
export { DemoModule } from './demo.module';
