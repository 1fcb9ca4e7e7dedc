import { rmSync } from 'node:fs';
import { ANONYMOUS, newId } from '@grove/platform';
import { MINI_PROGRAM_EVENTS_TOPIC } from './projection';
import {
  createApp,
  createHarness,
  errorCodes,
  eventually,
  execute,
  localVerification,
  publishAppEvent,
  settle,
  startFileServer,
  userPrincipal,
  type Harness,
} from './domain.test-support';

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on MiniProgram { id domains { appId request version businessDomains { domain status } } }
  }
}`;

describe('domain subgraph', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('prints a Federation 2 SDL that contributes `domains` to the MiniProgram entity', () => {
    expect(h.domain.sdl).toMatch(
      /type MiniProgram\s+@key\(fields: "id"\)\s*\{\s*id: ID!\s*(""".*?"""\s*)?domains: MiniProgramDomains\s*\}/s,
    );
    expect(h.domain.sdl).not.toMatch(/fileContent|lastEventAt/);
  });

  it('resolves _entities for MiniProgram for members and operators, null for others and unknown apps', async () => {
    const appId = await createApp(h);
    await h.domain.services.domains.replaceServiceDomains(h.ownerA, appId, 'request', [
      'https://api.example.com',
    ]);
    await h.domain.services.domains.addBusinessDomain(h.ownerA, appId, 'shop.example.com');
    const r = [
      { __typename: 'MiniProgram', id: appId },
      { __typename: 'MiniProgram', id: 'mp0000000000000000' },
    ];
    const expected = {
      id: appId,
      domains: {
        appId,
        request: ['https://api.example.com'],
        version: 1,
        businessDomains: [{ domain: 'shop.example.com', status: 'PENDING_VERIFICATION' }],
      },
    };
    for (const caller of [h.ownerA, h.developerA, h.reviewer, h.admin]) {
      const result = await execute(h, ENTITIES, caller, { r });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ _entities: [expected, null] });
    }
    for (const caller of [ANONYMOUS, h.ownerB]) {
      const result = await execute(h, ENTITIES, caller, { r });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ _entities: [null, null] });
    }
  });

  it('answers the GraphQL operations with the service results and stable error codes', async () => {
    const appId = await createApp(h);
    const set = await execute(
      h,
      'mutation($a: ID!, $d: [String!]!) { setServiceDomains(appId: $a, kind: SOCKET, domains: $d, expectedVersion: 0) { socket version } }',
      h.ownerA,
      { a: appId, d: ['wss://ws.example.com'] },
    );
    expect(set).toEqual({ data: { setServiceDomains: { socket: ['wss://ws.example.com'], version: 1 } } });
    const bad = await execute(
      h,
      'mutation($a: ID!) { setServiceDomains(appId: $a, kind: REQUEST, domains: ["https://127.0.0.1"]) { version } }',
      h.ownerA,
      { a: appId },
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const missing = await execute(
      h,
      'query { miniProgramDomains(appId: "mp0000000000000000") { appId } }',
      h.ownerA,
    );
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  });

  it('keeps lists, business domains and the projection across a restart on the same data directory', async () => {
    const server = await startFileServer();
    try {
      const dataDir = h.runtime.dataDir;
      const people = {
        orgA: h.orgA,
        orgB: h.orgB,
        ownerA: h.ownerA,
        developerA: h.developerA,
        ownerB: h.ownerB,
        reviewer: h.reviewer,
        admin: h.admin,
      };
      await h.domain.close();
      await h.runtime.close();
      h = await createHarness({ dataDir, people, settings: localVerification(server) });
      const appId = await createApp(h);
      await h.domain.services.domains.replaceServiceDomains(h.ownerA, appId, 'upload', [
        'https://up.example.com',
      ]);
      const added = await h.domain.services.domains.addBusinessDomain(h.ownerA, appId, 'shop.example.com');
      server.files.set(`/${added.verificationFile.fileName}`, added.verificationFile.content);
      await h.domain.services.domains.verifyBusinessDomain(h.ownerA, added.id);
      await h.domain.services.whitelist.add(h.admin, 'partner.example.com');
      const before = await h.domain.services.domains.get(h.ownerA, appId);

      await h.domain.close();
      await h.runtime.close();
      h = await createHarness({ dataDir, people });
      expect(await h.domain.services.domains.get(h.ownerA, appId)).toEqual(before);
      expect(before.businessDomains[0]).toMatchObject({ status: 'VERIFIED' });
      expect((await h.domain.services.whitelist.list(h.admin)).map((d) => d.domain)).toEqual([
        'partner.example.com',
      ]);
      expect(await h.domain.services.miniPrograms.get(appId)).toEqual({
        appId,
        orgId: h.orgA,
        status: 'ACTIVE',
      });
    } finally {
      await server.close();
      await h.domain.close();
      await h.runtime.close();
      rmSync(h.runtime.dataDir, { recursive: true, force: true });
      h = await createHarness();
    }
  });
});

describe('mini-program projection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('ignores replays: the same event again, and an older event delivered late', async () => {
    const appId = await createApp(h);
    const frozen = await publishAppEvent(h, 'mini-program.frozen', appId, h.orgA, { reason: 'abuse' });
    await eventually(async () =>
      expect((await h.domain.services.miniPrograms.get(appId))?.status).toBe('FROZEN'),
    );

    // The bus redelivers the very same event (same id): the idempotent handler skips it.
    await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, { ...frozen });
    // An older creation event arrives after the freeze (new id, earlier occurredAt): the time guard skips it.
    const stale = {
      id: newId(),
      type: 'mini-program.created',
      key: appId,
      occurredAt: new Date(Date.parse(frozen.occurredAt) - 60_000).toISOString(),
      payload: { appId, orgId: h.orgA },
    };
    await h.runtime.events.publish(MINI_PROGRAM_EVENTS_TOPIC, stale);
    await settle();
    expect(await h.domain.services.miniPrograms.get(appId)).toEqual({
      appId,
      orgId: h.orgA,
      status: 'FROZEN',
    });
    expect(await h.domain.services.miniPrograms.apply({ ...stale, id: newId() })).toBe(false);
    // Applying the freeze again directly is harmless too.
    expect(await h.domain.services.miniPrograms.apply(frozen)).toBe(true);
    expect(await h.domain.services.miniPrograms.get(appId)).toEqual({
      appId,
      orgId: h.orgA,
      status: 'FROZEN',
    });
  });

  it('ignores version events (their status is a version status) and malformed payloads', async () => {
    const appId = await createApp(h);
    const at = () => new Date(Date.now() + 1000).toISOString();
    expect(
      await h.domain.services.miniPrograms.apply({
        id: newId(),
        type: 'version.published',
        occurredAt: at(),
        key: appId,
        payload: { appId, orgId: h.orgA, status: 'PUBLISHED' },
      }),
    ).toBe(false);
    expect(
      await h.domain.services.miniPrograms.apply({
        id: newId(),
        type: 'mini-program.created',
        occurredAt: at(),
        payload: { appId: 'nope', orgId: h.orgA },
      }),
    ).toBe(false);
    expect(
      await h.domain.services.miniPrograms.apply({
        id: newId(),
        type: 'mini-program.created',
        occurredAt: at(),
        payload: null,
      }),
    ).toBe(false);
    expect(await h.domain.services.miniPrograms.get(appId)).toEqual({
      appId,
      orgId: h.orgA,
      status: 'ACTIVE',
    });
  });

  it('learns an app from an update when its creation was never seen, and follows an ownership change', async () => {
    const appId = `mp${'ab'.repeat(8)}`;
    await publishAppEvent(h, 'mini-program.updated', appId, h.orgA);
    await eventually(async () =>
      expect(await h.domain.services.miniPrograms.get(appId)).toEqual({
        appId,
        orgId: h.orgA,
        status: 'ACTIVE',
      }),
    );
    await publishAppEvent(h, 'mini-program.updated', appId, h.orgB);
    await eventually(async () =>
      expect((await h.domain.services.miniPrograms.get(appId))?.orgId).toBe(h.orgB),
    );
    const ownerOfB = userPrincipal([{ orgId: h.orgB, role: 'ORG_OWNER' }]);
    expect((await h.domain.services.domains.get(ownerOfB, appId)).appId).toBe(appId);
  });
});
