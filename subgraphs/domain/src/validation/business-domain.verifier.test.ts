import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BadUserInputError } from '@grove/platform';
import {
  checkVerification,
  issueVerificationFile,
  normalizeBusinessDomain,
} from './business-domain.verifier';

const FILE = 'grove-verify-0123456789abcdef.txt';
const CONTENT = '0123456789abcdef0123456789abcdef';

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case `/${FILE}`:
        res.end(`${CONTENT}\n`);
        return;
      case '/crlf.txt':
        res.end(`${CONTENT}\r\n`);
        return;
      case '/two-newlines.txt':
        res.end(`${CONTENT}\n\n`);
        return;
      case '/spaces.txt':
        res.end(` ${CONTENT} `);
        return;
      case '/wrong.txt':
        res.end('something else');
        return;
      case '/slow.txt':
        setTimeout(() => res.end(CONTENT), 5_000).unref(); // far beyond the test timeout below
        return;
      case '/slow-body.txt':
        res.write(CONTENT.slice(0, 4));
        setTimeout(() => res.end(CONTENT.slice(4)), 5_000).unref();
        return;
      case '/big-declared.txt':
        res.setHeader('content-length', String(1_000_000));
        res.end('x'.repeat(1_000_000));
        return;
      case '/big-chunked.txt': {
        // No content-length: the verifier must stop reading once past maxBytes, whatever the server sends.
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed || sent > 10_000_000) {
            clearInterval(timer);
            res.end();
            return;
          }
          res.write('y'.repeat(16_384));
          sent += 16_384;
        }, 1);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/same-host-redirect.txt':
        res.writeHead(302, { location: `/${FILE}` }).end();
        return;
      case '/other-host-redirect.txt':
        res.writeHead(301, { location: `http://localhost:${port}/${FILE}` }).end();
        return;
      case '/loop.txt':
        res.writeHead(302, { location: '/loop.txt' }).end();
        return;
      default:
        res.statusCode = 404;
        res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const check = (fileName: string, overrides: Partial<Parameters<typeof checkVerification>[0]> = {}) =>
  checkVerification({
    domain: '127.0.0.1',
    scheme: 'http',
    port,
    fileName,
    content: CONTENT,
    timeoutMs: 1_000,
    maxBytes: 1_024,
    ...overrides,
  });

describe('checkVerification against a local HTTP server', () => {
  it('verifies a matching file (one trailing newline forgiven)', async () => {
    await expect(check(FILE)).resolves.toEqual({ verified: true, url: `http://127.0.0.1:${port}/${FILE}` });
    await expect(check('crlf.txt')).resolves.toMatchObject({ verified: true });
  });

  it('refuses any other difference', async () => {
    await expect(check('wrong.txt')).resolves.toMatchObject({ verified: false, reason: 'MISMATCH' });
    await expect(check('two-newlines.txt')).resolves.toMatchObject({ verified: false, reason: 'MISMATCH' });
    await expect(check('spaces.txt')).resolves.toMatchObject({ verified: false, reason: 'MISMATCH' });
    await expect(check(FILE, { content: CONTENT.toUpperCase() })).resolves.toMatchObject({
      reason: 'MISMATCH',
    });
  });

  it('reports a missing file as HTTP_STATUS 404', async () => {
    await expect(check('missing.txt')).resolves.toMatchObject({
      verified: false,
      reason: 'HTTP_STATUS',
      detail: 'expected HTTP 200, got 404',
    });
  });

  it('times out on a slow answer and on a slow body', async () => {
    await expect(check('slow.txt', { timeoutMs: 200 })).resolves.toMatchObject({
      verified: false,
      reason: 'TIMEOUT',
    });
    await expect(check('slow-body.txt', { timeoutMs: 200 })).resolves.toMatchObject({
      verified: false,
      reason: 'TIMEOUT',
    });
  });

  it('stops reading an oversized body, declared or streamed', async () => {
    await expect(check('big-declared.txt')).resolves.toMatchObject({ verified: false, reason: 'TOO_LARGE' });
    await expect(check('big-chunked.txt', { timeoutMs: 5_000 })).resolves.toMatchObject({
      verified: false,
      reason: 'TOO_LARGE',
    });
    // The exact size is still fine: the limit is "more than maxBytes".
    await expect(check(FILE, { maxBytes: CONTENT.length + 1 })).resolves.toMatchObject({ verified: true });
    await expect(check(FILE, { maxBytes: CONTENT.length })).resolves.toMatchObject({ reason: 'TOO_LARGE' });
  });

  it('follows redirects on the same host only', async () => {
    await expect(check('same-host-redirect.txt')).resolves.toMatchObject({ verified: true });
    await expect(check('other-host-redirect.txt')).resolves.toMatchObject({
      verified: false,
      reason: 'REDIRECT_NOT_ALLOWED',
      detail: `redirect to http://localhost:${port} is not followed`,
    });
    await expect(check('loop.txt')).resolves.toMatchObject({ verified: false, reason: 'TOO_MANY_REDIRECTS' });
  });

  it('reports an unreachable host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(check(FILE, { port: closedPort })).resolves.toMatchObject({
      verified: false,
      reason: 'UNREACHABLE',
    });
  });

  it('refuses inputs that would change the fetched URL', async () => {
    await expect(check('../etc/passwd')).rejects.toBeInstanceOf(BadUserInputError);
    await expect(check('a/b.txt')).rejects.toBeInstanceOf(BadUserInputError);
    await expect(check(FILE, { domain: 'evil.example@127.0.0.1' })).rejects.toBeInstanceOf(BadUserInputError);
    await expect(check(FILE, { domain: '127.0.0.1/x' })).rejects.toBeInstanceOf(BadUserInputError);
    await expect(check(FILE, { port: 70_000 })).rejects.toBeInstanceOf(BadUserInputError);
  });
});

describe('issueVerificationFile', () => {
  it('issues a random file name and content for a normalised domain', () => {
    const a = issueVerificationFile('WWW.Example.com');
    const b = issueVerificationFile('https://www.example.com/');
    expect(a.domain).toBe('www.example.com');
    expect(b.domain).toBe('www.example.com');
    expect(a.fileName).toMatch(/^grove-verify-[0-9a-f]{16}\.txt$/);
    expect(a.content).toMatch(/^[0-9a-f]{32}$/);
    expect(a.fileName).not.toBe(b.fileName);
    expect(a.content).not.toBe(b.content);
  });

  it.each([
    '127.0.0.1',
    '[::1]',
    'localhost',
    'www.example.com/path',
    'user@www.example.com',
    'http://www.example.com',
    '',
  ])('refuses %p', (domain) => expect(() => normalizeBusinessDomain(domain)).toThrow(BadUserInputError));

  it('normalises internationalised names to punycode', () => {
    expect(normalizeBusinessDomain('例子.测试')).toBe('xn--fsqu00a.xn--0zwm56d');
  });
});
