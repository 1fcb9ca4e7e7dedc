import { createHmac, createSecretKey } from 'node:crypto';
import {
  canonicalQuery,
  rfc3986Encode,
  signRuntimeRequest,
  signatureMatches,
  stringToSign,
  timestampProblem,
} from './runtime-signature';

describe('runtime request signature', () => {
  it('canonicalizes the query: decoded, RFC 3986 re-encoded, sorted by key then value', () => {
    expect(canonicalQuery('')).toBe('');
    expect(canonicalQuery('?b=2&a=1')).toBe('a=1&b=2');
    expect(canonicalQuery('x=2&x=1&a=b+c')).toBe('a=b%20c&x=1&x=2');
    expect(canonicalQuery("custom.tag=it's(ok)*!&deviceId=d~1")).toBe(
      'custom.tag=it%27s%28ok%29%2A%21&deviceId=d~1',
    );
    // The same parameters as an object or as any encoding of the same string sign alike.
    expect(canonicalQuery({ region: '华东', a: ['2', '1'] })).toBe(
      canonicalQuery('a=1&a=2&region=%E5%8D%8E%E4%B8%9C'),
    );
    expect(rfc3986Encode('a b/ü')).toBe('a%20b%2F%C3%BC');
  });

  it('takes already canonical queries as they are, and agrees with the general path on any query', () => {
    // The spec's canonicalization, written out as the general path does it.
    const reference = (query: string) =>
      [...new URLSearchParams(query)]
        .map(([k, v]) => [rfc3986Encode(k), rfc3986Encode(v)] as const)
        .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`)
        .join('&');
    const tricky = [
      'a',
      'a=',
      '=a',
      'a=1&&b=2',
      'a=1&',
      '&a=1',
      'a=b=c',
      'a-b=1&a=1',
      'a=1&a-b=1',
      'a=2&a=1',
      'a=1&a=1',
      'a=%41',
      'a=b+c',
      'a.b=1&a=1',
      'A=1&a=1',
      'a=1&A=1',
      '~=1&z=1',
    ];
    for (const query of tricky) expect(canonicalQuery(query)).toBe(reference(query));
    // Pseudo-random queries over an alphabet that exercises every branch (deterministic: a fixed LCG seed).
    let seed = 42;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = 'ab-._~=&%+Z9';
    for (let i = 0; i < 5000; i++) {
      const query = Array.from({ length: next(12) }, () => alphabet[next(alphabet.length)]).join('');
      expect(canonicalQuery(query)).toBe(reference(query));
    }
    expect(canonicalQuery('deviceId=bench-device&platform=ANDROID')).toBe(
      'deviceId=bench-device&platform=ANDROID',
    );
  });

  it('signs METHOD\\nPATH\\nSORTED_QUERY\\nTIMESTAMP\\nNONCE with HMAC-SHA256 in lowercase hex', () => {
    const message = stringToSign({
      method: 'get',
      path: '/runtime/v1/applets/mp0123456789abcdef',
      query: 'platform=IOS&deviceId=d1',
      timestamp: 1767225600000,
      nonce: 'n0nce-0001',
    });
    expect(message).toBe(
      'GET\n/runtime/v1/applets/mp0123456789abcdef\ndeviceId=d1&platform=IOS\n1767225600000\nn0nce-0001',
    );
    const headers = signRuntimeRequest({
      sdkKey: 'hk0123456789abcdef01234567',
      secret: 'the-secret',
      path: '/runtime/v1/applets/mp0123456789abcdef',
      query: { platform: 'IOS', deviceId: 'd1' },
      timestamp: 1767225600000,
      nonce: 'n0nce-0001',
    });
    expect(headers).toEqual({
      'x-sdk-key': 'hk0123456789abcdef01234567',
      'x-timestamp': '1767225600000',
      'x-nonce': 'n0nce-0001',
      'x-signature': createHmac('sha256', 'the-secret').update(message).digest('hex'),
    });
    expect(signatureMatches('the-secret', message, headers['x-signature'])).toBe(true);
    expect(signatureMatches('the-secret', message, headers['x-signature'].toUpperCase())).toBe(true);
    expect(signatureMatches('other-secret', message, headers['x-signature'])).toBe(false);
    expect(signatureMatches('the-secret', `${message}x`, headers['x-signature'])).toBe(false);
    expect(signatureMatches('the-secret', message, 'zz')).toBe(false);
  });

  it('refuses a signature that differs in any one character, and accepts a KeyObject secret', () => {
    const message = 'GET\n/runtime/v1/applets/mp1\n\n1767225600000\nn0nce-0001';
    const good = createHmac('sha256', 'the-secret').update(message).digest('hex');
    const key = createSecretKey(Buffer.from('the-secret', 'utf8'));
    expect(signatureMatches(key, message, good)).toBe(true);
    for (const at of [0, 31, 63]) {
      const flipped = good[at] === '0' ? '1' : '0';
      expect(signatureMatches(key, message, `${good.slice(0, at)}${flipped}${good.slice(at + 1)}`)).toBe(
        false,
      );
    }
    // Characters that are not hex, even ones whose lower-cased code would be a digit, never match.
    const digit = good.search(/[0-9]/);
    const masked = String.fromCharCode(good.charCodeAt(digit) - 0x20); // `| 0x20` would turn it into the digit
    expect(signatureMatches(key, message, `${good.slice(0, digit)}${masked}${good.slice(digit + 1)}`)).toBe(
      false,
    );
    expect(signatureMatches(key, message, `${good}0`)).toBe(false);
  });

  it('makes a fresh nonce for every request unless one is given', () => {
    const a = signRuntimeRequest({ sdkKey: 'k', secret: 's', path: '/p' });
    const b = signRuntimeRequest({ sdkKey: 'k', secret: 's', path: '/p' });
    expect(a['x-nonce']).toMatch(/^[0-9a-f]{32}$/);
    expect(a['x-nonce']).not.toBe(b['x-nonce']);
  });
});

describe('timestampProblem', () => {
  const now = 1_780_000_000_000;
  const skew = 300_000;
  it('accepts milliseconds within the skew and names what is wrong otherwise', () => {
    expect(timestampProblem(String(now - skew), now, skew)).toBeNull();
    expect(timestampProblem(String(now + 1000), now, skew)).toBeNull();
    expect(timestampProblem(String(Math.floor(now / 1000)), now, skew)).toMatch(/looks like Unix seconds/);
    expect(timestampProblem(String(now - skew - 1), now, skew)).toMatch(/more than 300 s away/);
    expect(timestampProblem('', now, skew)).toMatch(/milliseconds in decimal/);
    expect(timestampProblem(undefined, now, skew)).toMatch(/milliseconds in decimal/);
  });
});
