import {
  CatalogueStatus,
  type IndexedMiniProgram,
  type SearchEngine,
  type SearchRequest,
} from './search-engine.port';

let seq = 0;
/** A mini-program document with defaults; ids are unique per call. */
export function indexedMiniProgram(overrides: Partial<IndexedMiniProgram> = {}): IndexedMiniProgram {
  seq += 1;
  return {
    appId: `mp${seq.toString(16).padStart(16, '0')}`,
    orgId: 'org-a',
    organizationName: '测试机构',
    name: `应用${seq}`,
    aliases: [],
    keywords: [],
    category: null,
    description: '',
    logoKey: null,
    status: CatalogueStatus.PUBLISHED,
    pages: [],
    searchable: true,
    hostAppIds: [],
    ...overrides,
  };
}

const request = (text: string, overrides: Partial<SearchRequest> = {}): SearchRequest => ({
  text,
  filter: {},
  offset: 0,
  limit: 20,
  ...overrides,
});

/**
 * The behaviour every search engine driver must have (docs/architecture.md § 4: one contract suite per port).
 * `create` returns an empty engine of its own (its own index).
 */
export function describeSearchEngineContract(name: string, create: () => Promise<SearchEngine>): void {
  describe(`search engine contract: ${name}`, () => {
    let engine: SearchEngine;
    beforeEach(async () => {
      engine = await create();
    });
    afterEach(async () => {
      await engine.close();
    });

    const names = async (text: string, overrides: Partial<SearchRequest> = {}) =>
      (await engine.search(request(text, overrides))).hits.map((h) => h.document.name);

    it('finds Chinese terms the segmenter splits, and out-of-vocabulary names', async () => {
      await engine.upsert([
        indexedMiniProgram({ name: '微信小程序助手', description: '灰度发布与版本管理' }),
        indexedMiniProgram({ name: '叮咚买菜', description: '生鲜到家' }),
        indexedMiniProgram({ name: '天气预报' }),
      ]);
      expect(await names('小程序')).toEqual(['微信小程序助手']);
      expect(await names('微信')).toEqual(['微信小程序助手']);
      expect(await names('灰度')).toEqual(['微信小程序助手']);
      expect(await names('叮咚')).toEqual(['叮咚买菜']);
      expect(await names('ＷＸ')).toEqual(['微信小程序助手']); // pinyin initials of the name, full-width folded
      expect(await names('qq')).toEqual([]);
    });

    it('ranks a match in the name above keywords above the description', async () => {
      await engine.upsert([
        indexedMiniProgram({ name: '城市指南', description: '周末去哪儿，旅行攻略与门票' }),
        indexedMiniProgram({ name: '优选商城', keywords: ['旅行', '度假'] }),
        indexedMiniProgram({ name: '旅行日记' }),
      ]);
      expect(await names('旅行')).toEqual(['旅行日记', '优选商城', '城市指南']);
    });

    it('ranks the name above a search alias above the description, and finds searchable pages', async () => {
      await engine.upsert([
        indexedMiniProgram({ name: '办事大厅', description: '社保缴费记录查询' }),
        indexedMiniProgram({ name: '城市服务', aliases: ['社保查询'] }),
        indexedMiniProgram({ name: '社保通' }),
        indexedMiniProgram({
          name: '掌上政务',
          pages: [
            { path: 'pages/index/index', title: '首页', text: '' },
            { path: 'pages/fund/detail?id=1', title: '公积金明细', text: '按月查看缴存记录' },
          ],
        }),
      ]);
      expect(await names('社保')).toEqual(['社保通', '城市服务', '办事大厅']);
      const byPage = await engine.search(request('公积金'));
      expect(byPage.hits.map((h) => h.document.name)).toEqual(['掌上政务']);
      expect(byPage.hits[0].page).toEqual({
        path: 'pages/fund/detail?id=1',
        title: '公积金明细',
        fragment: '<em>公积金</em>明细',
      });
      const byText = await engine.search(request('缴存'));
      expect(byText.hits[0].page).toEqual({
        path: 'pages/fund/detail?id=1',
        title: '公积金明细',
        fragment: '按月查看<em>缴存</em>记录',
      });
      expect((await engine.search(request('社保'))).hits[0].page).toBeNull();
    });

    it('leaves out what the owner switched off when asked for searchable ones only', async () => {
      await engine.upsert([
        indexedMiniProgram({ name: '停车缴费' }),
        indexedMiniProgram({ name: '停车场导航', searchable: false }),
      ]);
      expect((await names('停车')).sort()).toEqual(['停车场导航', '停车缴费'].sort());
      expect(await names('停车', { filter: { searchableOnly: true } })).toEqual(['停车缴费']);
      expect(await names('', { filter: { searchableOnly: true } })).toEqual(['停车缴费']);
    });

    it('returns highlights as fragments of the fields that matched', async () => {
      const app = indexedMiniProgram({ name: '招商银行', description: '信用卡账单查询、<还款>与积分' });
      await engine.upsert([app]);
      const { hits } = await engine.search(request('信用卡 APP'));
      expect(hits[0].highlights).toEqual([
        { field: 'description', fragment: '<em>信用卡</em>账单查询、&lt;还款&gt;与积分' },
      ]);
      const byName = await engine.search(request('招商'));
      expect(byName.hits[0].highlights[0]).toEqual({ field: 'name', fragment: '<em>招商</em>银行' });
    });

    it('folds case and full-width forms, and completes Latin prefixes and pinyin initials of the name', async () => {
      await engine.upsert([
        indexedMiniProgram({ name: 'ETC办理' }),
        indexedMiniProgram({ name: '招商银行' }),
      ]);
      expect(await names('ｅｔｃ')).toEqual(['ETC办理']);
      expect(await names('zsyh')).toEqual(['招商银行']);
      expect(await names('zs')).toEqual(['招商银行']);
    });

    it('filters by organization, category, status and host app, and counts facets over every hit', async () => {
      await engine.upsert([
        indexedMiniProgram({
          name: '公积金查询',
          orgId: 'org-a',
          category: '政务',
          status: CatalogueStatus.PUBLISHED,
          hostAppIds: ['host-1'],
        }),
        indexedMiniProgram({
          name: '公积金贷款计算',
          orgId: 'org-b',
          organizationName: '乙机构',
          category: '金融',
          status: CatalogueStatus.DRAFT,
        }),
        indexedMiniProgram({
          name: '公积金提取',
          orgId: 'org-b',
          organizationName: '乙机构',
          category: '政务',
          status: CatalogueStatus.FROZEN,
          hostAppIds: ['host-1'],
        }),
      ]);
      const all = await engine.search(request('公积金'));
      expect(all.total).toBe(3);
      expect(all.facets.category).toEqual([
        { value: '政务', label: '政务', count: 2 },
        { value: '金融', label: '金融', count: 1 },
      ]);
      expect(all.facets.organization).toEqual([
        { value: 'org-b', label: '乙机构', count: 2 },
        { value: 'org-a', label: '测试机构', count: 1 },
      ]);
      expect(all.facets.status).toHaveLength(3);
      expect(await names('公积金', { filter: { orgIds: ['org-a'] } })).toEqual(['公积金查询']);
      expect(await names('公积金', { filter: { categories: ['金融'] } })).toEqual(['公积金贷款计算']);
      expect(await names('公积金', { filter: { statuses: [CatalogueStatus.PUBLISHED] } })).toEqual([
        '公积金查询',
      ]);
      expect((await names('公积金', { filter: { hostAppId: 'host-1' } })).sort()).toEqual(
        ['公积金提取', '公积金查询'].sort(),
      );
      expect(await names('公积金', { filter: { hostAppId: 'host-2' } })).toEqual([]);
    });

    it('counts the total and the facets over every hit, not only the page', async () => {
      await engine.upsert([
        indexedMiniProgram({ name: '社保查询', category: '政务', orgId: 'org-a' }),
        indexedMiniProgram({
          name: '社保缴费',
          category: '政务',
          orgId: 'org-b',
          organizationName: '乙机构',
        }),
        indexedMiniProgram({ name: '社保卡', category: '金融', orgId: 'org-b', organizationName: '乙机构' }),
      ]);
      const page = await engine.search(request('社保', { offset: 1, limit: 1 }));
      expect(page.hits).toHaveLength(1);
      expect(page.total).toBe(3);
      expect(page.facets.category).toEqual([
        { value: '政务', label: '政务', count: 2 },
        { value: '金融', label: '金融', count: 1 },
      ]);
      expect(page.facets.organization.map((f) => [f.value, f.count])).toEqual([
        ['org-b', 2],
        ['org-a', 1],
      ]);
      expect(page.facets.status).toEqual([{ value: 'PUBLISHED', label: 'PUBLISHED', count: 3 }]);
    });

    it('lists every indexed app id (what a rebuild compares with the owners)', async () => {
      const apps = Array.from({ length: 5 }, (_, i) => indexedMiniProgram({ name: `列表${i}` }));
      await engine.upsert(apps);
      await engine.remove([apps[1].appId]);
      expect((await engine.appIds()).sort()).toEqual(
        apps
          .filter((_, i) => i !== 1)
          .map((a) => a.appId)
          .sort(),
      );
      await engine.clear();
      expect(await engine.appIds()).toEqual([]);
    });

    it('replaces a document on upsert and forgets it on remove', async () => {
      const app = indexedMiniProgram({ name: '旧名字' });
      await engine.upsert([app]);
      await engine.upsert([{ ...app, name: '新名字' }]);
      expect(await engine.count()).toBe(1);
      expect(await names('旧名')).toEqual([]);
      expect(await names('新名')).toEqual(['新名字']);
      expect((await engine.get(app.appId))?.name).toBe('新名字');
      await engine.remove([app.appId, 'mp-never-indexed']);
      expect(await engine.count()).toBe(0);
      expect(await engine.get(app.appId)).toBeNull();
    });

    it('pages without overlap, and a blank query lists by name', async () => {
      const apps = Array.from({ length: 7 }, (_, i) => indexedMiniProgram({ name: `停车缴费${i}` }));
      await engine.upsert(apps);
      const seen: string[] = [];
      for (let offset = 0; offset < 7; offset += 3) {
        const page = await engine.search(request('停车', { offset, limit: 3 }));
        expect(page.total).toBe(7);
        seen.push(...page.hits.map((h) => h.document.appId));
      }
      expect(new Set(seen).size).toBe(7);
      expect(await names('', { limit: 3 })).toEqual(['停车缴费0', '停车缴费1', '停车缴费2']);
      expect(await names('，。')).toEqual([]);
      await engine.clear();
      expect(await engine.count()).toBe(0);
      // A cleared index is a working one: ranking as on a fresh index.
      await engine.upsert([
        indexedMiniProgram({ name: '城市指南', description: '周末去哪儿，旅行攻略与门票' }),
        indexedMiniProgram({ name: '旅行日记' }),
      ]);
      expect(await names('旅行')).toEqual(['旅行日记', '城市指南']);
    });
  });
}
