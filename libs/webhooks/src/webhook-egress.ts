import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';

import ipaddr from 'ipaddr.js';
import { Agent, buildConnector } from 'undici';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type AddressBlock = [Address, number];

/**
 * Where webhooks may connect. By default only public unicast addresses; the operator may admit
 * local targets for development (`WEBHOOK_ALLOW_PRIVATE`) or name exactly which non-public hosts,
 * addresses and blocks are admitted (`WEBHOOK_ALLOWED_HOSTS`).
 */
export interface WebhookEgressPolicy {
  /** Loopback, private (RFC 1918), CGNAT and unique-local addresses are admitted. */
  allowPrivate: boolean;
  /** Host names admitted whatever they resolve to: exactly these names, not their subdomains. */
  allowedNames: ReadonlySet<string>;
  /** Address blocks admitted (a single address is a /32 or /128). */
  allowedBlocks: readonly AddressBlock[];
}

export const WEBHOOK_TARGET_REFUSED = 'must not point at a private or local address';

/** The ranges `allowPrivate` opens: where a developer's own receivers live. */
const LOCAL_RANGES = new Set(['loopback', 'private', 'carrierGradeNat', 'uniqueLocal']);

/** Globally routable IPv6 unicast (2000::/3); everything else in IPv6 is special. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
/** NAT64 (RFC 6052): the embedded IPv4 address decides. */
const NAT64_V6 = ipaddr.parseCIDR('64:ff9b::/96');

/** Host names that only ever mean this machine or a private network. */
const LOCAL_NAME_SUFFIXES = ['.localhost', '.local', '.internal', '.localdomain', '.home.arpa'];

/** A host name as policies compare it: lower case, without the root's trailing dot. */
export function canonicalHostName(name: string): string {
  return name.toLowerCase().replace(/\.+$/, '');
}

/** The policy of the configuration's flag and allow-list (validated at start-up). */
export function webhookEgressPolicy(config: {
  allowPrivateTargets: boolean;
  allowedTargets: readonly string[];
}): WebhookEgressPolicy {
  const allowedNames = new Set<string>();
  const allowedBlocks: AddressBlock[] = [];
  for (const entry of config.allowedTargets) {
    if (entry.includes('/')) {
      allowedBlocks.push(ipaddr.parseCIDR(entry));
    } else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      allowedBlocks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else {
      allowedNames.add(canonicalHostName(entry));
    }
  }
  return { allowPrivate: config.allowPrivateTargets, allowedNames, allowedBlocks };
}

/** The address as it is reached: IPv4-mapped and NAT64 IPv6 addresses are their IPv4 address. */
function reachedAddress(address: Address): Address {
  if (address.kind() === 'ipv6') {
    const v6 = address as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      return v6.toIPv4Address();
    }
    if (v6.match(NAT64_V6)) {
      return new ipaddr.IPv4(v6.toByteArray().slice(12));
    }
  }
  return address;
}

/** True for addresses anyone on the internet could reach: public unicast only. */
export function isPublicAddress(address: Address): boolean {
  const reached = reachedAddress(address);
  if (reached.kind() === 'ipv4') {
    return reached.range() === 'unicast';
  }
  return reached.range() === 'unicast' && reached.match(GLOBAL_UNICAST_V6);
}

function inBlock(address: Address, [base, bits]: AddressBlock): boolean {
  return address.kind() === base.kind() && address.match(base, bits);
}

/** Whether the policy lets a webhook connect to this address. */
export function isAdmittedAddress(address: Address, policy: WebhookEgressPolicy): boolean {
  const reached = reachedAddress(address);
  if (isPublicAddress(reached)) {
    return true;
  }
  if (policy.allowedBlocks.some((block) => inBlock(reached, block) || inBlock(address, block))) {
    return true;
  }
  return policy.allowPrivate && LOCAL_RANGES.has(reached.range());
}

/** Names that mean this machine or a private network whatever DNS says (RFC 6761, 6762, 8375). */
export function isLocalHostName(name: string): boolean {
  const host = canonicalHostName(name);
  return (
    host === 'localhost' ||
    !host.includes('.') ||
    LOCAL_NAME_SUFFIXES.some((suffix) => host.endsWith(suffix))
  );
}

/**
 * The host of a URL as parsed by the WHATWG parser, which already reads every IPv4 spelling
 * (`127.1`, `2130706433`, `0x7f000001`, `0177.0.0.1`) as dotted decimal and lower-cases names.
 */
export type WebhookHost = { kind: 'address'; address: Address } | { kind: 'name'; name: string };

export function webhookHostOf(url: URL): WebhookHost {
  const host = url.hostname;
  if (host.startsWith('[') && host.endsWith(']')) {
    return { kind: 'address', address: ipaddr.IPv6.parse(host.slice(1, -1)) };
  }
  const name = canonicalHostName(host);
  return isIP(name) !== 0
    ? { kind: 'address', address: ipaddr.parse(name) }
    : { kind: 'name', name };
}

/** True when the URL's host, as written, is not on the public internet (before any DNS). */
export function isLocalHost(host: WebhookHost): boolean {
  return host.kind === 'address' ? !isPublicAddress(host.address) : isLocalHostName(host.name);
}

/**
 * Whether the URL as written may be registered: its host is public, or the operator admits it.
 * Names are judged again on every connection by what they resolve to (DNS may change).
 */
export function isAdmittedHost(host: WebhookHost, policy: WebhookEgressPolicy): boolean {
  if (host.kind === 'address') {
    return isAdmittedAddress(host.address, policy);
  }
  return policy.allowedNames.has(host.name) || policy.allowPrivate || !isLocalHostName(host.name);
}

/** A connection the policy refused; the attempt log shows its message. */
export class WebhookEgressRefusedError extends Error {
  readonly code = 'EGRESS_REFUSED';

  constructor(host: string, resolved: boolean) {
    super(
      resolved
        ? `refused: ${host} resolves to a private or local address`
        : `refused: ${host} is a private or local address`,
    );
    this.name = 'WebhookEgressRefusedError';
  }
}

/** Resolves a host name to every address it has (the system resolver by default). */
export type HostResolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true });

/**
 * A `lookup` for sockets that resolves the name, checks every address against the policy and
 * fails before connecting when one is refused. The socket connects to the addresses checked
 * here, so a name that resolves differently a moment later (DNS rebinding) gains nothing.
 */
function guardedLookup(policy: WebhookEgressPolicy, resolve: HostResolver): LookupFunction {
  return (hostname, options, callback) => {
    const name = canonicalHostName(hostname);
    resolve(hostname)
      .then((all) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = all.filter((entry) => family === 0 || entry.family === family);
        if (addresses.length === 0) {
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
            code: 'ENOTFOUND',
          });
        }
        const admitted =
          policy.allowedNames.has(name) ||
          addresses.every((entry) => isAdmittedAddress(ipaddr.parse(entry.address), policy));
        if (!admitted) {
          throw new WebhookEgressRefusedError(hostname, true);
        }
        if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0].address, addresses[0].family);
        }
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

/**
 * The HTTP dispatcher of webhook deliveries: every connection is checked against the policy,
 * literal addresses before connecting and names on every address they resolve to.
 */
export function createWebhookDispatcher(
  policy: WebhookEgressPolicy,
  options: { resolve?: HostResolver; connectTimeoutMs?: number } = {},
): Agent {
  const connectSocket = buildConnector({
    lookup: guardedLookup(policy, options.resolve ?? systemResolver),
    timeout: options.connectTimeoutMs,
  });
  return new Agent({
    connect: (connectOptions, callback) => {
      // Sockets skip `lookup` for literal addresses: those are checked here.
      const { hostname } = connectOptions;
      if (isIP(hostname) !== 0 && !isAdmittedAddress(ipaddr.parse(hostname), policy)) {
        callback(new WebhookEgressRefusedError(hostname, false), null);
        return;
      }
      connectSocket(connectOptions, callback);
    },
  });
}
