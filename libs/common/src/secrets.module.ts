import { Global, Module } from '@nestjs/common';

import { AppConfig } from '@app/config';

import { SecretBox } from './secret-box';

/** Provides the SecretBox keyed by SECRETS_KEY to every module that stores secrets. */
@Global()
@Module({
  providers: [
    {
      provide: SecretBox,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new SecretBox(config.secretsKey),
    },
  ],
  exports: [SecretBox],
})
export class SecretsModule {}
