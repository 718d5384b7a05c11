import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('fills every default for an empty environment', () => {
    const config = loadConfig({});
    expect(config.api).toEqual({ host: '127.0.0.1', port: 3000, trustedProxies: [] });
    expect(config.database).toEqual({
      url: 'postgres://postgres@127.0.0.1:5432/kakao_console',
      name: 'kakao_console',
    });
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', queuePrefix: 'kcc' });
    expect(config.kakao.apiBaseUrl).toBe('http://127.0.0.1:4010');
    expect(config.publicBaseUrl).toBe('http://127.0.0.1:3000');
    expect(config.secretsKey).toHaveLength(32);
  });

  it('converts numbers and trims trailing slashes of base URLs', () => {
    const config = loadConfig({
      API_PORT: '8080',
      KAKAO_API_BASE_URL: 'https://kapi.kakao.com/',
      PUBLIC_BASE_URL: 'https://console.example.com/',
      DATABASE_URL: 'postgres://u@db:5432/other',
    });
    expect(config.api.port).toBe(8080);
    expect(config.kakao.apiBaseUrl).toBe('https://kapi.kakao.com');
    expect(config.publicBaseUrl).toBe('https://console.example.com');
    expect(config.database.name).toBe('other');
  });

  it('reads trusted proxies as a list', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).api.trustedProxies).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
    ]);
  });

  it('admits no private webhook target unless told', () => {
    expect(loadConfig({}).webhooks).toMatchObject({
      allowPrivateTargets: false,
      allowedTargets: [],
    });
    expect(
      loadConfig({
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_ALLOWED_HOSTS: ' hooks.internal, 10.1.2.3 ,192.168.0.0/16,fd00::/8,::1 ',
      }).webhooks,
    ).toMatchObject({
      allowPrivateTargets: true,
      allowedTargets: ['hooks.internal', '10.1.2.3', '192.168.0.0/16', 'fd00::/8', '::1'],
    });
  });

  it.each(['127.1', '0x7f000001', '10.0/8', '10.0.0.0/33', 'http://hooks.example', 'a b'])(
    'refuses the webhook target %j',
    (entry) => {
      expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: `hooks.example,${entry}` })).toThrow(
        /WEBHOOK_ALLOWED_HOSTS/,
      );
    },
  );

  it('lists every bad variable at once', () => {
    let caught: unknown;
    try {
      loadConfig({ API_PORT: 'abc', REDIS_URL: 'http://x', SECRETS_KEY: 'short' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigValidationError);
    const problems = (caught as ConfigValidationError).problems.join('\n');
    expect(problems).toMatch(/API_PORT/);
    expect(problems).toMatch(/REDIS_URL/);
    expect(problems).toMatch(/SECRETS_KEY/);
  });

  it('masks secrets when described', () => {
    const described = loadConfig({ KAKAO_ADMIN_KEY: 'very-secret' }).describe();
    expect(described.KAKAO_ADMIN_KEY).toBe('****');
    expect(described.API_PORT).toBe('3000');
  });
});
