import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type HostnameCheck = { ok: true; hostname: string } | { ok: false; problem: string };

/** True for `1.2.3.4`, `::1` and bracketed `[::1]` (what WHATWG URL leaves after normalising 0x7f.1, 2130706433 ...). */
export function isIpLiteral(host: string): boolean {
  return host.startsWith('[') || isIP(host) !== 0;
}

/**
 * Checks a host already parsed by WHATWG URL (so IP shorthands are normalised to dotted/bracketed form)
 * and returns its canonical punycode form: lower case, no trailing dot, at least two labels.
 */
export function checkPublicHostname(host: string): HostnameCheck {
  if (isIpLiteral(host)) return { ok: false, problem: 'IP addresses are not allowed, use a domain name' };
  const withoutDot = host.endsWith('.') ? host.slice(0, -1) : host;
  // URL already applied UTS #46; domainToASCII again is idempotent and rejects malformed punycode labels.
  const ascii = domainToASCII(withoutDot);
  if (ascii === '') return { ok: false, problem: 'not a valid domain name' };
  if (ascii.length > 253) return { ok: false, problem: 'domain name is longer than 253 characters' };
  const labels = ascii.split('.');
  if (labels.length < 2)
    return { ok: false, problem: 'domain name must have at least two labels (e.g. api.example.com)' };
  if (!labels.every((label) => LABEL.test(label))) {
    return {
      ok: false,
      problem: 'domain name may only contain letters, digits and inner hyphens in each label',
    };
  }
  if (/^\d+$/.test(labels[labels.length - 1])) return { ok: false, problem: 'not a valid domain name' };
  return { ok: true, hostname: ascii };
}
