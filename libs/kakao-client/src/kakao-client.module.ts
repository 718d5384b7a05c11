import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';

import { KakaoClient } from './kakao-client';
import { type KakaoClientInit, kakaoClientOptionsFromEnv } from './kakao-client.options';

export interface KakaoClientModuleOptions extends KakaoClientInit {
  /** Register the client for every module of the application. */
  isGlobal?: boolean;
}

const KAKAO_CLIENT_INIT = Symbol('KAKAO_CLIENT_INIT');

/** Closes the client's connection pools when the application shuts down. */
@Injectable()
class KakaoClientCloser implements OnApplicationShutdown {
  constructor(@Inject(KakaoClient) private readonly client: KakaoClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/**
 * Provides one `KakaoClient` built from the environment (`KAKAO_*`), with `options` taking
 * precedence over it.
 */
@Module({})
export class KakaoClientModule {
  static forRoot(options: KakaoClientModuleOptions = {}): DynamicModule {
    const { isGlobal, ...init } = options;
    return {
      module: KakaoClientModule,
      global: isGlobal ?? false,
      providers: [
        { provide: KAKAO_CLIENT_INIT, useValue: init },
        {
          provide: KakaoClient,
          inject: [KAKAO_CLIENT_INIT],
          useFactory: (overrides: KakaoClientInit): KakaoClient =>
            new KakaoClient({ ...kakaoClientOptionsFromEnv(), ...definedOnly(overrides) }),
        },
        KakaoClientCloser,
      ],
      exports: [KakaoClient],
    };
  }
}

function definedOnly(init: KakaoClientInit): KakaoClientInit {
  return Object.fromEntries(Object.entries(init).filter(([, value]) => value !== undefined));
}
