import { ANONYMOUS, loadConfig } from '@grove/platform';
import { appManageEnvSchema, appManageSettingsFromConfig } from './config';
import {
  createApp,
  createHarness,
  errorCodes,
  execute,
  publishedVersion,
  type Harness,
} from './app-manage.test-support';

const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on MiniProgram { id name organization { id } }
    ... on MiniProgramVersion { id status versionName }
    ... on HostApp { id name sdkKey }
  }
}`;

describe('app-manage subgraph', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.dispose());

  it('prints a Federation 2 SDL with its entities and an unresolvable Organization stub', () => {
    expect(h.app.sdl).toMatch(/type MiniProgram\s+@key\(fields: "id"\)/);
    expect(h.app.sdl).toMatch(/type MiniProgramVersion\s+@key\(fields: "id"\)/);
    expect(h.app.sdl).toMatch(/type HostApp\s+@key\(fields: "id"\)/);
    expect(h.app.sdl).toMatch(
      /type Organization\s+@key\(fields: "id", resolvable: false\)\s*\{\s*id: ID!\s*\}/,
    );
    expect(h.app.sdl).not.toMatch(/secretCiphertext|publishedSlot|graySlot/);
  });

  it('resolves _entities for MiniProgram, MiniProgramVersion and HostApp for allowed callers, null for others', async () => {
    const app = await createApp(h, 'Entity App');
    const version = await publishedVersion(h, app.appId);
    const hostApp = (
      await h.app.services.hostApps.create(h.ownerA, {
        orgId: h.orgA,
        name: 'Host',
        iosBundleIds: ['com.a.host'],
      })
    ).hostApp;
    const r = [
      { __typename: 'MiniProgram', id: app.appId },
      { __typename: 'MiniProgramVersion', id: version.id },
      { __typename: 'HostApp', id: hostApp.id },
      { __typename: 'MiniProgram', id: 'mp0000000000000000' },
    ];
    const expected = [
      { id: app.appId, name: 'Entity App', organization: { id: h.orgA } },
      { id: version.id, status: 'PUBLISHED', versionName: version.versionName },
      { id: hostApp.id, name: 'Host', sdkKey: hostApp.sdkKey },
      null,
    ];
    for (const caller of [h.ownerA, h.admin]) {
      const result = await execute(h, ENTITIES, caller, { r });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ _entities: expected });
    }
    for (const caller of [ANONYMOUS, h.ownerB]) {
      const result = await execute(h, ENTITIES, caller, { r });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ _entities: [null, null, null, null] });
    }
  });

  it('returns an Organization reference for the account subgraph to resolve', async () => {
    const app = await createApp(h);
    const result = await execute(
      h,
      'query($id: ID!) { miniProgram(appId: $id) { organization { id } } }',
      h.ownerA,
      { id: app.appId },
    );
    expect(result).toEqual({ data: { miniProgram: { organization: { id: h.orgA } } } });
  });

  it('keeps everything across a restart on the same data directory', async () => {
    const app = await createApp(h, 'Durable');
    const version = await publishedVersion(h, app.appId);
    const created = await h.app.services.hostApps.create(h.ownerA, {
      orgId: h.orgA,
      name: 'Host',
      iosBundleIds: ['com.a.host'],
    });
    await h.app.services.links.link(h.ownerA, created.hostApp.id, app.appId);
    const dataDir = h.runtime.dataDir;
    await h.objects.close();
    await h.runtime.close();

    const again = await createHarness({ dataDir, people: h });
    try {
      const result = await execute(
        again,
        'query($id: ID!) { miniProgram(appId: $id) { name publishedVersion { id packageSha256 } } }',
        h.ownerA,
        { id: app.appId },
      );
      expect(result).toEqual({
        data: {
          miniProgram: {
            name: 'Durable',
            publishedVersion: { id: version.id, packageSha256: version.packageSha256 },
          },
        },
      });
      expect(await again.objects.stat(version.packageKey)).toMatchObject({ sha256: version.packageSha256 });
      expect((await again.app.services.hostApps.resolveSdkCredentials(created.sdkKey))?.secret).toBe(
        created.sdkSecret,
      );
      expect(await again.app.services.links.isLinked(created.hostApp.id, app.appId)).toBe(true);
    } finally {
      await again.objects.close();
      await again.runtime.close();
    }
  });

  it("lets reviewing operators list and filter every organization's mini-programs, newest first", async () => {
    const a1 = await createApp(h, 'Alpha Maps');
    const b1 = await createApp(h, 'Beta Maps', h.ownerB, h.orgB);
    const b2 = await createApp(h, 'Beta Pay', h.ownerB, h.orgB);
    await h.app.services.miniPrograms.freeze(h.admin, b2.appId, 'abuse');
    const list = async (args: string, who = h.reviewer) => {
      const result = await execute(
        h,
        `query { miniPrograms(${args}) { total items { id orgId status } } }`,
        who,
      );
      expect(result.errors).toBeUndefined();
      return (
        result.data as {
          miniPrograms: { total: number; items: Array<{ id: string; orgId: string; status: string }> };
        }
      ).miniPrograms;
    };
    expect((await list('take: 10')).items.map((i) => i.id)).toEqual([b2.appId, b1.appId, a1.appId]);
    expect(await list('search: "maps"')).toMatchObject({
      total: 2,
      items: [{ id: b1.appId }, { id: a1.appId }],
    });
    expect(await list('status: FROZEN')).toMatchObject({
      total: 1,
      items: [{ id: b2.appId, orgId: h.orgB, status: 'FROZEN' }],
    });
    expect((await list('take: 1, skip: 1')).items.map((i) => i.id)).toEqual([b1.appId]);
    // Members only ever see their own organization's, and must name it.
    expect(errorCodes(await execute(h, 'query { miniPrograms { total } }', h.ownerA))).toEqual(['FORBIDDEN']);
    expect((await list(`orgId: "${h.orgA}"`, h.ownerA)).items.map((i) => i.id)).toEqual([a1.appId]);
  });

  it('answers bad ids and inputs with BAD_USER_INPUT and unknown ones with NOT_FOUND', async () => {
    expect(errorCodes(await execute(h, '{ miniProgram(appId: "nope") { id } }', h.ownerA))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      errorCodes(await execute(h, '{ miniProgram(appId: "mp0123456789abcdef") { id } }', h.ownerA)),
    ).toEqual(['NOT_FOUND']);
    const bad = await execute(
      h,
      'mutation($o: ID!) { createMiniProgram(input: { orgId: $o, name: "" }) { id } }',
      h.ownerA,
      { o: h.orgA },
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('app-manage config', () => {
  it('reads its variables with defaults and reports bad ones', () => {
    const config = loadConfig(appManageEnvSchema, { DATA_DIR: '/tmp/x' });
    expect(config.APP_MANAGE_PORT).toBe(4103);
    expect(appManageSettingsFromConfig(config)).toEqual({
      maxPackageBytes: 20 * 1024 * 1024,
      maxLogoBytes: 1024 * 1024,
      secretEncryptionKey: undefined,
    });
    expect(() => loadConfig(appManageEnvSchema, { APP_SECRET_ENCRYPTION_KEY: 'short' })).toThrow(
      /APP_SECRET_ENCRYPTION_KEY/,
    );
    expect(() =>
      loadConfig(appManageEnvSchema, { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }),
    ).toThrow(/APP_SECRET_ENCRYPTION_KEY/);
  });
});
