import { join } from 'node:path';
import { createAccountSubgraph, type AccountSubgraph } from '@grove/account';
import { createAppManageSubgraph, type AppManageSubgraph } from '@grove/app-manage';
import { CATALOGUE_READS_CALLER, catalogueReadsFromModules, catalogueReadsOverHttp } from '@grove/contracts';
import {
  FsObjectStore,
  serveSubgraph,
  silentLogger,
  type Principal,
  type RunningSubgraph,
  type UserPrincipal,
} from '@grove/platform';
import { createSearchSubgraph, type SearchSubgraph } from '@grove/search';
import { createTestRuntime, eventually, type TestRuntime } from '@grove/testkit';
import { graphql } from 'graphql';
import { approvedOrganization, loginAs } from './test-support/approved-organization.fixture';
import { miniAppPackage } from './test-support/rest-platform.fixture';

const ADMIN_PASSWORD = 'Bootstrap-Pass-2024';
const PASSWORD = 'Owner-Pass-2024';

/**
 * The search subgraph on the real owners: app-manage's and account's events feed its index, which re-reads the
 * catalogue from them (in process here, and over their internal routes below), and the visibility rules per caller.
 */
describe('search over the catalogue of app-manage and account', () => {
  let runtime: TestRuntime;
  let objects: FsObjectStore;
  let account: AccountSubgraph;
  let appManage: AppManageSubgraph;
  let search: SearchSubgraph;
  let admin: UserPrincipal;
  let owner: UserPrincipal;
  let orgId: string;
  let hostAppId: string;
  const apps: Record<string, string> = {};

  const login = (identifier: string, password: string) => loginAs(runtime, account, identifier, password);
  let versionCode = 0;
  const publish = async (appId: string) => {
    versionCode += 1;
    const { versions } = appManage.services;
    const v = await versions.upload(owner, {
      appId,
      versionName: `1.0.${versionCode}`,
      zip: await miniAppPackage(appId, `1.0.${versionCode}`, versionCode),
    });
    await versions.submit(owner, v.id);
    await versions.approve(admin, v.id);
    return versions.publish(owner, v.id);
  };
  const create = async (
    name: string,
    extra: { description?: string; category?: string; tags?: string[] } = {},
  ) => (await appManage.services.miniPrograms.create(owner, { orgId, name, ...extra })).appId;
  const statusOf = async (appId: string) => (await search.services.engine.get(appId))?.status;
  const deviceNames = async (text: string) =>
    (await search.services.search.searchForHostApp(hostAppId, { text })).hits
      .map((h) => h.document.name)
      .sort();

  beforeAll(async () => {
    runtime = await createTestRuntime({ inMemory: true });
    objects = await FsObjectStore.open({
      rootDir: join(runtime.dataDir, 'objects'),
      publicBaseUrl: 'http://127.0.0.1:4000',
      urlSigningSecret: 'test-url-signing-secret-of-sufficient-length',
    });
    account = await createAccountSubgraph(runtime, {
      bootstrapAdminPassword: ADMIN_PASSWORD,
      passwordHashCost: 10,
    });
    await account.bootstrap();
    appManage = await createAppManageSubgraph(runtime, { objects });
    search = await createSearchSubgraph(runtime, { reads: catalogueReadsFromModules([account, appManage]) });
    await search.services.indexed();

    admin = await login('admin@grove.local', ADMIN_PASSWORD);
    ({ orgId, owner } = await approvedOrganization(runtime, account, admin, {
      email: 'owner@cmb.example',
      password: PASSWORD,
      organizationName: '招商银行股份有限公司',
    }));
    hostAppId = (
      await appManage.services.hostApps.create(owner, {
        orgId,
        name: '掌上生活',
        androidPackageNames: ['com.cmb.life'],
      })
    ).hostApp.id;

    apps.card = await create('信用卡还款', {
      description: '招商银行信用卡账单查询与还款',
      category: '金融',
      tags: ['账单', '还款'],
    });
    apps.draft = await create('信用卡积分商城', { category: '金融' });
    apps.frozen = await create('信用卡分期', { category: '金融' });
    apps.delisted = await create('信用卡年费查询', { category: '金融' });
    apps.unlinked = await create('信用卡申请', { category: '金融' });
    for (const key of ['card', 'frozen', 'delisted', 'unlinked']) await publish(apps[key]);
    for (const key of ['card', 'draft', 'frozen', 'delisted'])
      await appManage.services.links.link(owner, hostAppId, apps[key]);
    await appManage.services.miniPrograms.freeze(admin, apps.frozen, '违规');
    const delisting = await appManage.services.versions.publishedVersion(apps.delisted);
    await appManage.services.versions.delist(owner, delisting!.id, '下线');
    await eventually(async () => {
      expect(await statusOf(apps.frozen)).toBe('FROZEN');
      expect(await statusOf(apps.delisted)).toBe('DELISTED');
      expect(await statusOf(apps.draft)).toBe('DRAFT');
      expect((await search.services.engine.get(apps.delisted))?.hostAppIds).toEqual([hostAppId]);
    });
  });
  afterAll(async () => {
    await search?.close();
    await appManage?.close?.();
    await objects?.close();
    await runtime?.dispose();
  });

  it("indexes what app-manage and account hold: names, keywords, category, the organization's name", async () => {
    const doc = await search.services.engine.get(apps.card);
    expect(doc).toMatchObject({
      name: '信用卡还款',
      keywords: ['账单', '还款'],
      category: '金融',
      organizationName: '招商银行股份有限公司',
      status: 'PUBLISHED',
      hostAppIds: [hostAppId],
    });
    const { hits } = await search.services.search.searchCatalogue(owner, { text: '招商银行' });
    expect(hits[0].document.appId).toBe(apps.card);
  });

  it('a device finds only published mini-programs linked to its host app, never frozen, delisted, drafts or unlinked ones', async () => {
    expect(await deviceNames('信用卡')).toEqual(['信用卡还款']);
    expect(await deviceNames('')).toEqual(['信用卡还款']);
    expect(
      (await search.services.search.searchForHostApp('another-host-app', { text: '信用卡' })).total,
    ).toBe(0);
  });

  it('the institution sees its whole catalogue, drafts included; another organization sees none of it; operators see all', async () => {
    const own = await search.services.search.searchCatalogue(owner, { text: '信用卡' });
    expect(own.total).toBe(5);
    expect(own.facets.status.map((f) => f.value).sort()).toEqual([
      'DELISTED',
      'DRAFT',
      'FROZEN',
      'PUBLISHED',
    ]);
    expect(own.facets.organization).toEqual([{ value: orgId, label: '招商银行股份有限公司', count: 5 }]);
    const stranger: Principal = { ...owner, memberships: [{ orgId: 'some-other-org', role: 'ORG_OWNER' }] };
    expect((await search.services.search.searchCatalogue(stranger, { text: '信用卡' })).total).toBe(0);
    await expect(
      search.services.search.searchCatalogue(stranger, { text: '信用卡', filter: { orgIds: [orgId] } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (
        await search.services.search.searchCatalogue(admin, {
          text: '信用卡',
          filter: { statuses: ['DRAFT'] },
        })
      ).hits.map((h) => h.document.appId),
    ).toEqual([apps.draft]);
  });

  it('follows changes: an update renames, an organization freeze hides every mini-program from devices until lifted', async () => {
    await appManage.services.miniPrograms.update(owner, apps.card, { name: '信用卡账单' });
    await eventually(async () => expect(await deviceNames('账单')).toEqual(['信用卡账单']));
    await account.services.organizations.freeze(admin, orgId, '审计');
    await eventually(async () => expect(await deviceNames('信用卡')).toEqual([]));
    await account.services.organizations.unfreeze(admin, orgId);
    await eventually(async () => expect(await deviceNames('信用卡')).toEqual(['信用卡账单']));
    expect(await statusOf(apps.frozen)).toBe('FROZEN');
  });

  it('indexes the owner-set search fields: aliases rank below the name, pages are found, the switch hides it from devices only', async () => {
    const settings = appManage.services.miniPrograms;
    await settings.updateSearchSettings(owner, apps.card, {
      aliases: ['还信用卡', '还信用卡'],
      pages: [{ path: 'pages/bill/index?tab=1', title: '本期账单', text: '查看最低还款额' }],
    });
    await eventually(async () =>
      expect((await search.services.engine.get(apps.card))?.aliases).toEqual(['还信用卡']),
    );
    const byPage = await search.services.search.searchForHostApp(hostAppId, { text: '最低还款' });
    expect(byPage.hits.map((h) => [h.document.appId, h.page?.path])).toEqual([
      [apps.card, 'pages/bill/index?tab=1'],
    ]);
    await settings.updateSearchSettings(owner, apps.card, { searchable: false });
    await eventually(async () => expect(await deviceNames('信用卡')).toEqual([]));
    expect(
      (await search.services.search.searchCatalogue(owner, { text: '本期账单' })).hits.map(
        (h) => h.document.appId,
      ),
    ).toEqual([apps.card]);
    await settings.updateSearchSettings(owner, apps.card, { searchable: true });
    await eventually(async () => expect((await deviceNames('信用卡')).length).toBe(1));
    // Bounded and checked: a stable code naming the field, nothing written.
    const refused = [
      { aliases: Array.from({ length: 6 }, (_, i) => `别名${i}`) },
      { aliases: ['长'.repeat(21)] },
      { pages: [{ path: '../secret', title: 'x' }] },
      { pages: [{ path: 'https://evil.example/x', title: 'x' }] },
      { pages: Array.from({ length: 21 }, (_, i) => ({ path: `pages/p${i}`, title: `页${i}` })) },
      {
        pages: [
          { path: 'pages/a', title: 'a' },
          { path: 'pages/a', title: 'b' },
        ],
      },
      {},
    ];
    for (const input of refused)
      await expect(settings.updateSearchSettings(owner, apps.card, input)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    const stranger: Principal = { ...owner, memberships: [{ orgId: 'some-other-org', role: 'ORG_OWNER' }] };
    await expect(
      settings.updateSearchSettings(stranger, apps.card, { searchable: false }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await settings.get(owner, apps.card)).searchAliases).toEqual(['还信用卡']);
  });

  it('answers searchMiniPrograms over GraphQL with highlights and facets, and refuses bad input with a stable code', async () => {
    const query = `query($text: String!) { searchMiniPrograms(text: $text, take: 2) {
      total items { appId name status highlights { name description } miniProgram { id } } facets { category { value count } } } }`;
    const ctx = { principal: owner, requestId: 't', logger: silentLogger() };
    const result = await graphql({
      schema: search.schema,
      source: query,
      variableValues: { text: '信用卡还款' },
      contextValue: ctx,
    });
    expect(result.errors).toBeUndefined();
    const data = result.data as {
      searchMiniPrograms: {
        total: number;
        items: Array<{ name: string; highlights: { name: string | null } }>;
        facets: { category: unknown[] };
      };
    };
    expect(data.searchMiniPrograms.items).toHaveLength(2);
    expect(data.searchMiniPrograms.items[0].highlights.name).toBe('<em>信用卡</em>账单');
    expect(data.searchMiniPrograms.facets.category).toEqual([
      { value: '金融', count: data.searchMiniPrograms.total },
    ]);
    const tooLong = await graphql({
      schema: search.schema,
      source: query,
      variableValues: { text: '长'.repeat(65) },
      contextValue: ctx,
    });
    expect((tooLong.errors?.[0].originalError as { code?: string } | undefined)?.code).toBe('BAD_USER_INPUT');
  });

  it("follows an organization's rename and unlinks; a rebuild while it is frozen keeps its mini-programs hidden", async () => {
    // A new name of an approved organization is an amendment operators approve: then the index takes it.
    await account.services.organizations.update(owner, orgId, { name: '招商银行信用卡中心' });
    await account.services.organizations.approveAmendment(admin, orgId);
    await eventually(async () =>
      expect((await search.services.engine.get(apps.card))?.organizationName).toBe('招商银行信用卡中心'),
    );
    expect(
      (await search.services.search.searchCatalogue(owner, { text: '信用卡中心' })).facets.organization,
    ).toEqual([{ value: orgId, label: '招商银行信用卡中心', count: 5 }]);

    // Frozen: whatever re-reads a mini-program meanwhile (an event, a rebuild) keeps it from devices.
    await account.services.organizations.freeze(admin, orgId, '审计');
    await eventually(async () => expect(await deviceNames('信用卡')).toEqual([]));
    await search.services.projection.rebuild();
    expect(await statusOf(apps.card)).toBe('FROZEN');
    expect(await deviceNames('信用卡')).toEqual([]);
    await account.services.organizations.unfreeze(admin, orgId);
    await eventually(async () => expect((await deviceNames('信用卡')).length).toBe(1));

    await appManage.services.links.unlink(owner, hostAppId, apps.card);
    await eventually(async () => expect(await deviceNames('信用卡')).toEqual([]));
    await appManage.services.links.link(owner, hostAppId, apps.card);
    await eventually(async () => expect((await deviceNames('信用卡')).length).toBe(1));
  });

  it('rebuilds on demand: an operator asks, the index drops what the owners no longer hold and repairs what drifted', async () => {
    const { engine } = search.services;
    const card = (await engine.get(apps.card))!;
    const ghost = { ...card, appId: 'mp00000000deadbeef', name: '信用卡幽灵' };
    await engine.upsert([ghost, { ...(await engine.get(apps.unlinked))!, name: '走样的名字' }]);
    const rebuild = (principal: Principal) =>
      graphql({
        schema: search.schema,
        source: 'mutation { rebuildSearchIndex }',
        contextValue: { principal, requestId: 't', logger: silentLogger() },
      });
    const refused = await rebuild(owner);
    expect((refused.errors?.[0].originalError as { code?: string } | undefined)?.code).toBe('FORBIDDEN');
    expect(await engine.get(ghost.appId)).not.toBeNull();

    const asked = await rebuild(admin);
    expect(asked.errors).toBeUndefined();
    expect(asked.data).toEqual({ rebuildSearchIndex: true });
    await eventually(async () => {
      expect(await engine.get(ghost.appId)).toBeNull();
      expect((await engine.get(apps.unlinked))?.name).toBe('信用卡申请');
    });
    expect(await engine.get(apps.card)).toEqual(card);
    expect((await engine.appIds()).sort()).toEqual(Object.values(apps).sort());
  });

  it('rebuilds the same index from the owners over their internal routes (distributed profile)', async () => {
    const served: RunningSubgraph[] = [];
    try {
      for (const module of [appManage, account])
        served.push(await serveSubgraph({ module, tokens: runtime.tokens, logger: silentLogger(), port: 0 }));
      const reads = catalogueReadsOverHttp({
        origins: { 'app-manage': served[0].url, account: served[1].url },
        credential: () => runtime.tokens.signServiceCall(CATALOGUE_READS_CALLER),
        timeoutMs: 5_000,
        logger: silentLogger(),
      });
      const remote = await createSearchSubgraph(runtime, {
        reads,
        settings: { consumerGroup: 'search-remote' },
      });
      try {
        await remote.services.indexed();
        for (const appId of Object.values(apps))
          expect(await remote.services.engine.get(appId)).toEqual(await search.services.engine.get(appId));
        const wrongCaller = catalogueReadsOverHttp({
          origins: { 'app-manage': served[0].url, account: served[1].url },
          credential: () => runtime.tokens.signServiceCall('sdk-runtime'),
          timeoutMs: 5_000,
          logger: silentLogger(),
        });
        await expect(wrongCaller.catalogueEntry({ appId: apps.card })).rejects.toMatchObject({
          code: 'UNAVAILABLE',
        });
      } finally {
        await remote.close();
      }
    } finally {
      await Promise.all(served.map((s) => s.stop()));
    }
  });
});
