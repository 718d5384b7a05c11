import { Global, Module } from '@nestjs/common';

import { AppConfig, loadConfig } from './app-config';

let cached: AppConfig | undefined;

/** The process-wide configuration, validated on first use. */
export function getConfig(): AppConfig {
  cached ??= loadConfig();
  return cached;
}

/** Forget the cached configuration (tests that change the environment). */
export function resetConfigCache(): void {
  cached = undefined;
}

@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: getConfig }],
  exports: [AppConfig],
})
export class ConfigModule {}
