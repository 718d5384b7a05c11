import { Test } from '@nestjs/testing';

import { KakaoClient } from './kakao-client';
import { KakaoClientModule } from './kakao-client.module';

describe('KakaoClientModule', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('provides a KakaoClient built from KAKAO_* with forRoot options on top', async () => {
    process.env.KAKAO_API_BASE_URL = 'https://kapi.kakao.com';
    process.env.KAKAO_ADMIN_KEY = 'from-env';
    const moduleRef = await Test.createTestingModule({
      imports: [KakaoClientModule.forRoot({ timeoutMs: 1234, isGlobal: true })],
    }).compile();
    const client = moduleRef.get(KakaoClient);
    expect(client).toBeInstanceOf(KakaoClient);
    expect(client.options).toMatchObject({
      apiBaseUrl: 'https://kapi.kakao.com',
      authBaseUrl: 'http://127.0.0.1:4010',
      adminKey: 'from-env',
      timeoutMs: 1234,
    });
    await moduleRef.close();
  });

  it('closes the client when the application shuts down', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [KakaoClientModule.forRoot()],
    }).compile();
    moduleRef.enableShutdownHooks();
    const client = moduleRef.get(KakaoClient);
    const close = jest.spyOn(client, 'close');
    await moduleRef.close();
    expect(close).toHaveBeenCalledTimes(1);
  });
});
