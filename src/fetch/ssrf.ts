import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { buildConnector } from 'undici';
import { SsrfBlockedError } from './errors.ts';

/**
 * True when `address` is not a plain public unicast address: loopback, private,
 * link-local (cloud metadata), unique-local, unspecified, multicast, CGNAT, reserved...
 * IPv4 embedded in IPv6 (mapped, NAT64) is judged as the IPv4 it carries.
 */
export function isBlockedAddress(address: string): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return true;
  }
  if (addr.kind() === 'ipv6') {
    const v6 = addr as ipaddr.IPv6;
    const range = v6.range();
    if (range === 'ipv4Mapped' || range === 'rfc6145') return isBlockedAddress(v6.toIPv4Address().toString());
    if (range === 'rfc6052') {
      const b = v6.toByteArray().slice(12);
      return isBlockedAddress(b.join('.'));
    }
    return range !== 'unicast';
  }
  return addr.range() !== 'unicast';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** dns.lookup that refuses to hand a non-public address to the socket (the checked address is the one connected to). */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const bad = addresses.find((a) => isBlockedAddress(a.address));
    // One private record is enough to refuse: mixed answers are a classic rebinding trick.
    if (bad) return callback(new SsrfBlockedError(bad.address, hostname) as NodeJS.ErrnoException, '');
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    callback(null, first.address, first.family);
  });
}

export interface ConnectorOptions {
  connectTimeoutMs: number;
  guard: boolean;
  /** host:port pairs exempt from the guard (an internal mirror, or a test server). */
  trustedHosts?: ReadonlySet<string>;
}

/** An undici connector whose DNS lookup and final socket address pass the SSRF guard. */
export function buildGuardedConnector(opts: ConnectorOptions): buildConnector.connector {
  const plain = buildConnector({ timeout: opts.connectTimeoutMs });
  if (!opts.guard) return plain;
  const guarded = buildConnector({ timeout: opts.connectTimeoutMs, lookup: guardedLookup } as buildConnector.BuildOptions);
  return (options, callback) => {
    if (opts.trustedHosts?.has(hostKey(options.hostname, options.port, options.protocol))) return plain(options, callback);
    // net.connect skips the lookup for IP literals, so those are checked here.
    if (net.isIP(options.hostname) && isBlockedAddress(options.hostname)) {
      callback(new SsrfBlockedError(options.hostname, options.hostname), null);
      return;
    }
    guarded(options, (err, socket) => {
      if (err) return callback(err, null);
      if (!socket) return callback(new Error('connector returned no socket'), null);
      const remote = socket.remoteAddress;
      if (remote && isBlockedAddress(remote)) {
        socket.destroy();
        return callback(new SsrfBlockedError(remote, options.hostname), null);
      }
      callback(null, socket);
    });
  };
}

/** "hostname:port" with the default port filled in and IPv6 in brackets, as trusted hosts are written. */
export function hostKey(hostname: string, port: string | number | undefined, protocol: string): string {
  const h = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
  return `${h.toLowerCase()}:${port || (protocol === 'https:' ? 443 : 80)}`;
}
