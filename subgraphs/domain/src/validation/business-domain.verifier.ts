import { randomBytes } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { BadUserInputError } from '@grove/platform';
import { checkPublicHostname } from './hostname';

/**
 * Business (web-view) domains prove ownership by serving a platform-issued file at their root whose
 * body matches exactly. The fetch is bounded in time and size and never leaves the domain.
 */

export interface VerificationFile {
  /** Normalised (punycode, lower-case) domain the file was issued for. */
  domain: string;
  fileName: string;
  content: string;
}

export type VerificationFailure =
  | 'MISMATCH'
  | 'HTTP_STATUS'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'REDIRECT_NOT_ALLOWED'
  | 'TOO_MANY_REDIRECTS'
  | 'UNREACHABLE';

export type VerificationResult =
  | { verified: true; url: string }
  | { verified: false; url: string; reason: VerificationFailure; detail: string };

export interface CheckVerificationInput {
  domain: string;
  fileName: string;
  content: string;
  /** https by default; http only for local testing and plain-http deployments. */
  scheme?: 'https' | 'http';
  port?: number;
  timeoutMs: number;
  maxBytes: number;
  fetchImpl?: typeof fetch;
}

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}\.txt$/;
const MAX_REDIRECTS = 3;

/** Accepts `example.com` or `https://example.com[/]` and returns the punycode host; IPs are refused. */
export function normalizeBusinessDomain(input: string): string {
  const text =
    typeof input === 'string'
      ? input
          .trim()
          .replace(/^https:\/\//i, '')
          .replace(/\/$/, '')
      : '';
  let hostname: string;
  try {
    const url = new URL(`https://${text}`);
    if (text === '' || /[/?#@\\]/.test(text) || url.port !== '') throw new Error('not a bare host');
    hostname = url.hostname;
  } catch {
    throw new BadUserInputError('Business domain must be a domain name like www.example.com', {
      domain: input,
    });
  }
  const check = checkPublicHostname(hostname);
  if (!check.ok) throw new BadUserInputError(`Business domain ${check.problem}`, { domain: input });
  return check.hostname;
}

/** Issues a random verification file for a business domain. */
export function issueVerificationFile(domain: string): VerificationFile {
  return {
    domain: normalizeBusinessDomain(domain),
    fileName: `grove-verify-${randomBytes(8).toString('hex')}.txt`,
    content: randomBytes(16).toString('hex'),
  };
}

/** Fetches `<scheme>://<domain>[:port]/<fileName>` and compares its body with `content`. */
export async function checkVerification(input: CheckVerificationInput): Promise<VerificationResult> {
  const { fileName, content, timeoutMs, maxBytes, scheme = 'https', port, fetchImpl = fetch } = input;
  if (!FILE_NAME.test(fileName))
    throw new BadUserInputError('Verification file name is invalid', { fileName });
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new RangeError('timeoutMs must be a positive integer');
  if (!Number.isInteger(maxBytes) || maxBytes <= 0)
    throw new RangeError('maxBytes must be a positive integer');
  const start = verificationUrl(input.domain, scheme, port, fileName);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let url = start;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetchImpl(url, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { accept: 'text/plain', 'user-agent': 'GroveDomainVerifier/1' },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const next = new URL(response.headers.get('location') as string, url);
        if (next.hostname !== url.hostname || (url.protocol === 'https:' && next.protocol !== 'https:')) {
          return fail(
            start,
            'REDIRECT_NOT_ALLOWED',
            `redirect to ${next.protocol}//${next.host} is not followed`,
          );
        }
        if (redirects >= MAX_REDIRECTS)
          return fail(start, 'TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`);
        url = next;
        continue;
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        return fail(start, 'HTTP_STATUS', `expected HTTP 200, got ${response.status}`);
      }
      const bytes = await readBounded(response, maxBytes);
      if (bytes === null) return fail(start, 'TOO_LARGE', `the file is larger than ${maxBytes} bytes`);
      const body = decodeUtf8(bytes);
      if (body === null) return fail(start, 'MISMATCH', 'the file is not UTF-8 text');
      if (stripTrailingNewline(body) !== content)
        return fail(start, 'MISMATCH', 'the file content does not match');
      return { verified: true, url: start.href };
    }
  } catch (error) {
    if (controller.signal.aborted) return fail(start, 'TIMEOUT', `no complete answer within ${timeoutMs} ms`);
    return fail(start, 'UNREACHABLE', describe(error));
  } finally {
    clearTimeout(timer);
  }
}

function verificationUrl(
  domain: string,
  scheme: 'https' | 'http',
  port: number | undefined,
  fileName: string,
): URL {
  if (scheme !== 'https' && scheme !== 'http')
    throw new BadUserInputError('Verification scheme must be https or http');
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new BadUserInputError('Verification port must be between 1 and 65535', { port });
  }
  const text = typeof domain === 'string' ? domain.trim().toLowerCase() : '';
  // Only a bare host may reach the URL: no path, credentials or port smuggled inside `domain`
  // (domainToASCII would silently cut `host/x` to `host`, so the raw text is checked first).
  const bracketed = /^\[[0-9a-f:.]+\]$/.test(text);
  const host = bracketed ? text : /[\s/?#@\\:%[\]]/.test(text) ? '' : domainToASCII(text);
  if (!bracketed && !/^[a-z0-9.-]+$/.test(host)) {
    throw new BadUserInputError('Verification domain must be a bare host name', { domain });
  }
  return new URL(`${scheme}://${host}${port === undefined ? '' : `:${port}`}/${fileName}`);
}

/** Reads at most maxBytes; null (and the stream cancelled) as soon as the body is larger. */
async function readBounded(response: Response, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Editors add a final newline; that (and only that) is forgiven. */
function stripTrailingNewline(body: string): string {
  if (body.endsWith('\r\n')) return body.slice(0, -2);
  if (body.endsWith('\n')) return body.slice(0, -1);
  return body;
}

function fail(url: URL, reason: VerificationFailure, detail: string): VerificationResult {
  return { verified: false, url: url.href, reason, detail };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? 'request failed';
}
