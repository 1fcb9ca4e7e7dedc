import { AccountTopic, organizationEvents, contractEvent } from '@grove/contracts';
import { newId, randomToken } from '@grove/platform';
import {
  createRuntimePlatform,
  eventually,
  linkedHostApp,
  publishedApplet,
  signedGet,
  startRuntimeServer,
  userPrincipal,
  type RuntimePlatform,
  type RuntimeServer,
} from './sdk-runtime.test-support';

/**
 * Issue 7 item 4: a frozen organization stops distributing. Account owns the frozen flag (the router supplies
 * account's answer as `organizationFrozen`); here a set stands for account's store, and the invalidation travels as
 * the real `account.organization` contract events on the platform bus.
 */
describe('SDK runtime and frozen organizations', () => {
  const frozen = new Set<string>();
  let p: RuntimePlatform;
  let server: RuntimeServer;

  beforeAll(async () => {
    p = await createRuntimePlatform();
    // Long local TTL: only the event can make the runtime notice.
    server = await startRuntimeServer(
      { ...p, sources: { ...p.sources, organizationFrozen: async (orgId) => frozen.has(orgId) } },
      { localTtlMs: 60_000 },
    );
  });
  afterAll(async () => {
    await server?.close();
    await p?.dispose();
  });

  const publish = (type: 'organization.frozen' | 'organization.unfrozen', orgId: string) =>
    p.runtime.events.publish(
      AccountTopic.ORGANIZATION,
      contractEvent(organizationEvents, type, orgId, { organizationId: orgId, actorId: newId() }),
    );

  const errcode = async (response: Response) => ((await response.json()) as { errcode: string }).errcode;

  it("refuses a frozen organization's host apps, mini-program info and packages, and serves them again once unfrozen", async () => {
    const { appId, versionId } = await publishedApplet(p);
    // A host app of another organization, so the mini-program's own check is what refuses it.
    const otherOrg = newId();
    const otherOwner = userPrincipal([{ orgId: otherOrg, role: 'ORG_OWNER' }]);
    const created = await p.appManage.services.hostApps.create(otherOwner, {
      orgId: otherOrg,
      name: `Host ${randomToken(4)}`,
      iosBundleIds: ['com.example.other'],
    });
    const link = await p.appManage.services.links.link(otherOwner, created.hostApp.id, appId);
    await p.appManage.services.links.approve(p.owner, link.id);
    const foreignHost = { sdkKey: created.sdkKey, sdkSecret: created.sdkSecret };
    const ownHost = await linkedHostApp(p, [appId]);

    const info = `/runtime/v1/applets/${appId}`;
    const pkg = `${info}/package`;
    expect(await errcode(await signedGet(server, foreignHost, info))).toBe('OK');
    expect((await signedGet(server, foreignHost, pkg, { versionId })).status).toBe(200);
    expect(await errcode(await signedGet(server, ownHost, info))).toBe('OK');

    frozen.add(p.orgId);
    await publish('organization.frozen', p.orgId);
    await eventually(async () => {
      const refused = await signedGet(server, foreignHost, info);
      expect(refused.status).toBe(403);
      expect(await errcode(refused)).toBe('ORGANIZATION_FROZEN');
    }, 1000);
    expect(await errcode(await signedGet(server, foreignHost, pkg, { versionId }))).toBe(
      'ORGANIZATION_FROZEN',
    );
    // The frozen organization's own host app is refused whatever it asks for.
    expect(await errcode(await signedGet(server, ownHost, '/runtime/v1/config'))).toBe('ORGANIZATION_FROZEN');

    frozen.delete(p.orgId);
    await publish('organization.unfrozen', p.orgId);
    await eventually(
      async () => expect(await errcode(await signedGet(server, foreignHost, info))).toBe('OK'),
      1000,
    );
    expect(await errcode(await signedGet(server, ownHost, info))).toBe('OK');
  });
});
