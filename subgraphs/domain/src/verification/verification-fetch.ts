import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';

/** Addresses a verification fetch never connects to when names are resolved by DNS (no SSRF into the network). */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged by its IPv4 part; BlockList would match IPv4 against a v6 rule for it.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type Lookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => void;

function answer(options: { all?: boolean }, callback: LookupCallback, addresses: LookupAddress[]): void {
  if (options.all) callback(null, addresses);
  else callback(null, addresses[0].address, addresses[0].family);
}

function refused(hostname: string, address: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${hostname} resolves to ${address}, which is not a public address`), { code: 'ADDRESS_NOT_ALLOWED' });
}

/** `resolveTo`: every name goes to that address. Otherwise DNS, refusing any answer in a private range. */
function verificationLookup(resolveTo?: string): Lookup {
  if (resolveTo) {
    const fixed = [{ address: resolveTo, family: isIP(resolveTo) }];
    return (_hostname, options, callback) => answer(options, callback, fixed);
  }
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const blocked = addresses.find((a) => isPrivateAddress(a.address));
      if (blocked) return callback(refused(hostname, blocked.address), []);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      answer(options, callback, addresses);
    });
  };
}

export interface VerificationFetch {
  fetch: typeof fetch;
  close(): Promise<void>;
}

/** The fetch business-domain verification uses: its own connection pool with the lookup above, no keep-alive reuse. */
export function createVerificationFetch(options: { resolveTo?: string } = {}): VerificationFetch {
  const agent = new Agent({ connect: { lookup: verificationLookup(options.resolveTo) as never }, pipelining: 0 });
  const boundFetch = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
  return { fetch: boundFetch, close: () => agent.close() };
}
