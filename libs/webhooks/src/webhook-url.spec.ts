import { webhookUrlProblem } from './webhook-url';

describe('webhookUrlProblem', () => {
  it.each([
    'https://hooks.example.com/kakao',
    'https://example.com:8443/path?x=1',
    'http://localhost:4000/hook',
    'http://127.0.0.1/hook',
    'http://[::1]:8080/hook',
  ])('accepts %s', (url) => {
    expect(webhookUrlProblem(url)).toBeNull();
  });

  it.each([
    ['', 'is required'],
    ['not a url', 'must be an https URL'],
    ['http://example.com/hook', 'must use https (http only for localhost or 127.0.0.1)'],
    ['http://127.0.0.2/hook', 'must use https (http only for localhost or 127.0.0.1)'],
    ['ftp://example.com/hook', 'must be an https URL'],
    ['https://user:pass@example.com/hook', 'must not contain a user name or password'],
    ['https://example.com/hook#x', 'must not contain a #fragment'],
    [`https://example.com/${'a'.repeat(2048)}`, 'must be at most 2048 characters'],
  ])('rejects %j: %s', (url, reason) => {
    expect(webhookUrlProblem(url)).toBe(reason);
  });
});
