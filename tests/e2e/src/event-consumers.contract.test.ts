import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { createAppManageSubgraph, type AppManageSubgraph } from '@grove/app-manage';
import { createDomainSubgraph, type DomainSubgraph } from '@grove/domain';
import { FsObjectStore, newId, type UserPrincipal } from '@grove/platform';
import { createSdkSubgraph, type SdkSubgraph } from '@grove/sdk';
import { createTestRuntime, eventually, type TestRuntime } from '@grove/testkit';

/**
 * Producer → consumer contracts on one bus, through the subgraphs' public entry points only: app-manage's real events
 * feed domain's and sdk's ownership projections, and domain's SDL composes with app-manage's. (Subgraphs never import
 * each other, so these tests live here rather than in either subgraph.)
 */
const user = (
  memberships: UserPrincipal['memberships'],
  operatorRoles: UserPrincipal['operatorRoles'] = [],
): UserPrincipal => ({
  kind: 'user',
  userId: newId(),
  sessionId: newId(),
  operatorRoles,
  memberships,
});

describe('app-manage events → domain and sdk projections', () => {
  let runtime: TestRuntime;
  let objects: FsObjectStore;
  let appManage: AppManageSubgraph;
  let domain: DomainSubgraph;
  let sdk: SdkSubgraph;
  const orgId = newId();
  const owner = user([{ orgId, role: 'ORG_OWNER' }]);
  const admin = user([], ['OPERATOR_ADMIN']);

  beforeAll(async () => {
    runtime = await createTestRuntime({ inMemory: true });
    objects = await FsObjectStore.open({
      rootDir: join(runtime.dataDir, 'objects'),
      publicBaseUrl: 'http://localhost:4000',
      urlSigningSecret: 'x'.repeat(40),
    });
    appManage = await createAppManageSubgraph(runtime, {
      objects,
      settings: { secretEncryptionKey: 'k'.repeat(40) },
    });
    domain = await createDomainSubgraph(runtime);
    sdk = await createSdkSubgraph(runtime, { objects });
  });

  afterAll(async () => {
    await sdk?.close?.();
    await domain?.close();
    await appManage?.close?.();
    await objects?.close();
    await runtime?.dispose();
  });

  it("domain's SDL composes with app-manage's MiniProgram (same key) into one supergraph", () => {
    const result = composeServices([
      { name: 'app-manage', url: 'http://app-manage', typeDefs: parse(appManage.sdl) },
      { name: 'domain', url: 'http://domain', typeDefs: parse(domain.sdl) },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.supergraphSdl).toMatch(
      /type MiniProgram[^{]*\{[^}]*\bname: String![^}]*\bdomains: MiniProgramDomains/s,
    );
  });

  it('domain follows the mini-program: created, frozen, unfrozen', async () => {
    const app = await appManage.services.miniPrograms.create(owner, {
      orgId,
      name: 'Contract app',
      tags: [],
    });
    await eventually(
      async () =>
        expect(await domain.services.miniPrograms.get(app.appId)).toEqual({
          appId: app.appId,
          orgId,
          status: 'ACTIVE',
        }),
      10_000,
    );
    expect(
      (
        await domain.services.domains.replaceServiceDomains(owner, app.appId, 'request', [
          'https://api.example.com',
        ])
      ).version,
    ).toBe(1);

    await appManage.services.miniPrograms.freeze(admin, app.appId, 'abuse');
    await eventually(
      async () => expect((await domain.services.miniPrograms.get(app.appId))?.status).toBe('FROZEN'),
      10_000,
    );
    await appManage.services.miniPrograms.unfreeze(admin, app.appId);
    await eventually(
      async () => expect((await domain.services.miniPrograms.get(app.appId))?.status).toBe('ACTIVE'),
      10_000,
    );
  });

  it('sdk learns the host app and its owner authorizes its SDK config; another organization stays refused', async () => {
    const { hostApp } = await appManage.services.hostApps.create(owner, {
      orgId,
      name: 'Contract host',
      iosBundleIds: ['com.example.contract'],
    });
    await eventually(
      async () =>
        expect(
          (await sdk.services.configs.setOverride(owner, hostApp.id, { enableDebug: true })).version,
        ).toBe(1),
      10_000,
    );
    const stranger = user([{ orgId: newId(), role: 'ORG_OWNER' }]);
    await expect(
      sdk.services.configs.setOverride(stranger, hostApp.id, { enableDebug: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Later host-app events (disable, rotate) keep the owner.
    await appManage.services.hostApps.setEnabled(owner, hostApp.id, false);
    await appManage.services.hostApps.rotateSecret(owner, hostApp.id);
    await eventually(
      async () =>
        expect(
          (await sdk.services.configs.setOverride(owner, hostApp.id, { enableDebug: false })).version,
        ).toBe(2),
      10_000,
    );
  });
});
