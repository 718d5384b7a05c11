import { webhookEgressPolicy } from './webhook-egress';
import { normalizeWebhookUrl, webhookTargetProblem, webhookUrlProblem } from './webhook-url';

const DEFAULT_POLICY = webhookEgressPolicy({ allowPrivateTargets: false, allowedTargets: [] });
const REFUSED = 'must not point at a private or local address';

/** What `POST /api/webhooks` decides for a URL: its shape, then the policy on its host. */
function problemOf(url: string, policy = DEFAULT_POLICY): string | null {
  const normalized = normalizeWebhookUrl(url.trim());
  return webhookUrlProblem(normalized) ?? webhookTargetProblem(normalized, policy);
}

describe('webhookUrlProblem', () => {
  it.each([
    'https://hooks.example.com/kakao',
    'https://example.com:8443/path?x=1',
    // Well-formed; whether a local target is admitted is the policy's call.
    'http://localhost:4000/hook',
    'http://127.0.0.1/hook',
    'http://127.0.0.2/hook',
    'http://[::1]:8080/hook',
  ])('accepts the shape of %s', (url) => {
    expect(webhookUrlProblem(url)).toBeNull();
  });

  it.each([
    ['', 'is required'],
    ['not a url', 'must be an https URL'],
    ['http://example.com/hook', 'must use https (http only for local targets the operator admits)'],
    [
      'http://127.0.0.1.nip.io/hook',
      'must use https (http only for local targets the operator admits)',
    ],
    ['ftp://example.com/hook', 'must be an https URL'],
    ['gopher://127.0.0.1/', 'must be an https URL'],
    ['file:///etc/passwd', 'must be an https URL'],
    ['https://user:pass@example.com/hook', 'must not contain a user name or password'],
    ['https://example.com/hook#x', 'must not contain a #fragment'],
    [`https://example.com/${'a'.repeat(2048)}`, 'must be at most 2048 characters'],
  ])('rejects %j: %s', (url, reason) => {
    expect(webhookUrlProblem(url)).toBe(reason);
  });
});

describe('normalizeWebhookUrl', () => {
  it.each([
    ['http://127.1:4000/hook', 'http://127.0.0.1:4000/hook'],
    ['http://2130706433/', 'http://127.0.0.1/'],
    ['http://0x7f000001/', 'http://127.0.0.1/'],
    ['http://0177.0.0.1/', 'http://127.0.0.1/'],
    ['HTTPS://Hooks.Example.COM', 'https://hooks.example.com/'],
    ['http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]/'],
  ])('stores %s as %s', (url, stored) => {
    expect(normalizeWebhookUrl(url)).toBe(stored);
  });
});

describe('webhook targets refused by default', () => {
  it.each([
    // Loopback in every spelling a URL parser reads as 127.0.0.1 or ::1.
    'http://127.0.0.1:5432/',
    'http://127.0.0.2/',
    'http://127.1:6379/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://0x7f.1/',
    'http://localhost:6379/',
    'http://LOCALHOST/',
    'http://localhost./',
    'https://db.localhost/',
    'http://[::1]:8080/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://[::ffff:127.0.0.1]/',
    'https://[::ffff:7f00:1]/',
    'https://[64:ff9b::7f00:1]/',
    'https://[::7f00:1]/',
    // Unspecified: connecting to it reaches this machine.
    'http://0/',
    'http://0.0.0.0/',
    'https://[::]/',
    // Private (RFC 1918), CGNAT, unique-local.
    'https://10.0.0.1/',
    'https://172.16.5.4/',
    'https://192.168.0.1:8443/',
    'https://100.64.0.1/',
    'https://[fd00::1]/',
    'https://[fc00::1]/',
    'https://[::ffff:10.0.0.1]/',
    // Link-local and cloud metadata.
    'https://169.254.169.254/latest/meta-data/',
    'http://169.254.169.254/',
    'https://2852039166/',
    'https://[::ffff:169.254.169.254]/',
    'https://[fe80::1]/',
    // Multicast, broadcast, reserved, documentation.
    'https://224.0.0.1/',
    'https://255.255.255.255/',
    'https://240.0.0.1/',
    'https://192.0.2.1/',
    'https://198.18.0.1/',
    'https://[ff02::1]/',
    'https://[2001:db8::1]/',
    // Names that only mean a private network.
    'https://metadata.google.internal/',
    'https://printer.local/',
    'https://router.home.arpa/',
    'https://intranet/',
  ])('%s', (url) => {
    expect(problemOf(url)).toBe(REFUSED);
  });

  it.each([
    'https://hooks.example.com/kakao',
    'https://93.184.216.34/',
    'https://[2606:2800:220:1:248:1893:25c8:1946]/',
    'https://[::ffff:93.184.216.34]/',
    // A public-looking name: what it resolves to is checked when connecting.
    'https://127.0.0.1.nip.io/',
  ])('admits %s', (url) => {
    expect(problemOf(url)).toBeNull();
  });
});

describe('the operator allow-list', () => {
  const policy = webhookEgressPolicy({
    allowPrivateTargets: false,
    allowedTargets: ['127.0.0.1', 'hooks.internal', '10.1.0.0/16', 'fd00::5'],
  });

  it.each([
    'http://127.0.0.1:4000/hook',
    'http://127.1:4000/hook',
    'https://hooks.internal/kakao',
    'https://HOOKS.internal./kakao',
    'https://10.1.0.1/',
    'https://10.1.255.255/',
    'https://[fd00::5]/',
    'https://[::ffff:127.0.0.1]/',
  ])('admits %s, which it names', (url) => {
    expect(problemOf(url, policy)).toBeNull();
  });

  it.each([
    'http://127.0.0.2:4000/hook',
    'http://localhost:4000/hook',
    'https://a.hooks.internal/',
    'https://other.internal/',
    'https://10.2.0.1/',
    'https://10.0.255.255/',
    'https://[fd00::6]/',
    'https://169.254.169.254/',
  ])('refuses %s, a neighbour it does not name', (url) => {
    expect(problemOf(url, policy)).toBe(REFUSED);
  });
});

describe('the development flag', () => {
  const policy = webhookEgressPolicy({ allowPrivateTargets: true, allowedTargets: [] });

  it.each([
    'http://127.0.0.1:4000/hook',
    'http://localhost:3000/hook',
    'https://10.0.0.1/',
    'https://[fd00::1]/',
  ])('admits the local target %s', (url) => {
    expect(problemOf(url, policy)).toBeNull();
  });

  it.each([
    'https://169.254.169.254/',
    'http://0.0.0.0/',
    'https://224.0.0.1/',
    'https://[fe80::1]/',
  ])('still refuses %s', (url) => {
    expect(problemOf(url, policy)).toBe(REFUSED);
  });
});
