import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccountSubgraph, type AccountSubgraph } from '@grove/account';
import { createAppManageSubgraph, type AppManageSubgraph } from '@grove/app-manage';
import {
  CATALOGUE_READS_CALLER,
  catalogueReadsFromModules,
  catalogueReadsOverHttp,
  miniProgramEvents,
} from '@grove/contracts';
import {
  createRedisConnection,
  FsObjectStore,
  randomToken,
  serveSubgraph,
  silentLogger,
  type RunningSubgraph,
  type UserPrincipal,
} from '@grove/platform';
import { createSearchSubgraph, type SearchSubgraph } from '@grove/search';
import {
  createTestRuntime,
  deleteRedisKeys,
  eventually,
  testRedisUrl,
  type TestRuntime,
} from '@grove/testkit';
import { miniAppPackage } from './test-support/rest-platform.fixture';

const ADMIN_PASSWORD = 'Bootstrap-Pass-2024';
const PASSWORD = 'Owner-Pass-2024';

/**
 * The standard profile's search replicas (issue 10 item 5): two search processes, each with its own in-memory index
 * persisted in its own directory (snapshot and journal) and its own consumer group named after its pod (stable across
 * restarts: a StatefulSet's pod names), on the real Redis Streams bus and one shared document store. Both converge on
 * the owners' state, an operator's change of hot words or synonyms reaches both, and a restarted replica loads its
 * snapshot instead of rebuilding, catches up through its own group and rejoins it: the groups do not pile up.
 */
describe('two search processes on one Redis event bus', () => {
  const redisUrl = testRedisUrl();
  const prefix = `grove-test:${randomToken(6)}:`;
  const dataDir = mkdtempSync(join(tmpdir(), 'grove-search-replicas-'));
  // Two runtimes = two processes: their own in-process state, the same Redis streams and SQLite file.
  const env = {
    EVENTS_DRIVER: 'redis',
    CACHE_DRIVER: 'redis',
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    JWT_SECRET: 'j'.repeat(40),
    INTERNAL_TOKEN_SECRET: 'i'.repeat(40),
  };
  let owners: TestRuntime;
  let replicaRuntime: TestRuntime;
  let objects: FsObjectStore;
  let account: AccountSubgraph;
  let appManage: AppManageSubgraph;
  let first: SearchSubgraph;
  let second: SearchSubgraph;
  let admin: UserPrincipal;
  let owner: UserPrincipal;
  let orgId: string;
  const served: RunningSubgraph[] = [];
  const apps: string[] = [];
  /** Full listings of the catalogue the second replica asked for: one per rebuild. */
  let secondListings = 0;
  const indexDir = (group: string) => join(dataDir, 'search-index', group);

  const login = async (identifier: string, password: string) =>
    owners.tokens.verifyAccessToken(
      (await account.services.sessions.login({ identifier, password })).accessToken,
    );
  const startSecond = async () => {
    const reads = catalogueReadsOverHttp({
      origins: { 'app-manage': served[0].url, account: served[1].url },
      credential: () => replicaRuntime.tokens.signServiceCall(CATALOGUE_READS_CALLER),
      timeoutMs: 5_000,
      logger: silentLogger(),
    });
    const search = await createSearchSubgraph(replicaRuntime, {
      reads: {
        ...reads,
        catalogueAppIds: async (input) => {
          secondListings += 1;
          return reads.catalogueAppIds(input);
        },
      },
      settings: { consumerGroup: 'search-1', indexDir: indexDir('search-1') },
    });
    await search.services.indexed();
    return search;
  };
  const converged = async () => {
    for (const appId of apps)
      expect(await second.services.engine.get(appId)).toEqual(await first.services.engine.get(appId));
    expect(await second.services.engine.count()).toBe(await first.services.engine.count());
  };

  beforeAll(async () => {
    owners = await createTestRuntime({ env, dataDir });
    replicaRuntime = await createTestRuntime({ env, dataDir });
    objects = await FsObjectStore.open({
      rootDir: join(dataDir, 'objects'),
      publicBaseUrl: 'http://127.0.0.1:4000',
      urlSigningSecret: 'test-url-signing-secret-of-sufficient-length',
    });
    account = await createAccountSubgraph(owners, {
      bootstrapAdminPassword: ADMIN_PASSWORD,
      passwordHashCost: 10,
    });
    await account.bootstrap();
    appManage = await createAppManageSubgraph(owners, { objects });
    for (const module of [appManage, account])
      served.push(await serveSubgraph({ module, tokens: owners.tokens, logger: silentLogger(), port: 0 }));
    first = await createSearchSubgraph(owners, {
      reads: catalogueReadsFromModules([account, appManage]),
      settings: { consumerGroup: 'search-0', indexDir: indexDir('search-0') },
    });
    await first.services.indexed();
    second = await startSecond();

    admin = await login('admin@grove.local', ADMIN_PASSWORD);
    await account.services.identity.signUp({
      email: 'owner@replicas.example',
      password: PASSWORD,
      displayName: 'Owner',
    });
    const org = await account.services.organizations.apply(await login('owner@replicas.example', PASSWORD), {
      name: '复制测试机构',
      creditCode: '91350100M000100Y43',
      contactName: 'Li',
      contactPhone: '+8613800138000',
      licenceDocumentRef: 'x.pdf',
    });
    await account.services.organizations.approve(admin, org.id);
    orgId = org.id;
    owner = await login('owner@replicas.example', PASSWORD);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await Promise.all(served.map((s) => s.stop()));
    await appManage?.close?.();
    await objects?.close();
    await replicaRuntime?.close();
    await owners?.close();
    await deleteRedisKeys(redisUrl, prefix).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('both indexes converge on the owners’ changes', async () => {
    for (const name of ['公积金查询', '公积金提取', '医保电子凭证'])
      apps.push((await appManage.services.miniPrograms.create(owner, { orgId, name })).appId);
    const v = await appManage.services.versions.upload(owner, {
      appId: apps[0],
      versionName: '1.0.0',
      zip: await miniAppPackage(apps[0], '1.0.0', 1),
    });
    await appManage.services.versions.submit(owner, v.id);
    await appManage.services.versions.approve(admin, v.id);
    await appManage.services.versions.publish(owner, v.id);
    await appManage.services.miniPrograms.updateSearchSettings(owner, apps[1], {
      aliases: ['提取公积金'],
      searchable: false,
    });
    await appManage.services.miniPrograms.update(owner, apps[2], { name: '医保码' });
    await eventually(async () => {
      expect((await first.services.engine.get(apps[0]))?.status).toBe('PUBLISHED');
      expect((await first.services.engine.get(apps[1]))?.aliases).toEqual(['提取公积金']);
      expect((await first.services.engine.get(apps[2]))?.name).toBe('医保码');
      await converged();
    }, 15_000);
  });

  it('an operator’s hot words and synonyms, set through one process, are applied by the other', async () => {
    await first.services.settings.setHotWords(admin, ['公积金', '医保']);
    await first.services.settings.setSynonyms(admin, [['医保', '医疗保险']]);
    await eventually(async () => {
      expect(second.services.settings.currentHotWords()).toEqual(['公积金', '医保']);
      expect(second.services.settings.currentSynonyms()).toEqual([['医保', '医疗保险']]);
    }, 15_000);
  });

  it('a restarted replica loads its snapshot, catches up through its own consumer group: groups do not pile up', async () => {
    expect(secondListings).toBe(1); // its first start: an empty directory, rebuilt from the owners
    await second.close(); // saves its snapshot
    expect(existsSync(join(indexDir('search-1'), 'index.snapshot'))).toBe(true);
    await appManage.services.miniPrograms.update(owner, apps[0], { description: '重启期间的修改' });
    second = await startSecond();
    expect(secondListings).toBe(1); // loaded, not rebuilt
    expect(await second.services.engine.count()).toBe(await first.services.engine.count());
    await eventually(async () => {
      expect((await second.services.engine.get(apps[0]))?.description).toBe('重启期间的修改');
      await converged();
    }, 15_000);
    const redis = createRedisConnection({ redisUrl });
    try {
      const groups = (await redis.xinfo(
        'GROUPS',
        `${prefix}events:{${miniProgramEvents.topic}}`,
      )) as unknown[][];
      const names = groups
        .map((fields) => String(fields[fields.indexOf('name') + 1]))
        .filter((name) => name.startsWith('search'));
      expect(names.sort()).toEqual(['search-0', 'search-1']);
    } finally {
      redis.disconnect();
    }
  });
});
