import { join } from 'node:path';
import { createAccountSubgraph, type AccountSubgraph } from '@grove/account';
import { createAppManageSubgraph, type AppManageSubgraph } from '@grove/app-manage';
import { catalogueReadsFromModules, RUNTIME_READS_CALLER, type RuntimeReadHandlers } from '@grove/contracts';
import {
  FsObjectStore,
  serveSubgraph,
  silentLogger,
  UnavailableError,
  type RunningSubgraph,
  type UserPrincipal,
} from '@grove/platform';
import { createSearchSubgraph, type SearchSubgraph } from '@grove/search';
import {
  registerSdkRuntimeRoutes,
  runtimeReadsFromModules,
  runtimeReadsOverHttp,
  runtimeSourcesFromReads,
  signRuntimeRequest,
  type RuntimeSources,
} from '@grove/sdk-runtime';
import { createTestRuntime, eventually, type TestRuntime } from '@grove/testkit';
import fastify, { type FastifyInstance } from 'fastify';
import { approvedOrganization, loginAs } from './test-support/approved-organization.fixture';
import { miniAppPackage } from './test-support/rest-platform.fixture';

const ADMIN_PASSWORD = 'Bootstrap-Pass-2024';
const PASSWORD = 'Owner-Pass-2024';

const unavailable = async (): Promise<never> => {
  throw new UnavailableError('not part of this test');
};
/** The reads the search route does not use (gray plans, domains, SDK configuration, base libraries). */
const UNUSED_READS: Partial<RuntimeReadHandlers> = {
  grayPlan: unavailable,
  domains: unavailable,
  effectiveConfig: unavailable,
  baseLibrary: unavailable,
};

interface SearchAnswer {
  errcode: string;
  error: string;
  data: {
    total: number;
    searchId: string;
    list: Array<{
      appId: string;
      appName: string;
      desc: string;
      logo: string;
      organName: string;
      pageUrl: string;
      showText: string;
      highLights: Array<{ key: string; value: string }>;
    }>;
  } | null;
}

/**
 * The SDK's search (`/runtime/v1/search`, FinClip's searchApplet) over the real owners and the search service: in
 * process (embedded) and over the services' internal routes (distributed: the runtime calls the search service with
 * its credential). A device never sees a mini-program that is delisted, frozen, unlinked, switched off or a draft.
 */
describe('the runtime search route', () => {
  let runtime: TestRuntime;
  let objects: FsObjectStore;
  let account: AccountSubgraph;
  let appManage: AppManageSubgraph;
  let search: SearchSubgraph;
  let admin: UserPrincipal;
  let owner: UserPrincipal;
  let orgId: string;
  let hostAppId: string;
  let keys: { sdkKey: string; sdkSecret: string };
  let otherKeys: { sdkKey: string; sdkSecret: string };
  const clock = { now: Date.now() };
  const apps: Record<string, string> = {};
  const served: RunningSubgraph[] = [];

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
  const create = async (name: string, description = '') =>
    (await appManage.services.miniPrograms.create(owner, { orgId, name, description })).appId;

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
    search = await createSearchSubgraph(runtime, {
      reads: catalogueReadsFromModules([account, appManage]),
      now: () => clock.now,
    });
    await search.services.indexed();

    admin = await login('admin@grove.local', ADMIN_PASSWORD);
    ({ orgId, owner } = await approvedOrganization(runtime, account, admin, {
      email: 'owner@gov.example',
      password: PASSWORD,
      organizationName: '市政务服务中心',
    }));
    const host = await appManage.services.hostApps.create(owner, {
      orgId,
      name: '城市通',
      androidPackageNames: ['com.city.app'],
    });
    hostAppId = host.hostApp.id;
    keys = { sdkKey: host.sdkKey, sdkSecret: host.sdkSecret };
    const other = await appManage.services.hostApps.create(owner, {
      orgId,
      name: '另一个宿主',
      androidPackageNames: ['com.other.app'],
    });
    otherKeys = { sdkKey: other.sdkKey, sdkSecret: other.sdkSecret };

    apps.visible = await create('社会保险查询', '养老保险与医疗保险缴费记录');
    apps.delisted = await create('社会保险补缴');
    apps.frozen = await create('社会保险转移');
    apps.unlinked = await create('社会保险计算器');
    apps.switchedOff = await create('社会保险卡');
    apps.draft = await create('社会保险地图');
    for (const key of ['visible', 'delisted', 'frozen', 'unlinked', 'switchedOff']) await publish(apps[key]);
    for (const key of ['visible', 'delisted', 'frozen', 'switchedOff', 'draft'])
      await appManage.services.links.link(owner, hostAppId, apps[key]);
    await appManage.services.miniPrograms.freeze(admin, apps.frozen, '违规');
    await appManage.services.versions.delist(
      owner,
      (await appManage.services.versions.publishedVersion(apps.delisted))!.id,
      '下线',
    );
    await appManage.services.miniPrograms.updateSearchSettings(owner, apps.switchedOff, {
      searchable: false,
    });
    await appManage.services.miniPrograms.updateSearchSettings(owner, apps.visible, {
      pages: [{ path: 'pages/pension/index', title: '养老金测算', text: '按缴费年限估算每月养老金' }],
    });
    await eventually(async () => {
      expect((await search.services.engine.get(apps.visible))?.pages).toHaveLength(1);
      expect((await search.services.engine.get(apps.frozen))?.status).toBe('FROZEN');
      expect((await search.services.engine.get(apps.delisted))?.status).toBe('DELISTED');
      expect((await search.services.engine.get(apps.switchedOff))?.searchable).toBe(false);
    });
    for (const module of [appManage, account, search])
      served.push(await serveSubgraph({ module, tokens: runtime.tokens, logger: silentLogger(), port: 0 }));
  });
  afterAll(async () => {
    await Promise.all(served.map((s) => s.stop()));
    await search?.close();
    await appManage?.close?.();
    await objects?.close();
    await runtime?.dispose();
  });

  const modes: Array<[string, () => RuntimeSources]> = [
    [
      'embedded (in process)',
      () => runtimeSourcesFromReads(runtimeReadsFromModules([appManage, account, search], UNUSED_READS)),
    ],
    [
      'distributed (the search service over its internal route)',
      () =>
        runtimeSourcesFromReads({
          ...runtimeReadsOverHttp({
            origins: {
              'app-manage': served[0].url,
              account: served[1].url,
              search: served[2].url,
              'rule-engine': 'http://127.0.0.1:9',
              domain: 'http://127.0.0.1:9',
              sdk: 'http://127.0.0.1:9',
            },
            credential: () => runtime.tokens.signServiceCall(RUNTIME_READS_CALLER),
            timeoutMs: 5_000,
            logger: silentLogger(),
          }),
          ...UNUSED_READS,
        }),
    ],
  ];

  describe.each(modes)('%s', (_mode, sourcesOf) => {
    let app: FastifyInstance;
    let base: string;
    beforeAll(async () => {
      app = fastify({ logger: false });
      await registerSdkRuntimeRoutes(app, { runtime, objects, sources: sourcesOf() });
      base = await app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => app.close());

    const call = async (
      path: string,
      query: Record<string, string>,
      options: {
        method?: string;
        as?: { sdkKey: string; sdkSecret: string };
        headers?: Record<string, string>;
      } = {},
    ) => {
      const qs = new URLSearchParams(query).toString();
      const signer = options.as ?? keys;
      const headers = signRuntimeRequest({
        sdkKey: signer.sdkKey,
        secret: signer.sdkSecret,
        method: options.method ?? 'GET',
        path,
        query: qs,
      });
      const response = await fetch(`${base}${path}${qs ? `?${qs}` : ''}`, {
        method: options.method ?? 'GET',
        headers: { ...headers, ...options.headers },
      });
      return { status: response.status, body: (await response.json()) as SearchAnswer };
    };
    const searchFor = (
      text: string,
      extra: Record<string, string> = {},
      as?: { sdkKey: string; sdkSecret: string },
    ) => call('/runtime/v1/search', { text, ...extra }, { as });

    it('a device finds only linked, published, unfrozen, listed and searchable mini-programs, in FinClip’s shape', async () => {
      for (const text of ['社会保险', '保险', 'shbx', '']) {
        const { status, body } = await searchFor(text);
        expect([status, body.errcode]).toEqual([200, 'OK']);
        expect(body.data!.list.map((hit) => hit.appId)).toEqual([apps.visible]);
        expect(body.data!.total).toBe(1);
      }
      const { body } = await searchFor('社会保险');
      expect(body.data!.list[0]).toMatchObject({
        appName: '社会保险查询',
        desc: '养老保险与医疗保险缴费记录',
        organName: '市政务服务中心',
        logo: '',
        pageUrl: '',
      });
      expect(body.data!.list[0].highLights).toContainEqual({
        key: 'appName',
        value: '<em>社会保险</em>查询',
      });
      // Another host app of the same organization links none of them.
      expect((await searchFor('社会保险', {}, otherKeys)).body.data).toMatchObject({ total: 0, list: [] });
    });

    it('a hit can open a searchable page, with its highlighted text', async () => {
      const { body } = await searchFor('养老金');
      expect(body.data!.list).toEqual([
        expect.objectContaining({
          appId: apps.visible,
          pageUrl: 'pages/pension/index',
          showText: '<em>养老金</em>测算',
          highLights: expect.arrayContaining([{ key: 'page', value: '<em>养老金</em>测算' }]),
        }),
      ]);
    });

    it('pages, and refuses bad paging or an overlong text with BAD_REQUEST before anything is searched', async () => {
      expect((await searchFor('社会保险', { page: '2', pageSize: '1' })).body.data).toMatchObject({
        total: 1,
        list: [],
      });
      const bads: Array<Record<string, string>> = [
        { pageSize: '51' },
        { page: '0' },
        { page: '900', pageSize: '50' },
        { pageSize: 'x' },
      ];
      for (const bad of bads) {
        const { status, body } = await searchFor('社保', bad);
        expect([status, body.errcode]).toEqual([400, 'BAD_REQUEST']);
      }
      expect((await searchFor('长'.repeat(65))).body.errcode).toBe('BAD_REQUEST');
      expect((await call('/runtime/v1/search', {})).body.errcode).toBe('BAD_REQUEST');
    });

    it('serves the operators’ hot words, and counts a click once, only on a hit the host app was shown', async () => {
      await search.services.settings.setHotWords(admin, ['社保', '公积金']);
      const words = await call('/runtime/v1/search/hot-words', {});
      expect(words.body).toEqual({ errcode: 'OK', error: '', data: { list: ['社保', '公积金'] } });
      const { searchId } = (await searchFor('社会保险')).body.data!;
      const click = (appId: string, as?: { sdkKey: string; sdkSecret: string }) =>
        call('/runtime/v1/search/clicks', { searchId, appId }, { method: 'POST', as });
      expect((await click(apps.frozen)).body.data).toEqual({ recorded: false }); // not among the hits shown
      expect((await click(apps.visible, otherKeys)).body.data).toEqual({ recorded: false }); // another host app's search
      expect((await click(apps.visible)).body.data).toEqual({ recorded: true });
      expect((await click(apps.visible)).body.data).toEqual({ recorded: false }); // once per search
      expect(
        (await call('/runtime/v1/search/clicks', { searchId, appId: 'not-an-app' }, { method: 'POST' })).body
          .errcode,
      ).toBe('BAD_REQUEST');
    });

    it('needs a valid signature like every runtime route, and a nonce is used once', async () => {
      const qs = 'text=%E7%A4%BE%E4%BF%9D';
      const headers = signRuntimeRequest({
        sdkKey: keys.sdkKey,
        secret: 'wrong-secret-wrong-secret-wrong-secret',
        path: '/runtime/v1/search',
        query: qs,
      });
      const forged = await fetch(`${base}/runtime/v1/search?${qs}`, { headers });
      expect([forged.status, ((await forged.json()) as SearchAnswer).errcode]).toEqual([
        401,
        'SIGNATURE_INVALID',
      ]);
      const signed = signRuntimeRequest({
        sdkKey: keys.sdkKey,
        secret: keys.sdkSecret,
        path: '/runtime/v1/search',
        query: qs,
      });
      expect((await fetch(`${base}/runtime/v1/search?${qs}`, { headers: signed })).status).toBe(200);
      const replayed = await fetch(`${base}/runtime/v1/search?${qs}`, { headers: signed });
      expect(((await replayed.json()) as SearchAnswer).errcode).toBe('NONCE_REPLAYED');
    });
  });

  it('applies the operators’ synonyms at query time, and the search log feeds searchStatistics', async () => {
    // A day of its own on the injected clock: the statistics below count only this test's searches.
    clock.now = Date.now() + 3 * 86_400_000;
    const day = new Date(clock.now).toISOString().slice(0, 10);
    const sources = runtimeSourcesFromReads(
      runtimeReadsFromModules([appManage, account, search], UNUSED_READS),
    );
    const device = (text: string) =>
      sources.searchApplets({ hostAppId, text, offset: 0, limit: 20, deviceIdHash: 'a'.repeat(64) });

    expect((await device('社保')).total).toBe(0);
    await search.services.settings.setSynonyms(admin, [['社保', '社会保险']]);
    const widened = await device('社保');
    expect(widened.list.map((hit) => hit.appId)).toEqual([apps.visible]);
    await expect(search.services.settings.setSynonyms(owner, [['a', 'b']])).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(search.services.settings.setSynonyms(admin, [['只有一个']])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(
      search.services.settings.setHotWords(
        admin,
        Array.from({ length: 21 }, (_, i) => `词${i}`),
      ),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(search.services.settings.listSynonyms(admin)).toEqual([['社保', '社会保险']]);

    await device('ＳＨＢＸ'); // normalized with 'shbx'
    await device('shbx');
    await device('不存在的应用');
    await search.services.search.searchCatalogue(owner, { text: '不存在的应用' });
    expect(await sources.searchClicked(hostAppId, widened.searchId, apps.visible)).toBe(true);

    const stats = await search.services.log.statistics(admin, { from: day, to: day });
    expect(stats).toMatchObject({ from: day, to: day, searches: 6, noResultSearches: 3, clicks: 1 });
    expect(stats.clickThroughRate).toBeCloseTo(1 / 6);
    // Equal counts in the order of the query text.
    expect(stats.topQueries).toEqual([
      { query: 'shbx', searches: 2, noResult: 0, clicks: 0 },
      { query: '不存在的应用', searches: 2, noResult: 2, clicks: 0 },
      { query: '社保', searches: 2, noResult: 1, clicks: 1 },
    ]);
    expect(stats.noResultQueries.map((q) => q.query)).toEqual(['不存在的应用', '社保']);
    await expect(search.services.log.statistics(owner, { from: day, to: day })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      search.services.log.statistics(admin, { from: '2026-01-01', to: '2026-06-01' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      search.services.log.statistics(admin, { from: '2026-02-30', to: '2026-03-01' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await search.services.settings.setSynonyms(admin, []);
  });
});
