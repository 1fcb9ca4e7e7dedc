import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { CATALOGUE_READ_NAMES, type CatalogueReadHandlers } from '@grove/contracts';
import { newId, serveSubgraph, silentLogger } from '@grove/platform';
import { createTestRuntime, type TestRuntime } from '@grove/testkit';
import { searchEnvSchema, type SearchConfig } from './config';
import { EmbeddedSearchEngine } from './engine/embedded.engine';
import { CatalogueStatus } from './engine/search-engine.port';
import { createSearchSubgraph, searchEngineFor } from './search.subgraph';

describe('the search service', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime({ inMemory: true });
  });
  afterAll(async () => {
    await runtime?.dispose();
  });

  it('reports its engine and analyzer, and how many documents it holds, on /readyz', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert(
      ['社保查询', '公积金'].map((name) => ({
        appId: `mp${randomBytes(8).toString('hex')}`,
        orgId: 'org-a',
        organizationName: '甲机构',
        name,
        aliases: [],
        keywords: [],
        category: null,
        description: '',
        logoKey: null,
        status: CatalogueStatus.PUBLISHED,
        pages: [],
        searchable: true,
        hostAppIds: [],
      })),
    );
    // A seeded index is not rebuilt: no owner is read.
    const reads = Object.fromEntries(
      CATALOGUE_READ_NAMES.map((name) => [name, () => Promise.reject(new Error('not read'))]),
    ) as unknown as CatalogueReadHandlers;
    const search = await createSearchSubgraph(runtime, {
      reads,
      engine,
      settings: { consumerGroup: `search-readyz-${newId()}` },
    });
    const served = await serveSubgraph({
      module: search,
      tokens: runtime.tokens,
      logger: silentLogger(),
      port: 0,
    });
    try {
      await search.services.indexed();
      const response = await fetch(new URL('/readyz', served.url));
      expect([response.status, await response.json()]).toEqual([
        200,
        {
          status: 'ready',
          engine: 'embedded:inverted-index+zh-segmenter-bigram',
          documents: 2,
          rebuilding: false,
        },
      ]);
    } finally {
      await served.stop();
      await search.close();
    }
  });

  it('refuses SEARCH_ENGINE=elasticsearch without ELASTICSEARCH_URL instead of running another engine', async () => {
    const issuesAt = (env: Record<string, string>) =>
      (searchEnvSchema.safeParse(env).error?.issues ?? []).filter(
        (i) => i.path.join('.') === 'ELASTICSEARCH_URL',
      );
    expect(issuesAt({ SEARCH_ENGINE: 'elasticsearch' })).toEqual([
      expect.objectContaining({ message: 'is required with SEARCH_ENGINE=elasticsearch' }),
    ]);
    expect(issuesAt({ SEARCH_ENGINE: 'elasticsearch', ELASTICSEARCH_URL: 'http://127.0.0.1:9200' })).toEqual(
      [],
    );
    expect(issuesAt({})).toEqual([]);
    await expect(searchEngineFor({ SEARCH_ENGINE: 'elasticsearch' } as SearchConfig)).rejects.toThrow(
      'ELASTICSEARCH_URL',
    );
  });
});
