import { readAllPages } from '@grove/testkit';
import type { PlatformError } from '@grove/platform';
import { BusinessDomainModel } from '../store/business-domain.model';
import { ServiceDomainsModel } from '../store/service-domains.model';
import {
  createApp,
  createHarness,
  eventually,
  freezeApp,
  localVerification,
  newAppId,
  recordEvents,
  startFileServer,
  type FileServer,
  type Harness,
} from '../domain.test-support';
import { DOMAIN_EVENTS_TOPIC } from './domain-events';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as PlatformError).code ?? String(error);
  }
}

async function stored(h: Harness) {
  const [lists, business] = await Promise.all([
    h.runtime.documents.collection(ServiceDomainsModel).find({}, { sort: { _id: 1 } }),
    h.runtime.documents.collection(BusinessDomainModel).find({}, { sort: { _id: 1 } }),
  ]);
  return { lists, business };
}

let server: FileServer;
beforeAll(async () => {
  server = await startFileServer();
});
afterAll(() => server.close());

describe('service domain lists', () => {
  let h: Harness;
  let appId: string;
  beforeEach(async () => {
    h = await createHarness();
    appId = await createApp(h);
  });
  afterEach(() => h.dispose());
  const domains = () => h.domain.services.domains;

  it('replaces a whole list with normalised entries and bumps the version', async () => {
    const empty = await domains().get(h.ownerA, appId);
    expect(empty).toMatchObject({
      appId,
      request: [],
      socket: [],
      upload: [],
      download: [],
      version: 0,
      businessDomains: [],
    });

    const first = await domains().replaceServiceDomains(
      h.ownerA,
      appId,
      'request',
      ['https://API.Example.com', 'https://api.example.com:8443/'],
      0,
    );
    expect(first).toMatchObject({
      request: ['https://api.example.com', 'https://api.example.com:8443'],
      socket: [],
      version: 1,
    });

    const second = await domains().replaceServiceDomains(
      h.developerA,
      appId,
      'socket',
      ['wss://ws.example.com'],
      1,
    );
    expect(second).toMatchObject({
      request: ['https://api.example.com', 'https://api.example.com:8443'],
      socket: ['wss://ws.example.com'],
      version: 2,
    });

    const replaced = await domains().replaceServiceDomains(h.ownerA, appId, 'request', [
      'https://other.example.com',
    ]);
    expect(replaced).toMatchObject({
      request: ['https://other.example.com'],
      socket: ['wss://ws.example.com'],
      version: 3,
    });
    expect(await domains().get(h.reviewer, appId)).toEqual(replaced);
  });

  it('refuses a stale expectedVersion with CONFLICT and keeps the stored lists', async () => {
    await domains().replaceServiceDomains(h.ownerA, appId, 'request', ['https://a.example.com'], 0);
    const before = await stored(h);
    expect(
      await codeOf(domains().replaceServiceDomains(h.ownerA, appId, 'request', ['https://b.example.com'], 0)),
    ).toBe('CONFLICT');
    expect(
      await codeOf(domains().replaceServiceDomains(h.ownerA, appId, 'upload', ['https://b.example.com'], 7)),
    ).toBe('CONFLICT');
    expect(await stored(h)).toEqual(before);
  });

  it('lets exactly one of two concurrent writers of the same version win', async () => {
    const outcomes = await Promise.all(
      ['https://one.example.com', 'https://two.example.com'].map((d) =>
        codeOf(domains().replaceServiceDomains(h.ownerA, appId, 'download', [d], 0)),
      ),
    );
    expect(outcomes.sort()).toEqual(['CONFLICT', 'ok']);
    expect((await domains().get(h.ownerA, appId)).version).toBe(1);
  });

  const invalid: Array<[string, 'request' | 'socket' | 'upload' | 'download', unknown]> = [
    ['an IP literal', 'request', ['https://10.0.0.1']],
    ['an IPv6 literal', 'request', ['https://[::1]']],
    ['plain http', 'request', ['http://api.example.com']],
    ['https on a socket list', 'socket', ['https://ws.example.com']],
    ['a path', 'upload', ['https://api.example.com/upload']],
    ['duplicates after normalisation', 'request', ['https://api.example.com', 'https://API.example.com:443']],
    ['a 201st entry', 'download', Array.from({ length: 201 }, (_, i) => `https://d${i}.example.com`)],
    ['a single-label host', 'request', ['https://intranet']],
  ];
  it.each(invalid)('rejects %s with BAD_USER_INPUT and stores nothing', async (_name, kind, list) => {
    await domains().replaceServiceDomains(h.ownerA, appId, 'request', ['https://kept.example.com'], 0);
    const before = await stored(h);
    let error: PlatformError | undefined;
    await domains()
      .replaceServiceDomains(h.ownerA, appId, kind, list, 1)
      .catch((e: PlatformError) => (error = e));
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.details?.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]),
    );
    expect(await stored(h)).toEqual(before);
  });

  it('accepts exactly 200 entries', async () => {
    const list = Array.from({ length: 200 }, (_, i) => `https://d${i}.example.com`);
    expect(
      (await domains().replaceServiceDomains(h.ownerA, appId, 'download', list, 0)).download,
    ).toHaveLength(200);
  });

  it('rejects a negative expectedVersion, an unknown app and a malformed app id', async () => {
    expect(await codeOf(domains().replaceServiceDomains(h.ownerA, appId, 'request', [], -1))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(domains().replaceServiceDomains(h.ownerA, newAppId(), 'request', []))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(domains().get(h.ownerA, 'not-an-app'))).toBe('BAD_USER_INPUT');
    expect(await stored(h)).toEqual({ lists: [], business: [] });
  });

  it('refuses changes to a frozen mini-program but still shows its lists', async () => {
    await freezeApp(h, appId);
    expect(
      await codeOf(domains().replaceServiceDomains(h.ownerA, appId, 'request', ['https://a.example.com'])),
    ).toBe('CONFLICT');
    expect(await codeOf(domains().addBusinessDomain(h.ownerA, appId, 'shop.example.com'))).toBe('CONFLICT');
    expect((await domains().get(h.ownerA, appId)).version).toBe(0);
  });

  it('publishes domain.changed keyed by the app id, and the runtime view holds only what is served', async () => {
    const seen = await recordEvents(h, DOMAIN_EVENTS_TOPIC);
    await domains().replaceServiceDomains(h.ownerA, appId, 'request', ['https://api.example.com']);
    await domains().addBusinessDomain(h.ownerA, appId, 'pending.example.com');
    await eventually(() => expect(seen).toHaveLength(2));
    expect(seen[0]).toEqual({
      type: 'domain.changed',
      key: appId,
      payload: {
        appId,
        orgId: h.orgA,
        change: 'service-domains-replaced',
        subject: 'request',
        actorId: h.ownerA.userId,
      },
    });
    expect(seen[1].payload).toMatchObject({
      change: 'business-domain-added',
      subject: 'pending.example.com',
    });
    expect(await domains().runtimeDomains(appId)).toEqual({
      appId,
      request: ['https://api.example.com'],
      socket: [],
      upload: [],
      download: [],
      business: [],
    });
  });
});

describe('business domains', () => {
  let h: Harness;
  let appId: string;
  beforeEach(async () => {
    server.files.clear();
    server.requests.length = 0;
    // Generous: a verification that should succeed must not time out on a loaded machine; the timeout test below
    // waits for it in full, as its server never answers.
    h = await createHarness({ settings: localVerification(server, 3000) });
    appId = await createApp(h);
  });
  afterEach(() => h.dispose());
  const domains = () => h.domain.services.domains;

  it('adds a domain pending verification with an issued file', async () => {
    const added = await domains().addBusinessDomain(h.ownerA, appId, 'https://Shop.Example.com/');
    expect(added).toMatchObject({ appId, domain: 'shop.example.com', status: 'PENDING_VERIFICATION' });
    expect(added.verificationFile.fileName).toMatch(/^grove-verify-[0-9a-f]{16}\.txt$/);
    expect(added.verificationFile.content).toMatch(/^[0-9a-f]{32}$/);
    expect((await domains().get(h.ownerA, appId)).businessDomains).toEqual([added]);
    expect(await codeOf(domains().addBusinessDomain(h.ownerA, appId, 'shop.example.com'))).toBe('CONFLICT');
  });

  it.each([['10.1.2.3'], ['https://shop.example.com/path'], ['shop.example.com:8080'], ['localhost'], ['']])(
    'rejects %j with BAD_USER_INPUT and stores nothing',
    async (domain) => {
      expect(await codeOf(domains().addBusinessDomain(h.ownerA, appId, domain))).toBe('BAD_USER_INPUT');
      expect(await stored(h)).toEqual({ lists: [], business: [] });
    },
  );

  it('verifies when the domain serves the file (fetched from <domain>:<port>/<fileName>)', async () => {
    const added = await domains().addBusinessDomain(h.ownerA, appId, 'shop.example.com');
    server.files.set(`/${added.verificationFile.fileName}`, `${added.verificationFile.content}\n`);
    const verified = await domains().verifyBusinessDomain(h.ownerA, added.id);
    expect(verified).toMatchObject({
      status: 'VERIFIED',
      verificationMethod: 'FILE',
      verifiedAt: expect.any(Date),
    });
    expect(verified.failureReason).toBeUndefined();
    expect(server.requests).toEqual([`shop.example.com:${server.port}/${added.verificationFile.fileName}`]);
    expect((await domains().runtimeDomains(appId)).business).toEqual(['shop.example.com']);
    // Verifying again is a no-op: nothing is fetched.
    expect((await domains().verifyBusinessDomain(h.ownerA, added.id)).status).toBe('VERIFIED');
    expect(server.requests).toHaveLength(1);
  });

  it('stays pending with MISMATCH when the content differs, then verifies once it is fixed', async () => {
    const added = await domains().addBusinessDomain(h.ownerA, appId, 'shop.example.com');
    const path = `/${added.verificationFile.fileName}`;
    server.files.set(path, 'someone else');
    const failed = await domains().verifyBusinessDomain(h.ownerA, added.id);
    expect(failed).toMatchObject({
      status: 'PENDING_VERIFICATION',
      failureReason: 'MISMATCH',
      lastCheckedAt: expect.any(Date),
    });
    expect((await domains().runtimeDomains(appId)).business).toEqual([]);

    server.files.set(path, added.verificationFile.content);
    const verified = await domains().verifyBusinessDomain(h.ownerA, added.id);
    expect(verified).toMatchObject({ status: 'VERIFIED', verificationMethod: 'FILE' });
    expect(verified.failureReason).toBeUndefined();
  });

  it('records TIMEOUT when the domain does not answer in time, and HTTP_STATUS for a missing file', async () => {
    const added = await domains().addBusinessDomain(h.ownerA, appId, 'slow.example.com');
    const path = `/${added.verificationFile.fileName}`;
    // Never answers (the server drops the connection when the suite closes it): only the timeout ends the fetch.
    server.files.set(path, () => undefined);
    expect(await domains().verifyBusinessDomain(h.ownerA, added.id)).toMatchObject({
      status: 'PENDING_VERIFICATION',
      failureReason: 'TIMEOUT',
    });

    server.files.delete(path);
    expect(await domains().verifyBusinessDomain(h.ownerA, added.id)).toMatchObject({
      status: 'PENDING_VERIFICATION',
      failureReason: 'HTTP_STATUS',
    });
  });

  it('skips verification for whitelisted domains, at add time and at verify time, without fetching', async () => {
    await h.domain.services.whitelist.add(h.admin, 'partner.example.com', 'contract 42');
    const added = await domains().addBusinessDomain(h.ownerA, appId, 'partner.example.com');
    expect(added).toMatchObject({ status: 'VERIFIED', verificationMethod: 'WHITELIST' });

    const pending = await domains().addBusinessDomain(h.ownerA, appId, 'later.example.com');
    expect(pending.status).toBe('PENDING_VERIFICATION');
    await h.domain.services.whitelist.add(h.admin, 'later.example.com');
    expect(await domains().verifyBusinessDomain(h.ownerA, pending.id)).toMatchObject({
      status: 'VERIFIED',
      verificationMethod: 'WHITELIST',
    });
    expect(server.requests).toEqual([]);

    // A whitelist entry covers exactly its domain.
    expect((await domains().addBusinessDomain(h.ownerA, appId, 'sub.partner.example.com')).status).toBe(
      'PENDING_VERIFICATION',
    );
    expect((await domains().runtimeDomains(appId)).business.sort()).toEqual([
      'later.example.com',
      'partner.example.com',
    ]);
  });

  it('removes a business domain; a removed one is NOT_FOUND afterwards', async () => {
    const added = await domains().addBusinessDomain(h.ownerA, appId, 'shop.example.com');
    expect(await codeOf(domains().removeBusinessDomain(h.ownerB, added.id))).toBe('FORBIDDEN');
    expect(await domains().removeBusinessDomain(h.ownerA, added.id)).toBe(true);
    expect(await codeOf(domains().verifyBusinessDomain(h.ownerA, added.id))).toBe('NOT_FOUND');
    expect(await codeOf(domains().removeBusinessDomain(h.ownerA, added.id))).toBe('NOT_FOUND');
  });

  it('refuses the 201st business domain with BAD_USER_INPUT', async () => {
    for (let i = 0; i < 200; i++) await domains().addBusinessDomain(h.ownerA, appId, `d${i}.example.com`);
    const before = await stored(h);
    expect(await codeOf(domains().addBusinessDomain(h.ownerA, appId, 'one-more.example.com'))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await stored(h)).toEqual(before);
  });
});

describe('whitelist', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());
  const whitelist = () => h.domain.services.whitelist;

  it('is managed by platform:configure and read by operators', async () => {
    expect(await whitelist().add(h.admin, 'HTTPS://Partner.Example.com/', 'note')).toMatchObject({
      domain: 'partner.example.com',
      note: 'note',
      addedBy: h.admin.userId,
    });
    expect(await codeOf(whitelist().add(h.admin, 'partner.example.com'))).toBe('CONFLICT');
    expect(await codeOf(whitelist().add(h.admin, '192.168.0.1'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(whitelist().add(h.admin, 'x.example.com', 'n'.repeat(201)))).toBe('BAD_USER_INPUT');
    expect(await codeOf(whitelist().add(h.reviewer, 'other.example.com'))).toBe('FORBIDDEN');
    expect((await whitelist().list(h.reviewer)).map((d) => d.domain)).toEqual(['partner.example.com']);
    expect(await whitelist().remove(h.admin, 'partner.example.com')).toBe(true);
    expect(await whitelist().remove(h.admin, 'partner.example.com')).toBe(false);
    expect(await whitelist().list(h.admin)).toEqual([]);
  });

  it('lists the whitelist in name order, a page at a time', async () => {
    for (const name of ['c.example.com', 'a.example.com', 'e.example.com', 'b.example.com', 'd.example.com'])
      await whitelist().add(h.admin, name);
    const { items, pages } = await readAllPages((page) => whitelist().list(h.reviewer, page), 2);
    expect(items.map((d) => d.domain)).toEqual([
      'a.example.com',
      'b.example.com',
      'c.example.com',
      'd.example.com',
      'e.example.com',
    ]);
    expect(pages).toBe(3);
    expect(await codeOf(whitelist().list(h.reviewer, { take: 101 }))).toBe('BAD_USER_INPUT');
  });
});
