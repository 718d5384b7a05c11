import { isIP } from 'node:net';

const IPV4_MAPPED = '::ffff:';

/**
 * The caller's address as Fastify resolved it (X-Forwarded-For when proxies are trusted), or null
 * when it is not a valid IP: the value goes into `inet` columns and must never fail an insert.
 */
export function clientIp(request: { ip?: string }): string | null {
  const ip = request.ip;
  if (ip === undefined || ip === '') {
    return null;
  }
  const plain =
    ip.startsWith(IPV4_MAPPED) && isIP(ip.slice(IPV4_MAPPED.length)) === 4
      ? ip.slice(IPV4_MAPPED.length)
      : ip;
  return isIP(plain) === 0 ? null : plain;
}
