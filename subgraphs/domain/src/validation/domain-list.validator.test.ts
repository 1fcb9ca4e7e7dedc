import { BadUserInputError } from '@grove/platform';
import {
  MAX_DOMAINS_PER_LIST,
  normalizeServiceDomain,
  validateDomainList,
  type DomainProblem,
} from './domain-list.validator';

function problemsOf(kind: Parameters<typeof validateDomainList>[0], entries: unknown): DomainProblem[] {
  try {
    validateDomainList(kind, entries);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).details!.problems as DomainProblem[];
  }
  throw new Error('expected validateDomainList to throw');
}

describe('normalizeServiceDomain', () => {
  it.each([
    ['request', 'https://api.example.com', 'https://api.example.com'],
    ['request', '  HTTPS://API.Example.COM/  ', 'https://api.example.com'],
    ['request', 'https://api.example.com:443', 'https://api.example.com'],
    ['request', 'https://api.example.com:8443', 'https://api.example.com:8443'],
    ['request', 'https://api.example.com.', 'https://api.example.com'],
    ['upload', 'https://例子.测试', 'https://xn--fsqu00a.xn--0zwm56d'],
    ['download', 'https://Bücher.example', 'https://xn--bcher-kva.example'],
    ['download', 'https://xn--bcher-kva.example', 'https://xn--bcher-kva.example'],
    ['socket', 'wss://push.example.com', 'wss://push.example.com'],
    ['socket', 'wss://push.example.com:443', 'wss://push.example.com'],
    ['socket', 'wss://push.example.com:9443', 'wss://push.example.com:9443'],
  ] as const)('%s %p -> %p', (kind, entry, expected) => {
    expect(normalizeServiceDomain(kind, entry)).toEqual({ ok: true, normalized: expected });
  });

  it.each([
    // IP literals in every form WHATWG URL turns into an IP
    ['request', 'https://127.0.0.1', /IP addresses/],
    ['request', 'https://2130706433', /IP addresses/],
    ['request', 'https://0x7f.1', /IP addresses/],
    ['request', 'https://0177.0.0.1', /IP addresses/],
    ['request', 'https://1.2.3.4.', /IP addresses/],
    ['request', 'https://[::1]', /IP addresses/],
    ['request', 'https://[::ffff:127.0.0.1]:8443', /IP addresses/],
    ['socket', 'wss://[2001:db8::1]', /IP addresses/],
    // schemes
    ['request', 'http://api.example.com', /must use https/],
    ['download', 'ftp://files.example.com', /must use https/],
    ['socket', 'ws://push.example.com', /must use wss/],
    ['socket', 'https://push.example.com', /must use wss/],
    ['request', 'wss://api.example.com', /must use https/],
    ['request', 'api.example.com', /full address/],
    ['request', 'https:api.example.com', /full address/],
    // anything but scheme + host + port
    ['request', 'https://api.example.com/v1', /path, query or fragment/],
    ['request', 'https://api.example.com?x=1', /path, query or fragment/],
    ['request', 'https://api.example.com#top', /path, query or fragment/],
    ['request', 'https://api.example.com\\evil', /path, query or fragment/],
    ['request', 'https://user:pw@api.example.com', /credentials/],
    ['request', 'https://api.example.com:0', /port/],
    ['request', 'https://api.example.com:65536', /valid host and port/],
    ['request', 'https://localhost', /at least two labels/],
    ['request', 'https://a_b.example.com', /letters, digits/],
    ['request', 'https://-a.example.com', /letters, digits/],
    ['request', 'https://a..example.com', /letters, digits/],
    ['request', 'https://*.example.com', /valid|letters/],
    ['request', '', /empty/],
    ['request', 42, /string/],
  ] as const)('%s %p is refused', (kind, entry, message) => {
    const check = normalizeServiceDomain(kind, entry);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toMatch(message);
  });
});

describe('validateDomainList', () => {
  it('returns normalised entries in order', () => {
    expect(validateDomainList('request', ['https://b.example.com', 'https://A.example.com:8443/'])).toEqual({
      normalized: ['https://b.example.com', 'https://a.example.com:8443'],
    });
    expect(validateDomainList('socket', [])).toEqual({ normalized: [] });
  });

  it('refuses duplicates after normalisation, naming the first occurrence', () => {
    expect(
      problemsOf('request', [
        'https://api.example.com',
        'HTTPS://API.EXAMPLE.COM:443/',
        'https://api.example.com:8443',
      ]),
    ).toEqual([
      {
        index: 1,
        entry: 'HTTPS://API.EXAMPLE.COM:443/',
        message: 'duplicate of entry 0 (https://api.example.com)',
      },
    ]);
    expect(problemsOf('upload', ['https://例子.测试', 'https://xn--fsqu00a.xn--0zwm56d'])[0].index).toBe(1);
  });

  it(`accepts ${MAX_DOMAINS_PER_LIST} entries and refuses the ${MAX_DOMAINS_PER_LIST + 1}st`, () => {
    const entries = Array.from({ length: MAX_DOMAINS_PER_LIST + 1 }, (_, i) => `https://api${i}.example.com`);
    expect(validateDomainList('download', entries.slice(0, MAX_DOMAINS_PER_LIST)).normalized).toHaveLength(
      200,
    );
    expect(problemsOf('download', entries)).toEqual([
      { message: 'a download list may hold at most 200 domains (got 201)' },
    ]);
  });

  it('reports every bad entry at once, with index and entry', () => {
    expect(
      problemsOf('request', ['https://ok.example.com', 'http://a.example.com', 'https://10.0.0.1', 7]),
    ).toEqual([
      { index: 1, entry: 'http://a.example.com', message: 'request domains must use https://' },
      { index: 2, entry: 'https://10.0.0.1', message: 'IP addresses are not allowed, use a domain name' },
      { index: 3, entry: undefined, message: 'must be a string' },
    ]);
  });

  it('refuses non-lists and unknown list kinds', () => {
    expect(problemsOf('request', 'https://a.example.com')).toEqual([{ message: 'must be a list' }]);
    expect(() => validateDomainList('webview' as never, [])).toThrow(/Unknown domain list/);
  });
});
