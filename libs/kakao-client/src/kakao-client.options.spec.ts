import { kakaoClientOptionsFromEnv, resolveKakaoClientOptions } from './kakao-client.options';

describe('kakaoClientOptionsFromEnv', () => {
  it('defaults to the sandbox on 127.0.0.1:4010', () => {
    expect(kakaoClientOptionsFromEnv({})).toEqual({
      apiBaseUrl: 'http://127.0.0.1:4010',
      authBaseUrl: 'http://127.0.0.1:4010',
      timeoutMs: 10_000,
      retries: 3,
      backoff: { baseMs: 100, maxMs: 5_000 },
      connections: 128,
      sendBanner: true,
    });
  });

  it('reads every KAKAO_* variable', () => {
    expect(
      kakaoClientOptionsFromEnv({
        KAKAO_API_BASE_URL: 'https://kapi.kakao.com',
        KAKAO_AUTH_BASE_URL: 'https://kauth.kakao.com',
        KAKAO_REST_API_KEY: 'rest',
        KAKAO_ADMIN_KEY: 'admin',
        KAKAO_CLIENT_SECRET: 'secret',
        KAKAO_TIMEOUT_MS: '2500',
      }),
    ).toMatchObject({
      apiBaseUrl: 'https://kapi.kakao.com',
      authBaseUrl: 'https://kauth.kakao.com',
      restApiKey: 'rest',
      adminKey: 'admin',
      clientSecret: 'secret',
      timeoutMs: 2500,
    });
  });

  it('treats empty variables as unset', () => {
    const options = kakaoClientOptionsFromEnv({ KAKAO_ADMIN_KEY: ' ', KAKAO_API_BASE_URL: '' });
    expect(options.adminKey).toBeUndefined();
    expect(options.apiBaseUrl).toBe('http://127.0.0.1:4010');
  });

  it('rejects a bad timeout and a bad URL', () => {
    expect(() => kakaoClientOptionsFromEnv({ KAKAO_TIMEOUT_MS: 'soon' })).toThrow(
      /KAKAO_TIMEOUT_MS/,
    );
    expect(() => kakaoClientOptionsFromEnv({ KAKAO_API_BASE_URL: 'kapi.kakao.com' })).toThrow(
      /apiBaseUrl/,
    );
  });
});

describe('resolveKakaoClientOptions', () => {
  it('merges a partial backoff and rejects impossible numbers', () => {
    expect(resolveKakaoClientOptions({ backoff: { baseMs: 10 } }).backoff).toEqual({
      baseMs: 10,
      maxMs: 5_000,
    });
    expect(() => resolveKakaoClientOptions({ retries: -1 })).toThrow(/retries/);
    expect(() => resolveKakaoClientOptions({ connections: 0 })).toThrow(/connections/);
    expect(() => resolveKakaoClientOptions({ backoff: { baseMs: 100, maxMs: 10 } })).toThrow(
      /maxMs/,
    );
  });
});
