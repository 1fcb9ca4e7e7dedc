import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch } from 'undici';

/**
 * Whether a verification fetch must not connect to `address`. Only global unicast is allowed: ipaddr.js classifies
 * every special-purpose block (private, loopback, link-local, CGNAT, benchmarking 198.18/15, IETF 192.0.0/24,
 * documentation, multicast, reserved …), and IPv6 forms that embed an IPv4 address (mapped, compatible) are judged
 * by that address; translation and tunnel prefixes (NAT64 64:ff9b::/96 and /48, 6to4 2002::/16, Teredo) can reach
 * any IPv4 host, so they are refused outright.
 */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  return ipaddr.process(address).range() !== 'unicast';
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;
type Lookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => void;

function answer(options: { all?: boolean }, callback: LookupCallback, addresses: LookupAddress[]): void {
  if (options.all) callback(null, addresses);
  else callback(null, addresses[0].address, addresses[0].family);
}

function refused(hostname: string, address: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${hostname} resolves to ${address}, which is not a public address`), {
    code: 'ADDRESS_NOT_ALLOWED',
  });
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
      if (addresses.length === 0)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
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
  const agent = new Agent({
    connect: { lookup: verificationLookup(options.resolveTo) as never },
    pipelining: 0,
  });
  const boundFetch = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
  return { fetch: boundFetch, close: () => agent.close() };
}
