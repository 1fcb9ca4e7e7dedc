import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { CATALOGUE_READ_NAMES, type CatalogueReadHandlers } from '@grove/contracts';
import { newId, type UserPrincipal } from '@grove/platform';
import {
  createTestRuntime,
  describeAuthorizationMatrix,
  matrixPrincipals,
  type SignedInPrincipal,
  F,
  httpRoutesOf,
  U,
  type MatrixOperation,
  type MatrixRow,
  type TestRuntime,
} from '@grove/testkit';
import { CatalogueStatus, type IndexedMiniProgram } from './engine/search-engine.port';
import { EmbeddedSearchEngine } from './engine/embedded.engine';
import { createSearchSubgraph, type SearchSubgraph } from './search.subgraph';

/**
 * Every operation of the search subgraph, for each kind of caller: operators search every catalogue; members of an
 * organization only their own (drafts included), and naming another organization in the filter is refused.
 */
//                                        anonymous ownerA adminA developerA ownerB reviewer admin
const SEARCHERS: MatrixRow = /*        */ [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
const READERS_B: MatrixRow = /*        */ [U, F, F, F, 'ok', 'ok', 'ok'];
const SIGNED_IN: MatrixRow = /*        */ [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
const OPERATORS: MatrixRow = /*        */ [U, F, F, F, F, 'ok', 'ok'];
const CONFIGURERS: MatrixRow = /*      */ [U, F, F, F, F, F, 'ok'];

interface Harness {
  runtime: TestRuntime;
  search: SearchSubgraph;
  orgA: string;
  orgB: string;
  principals: Record<SignedInPrincipal, UserPrincipal>;
}

const SEARCH = `query ($text: String!, $orgIds: [ID!]) {
  searchMiniPrograms(text: $text, filter: { orgIds: $orgIds }) { total items { appId orgId status } facets { organization { value count } } }
}`;

type Found = {
  total: number;
  items: Array<{ appId: string; orgId: string }>;
  facets: { organization: Array<{ value: string }> };
};
const found = (result: { data?: Record<string, unknown> | null } | undefined) =>
  result?.data?.searchMiniPrograms as Found;

/** What each column may find among the two catalogues: its own organization's, or both for operators. */
function visibleOrgs(h: Harness, who: string): string[] {
  if (who === 'reviewer' || who === 'admin') return [h.orgA, h.orgB].sort();
  return [who === 'ownerB' ? h.orgB : h.orgA];
}

let seq = 0;

const OPERATIONS: MatrixOperation<Harness>[] = [
  {
    name: 'searchMiniPrograms',
    source: SEARCH,
    prepare: async () => ({ text: '社保' }),
    expected: SEARCHERS,
    check: (h, result, _vars, who) => {
      const { items, total } = found(result);
      expect([...new Set(items.map((i) => i.orgId))].sort()).toEqual(visibleOrgs(h, who));
      expect(total).toBe(items.length);
      // Facet counts tell nothing about catalogues the caller may not search either.
      expect(
        found(result)
          .facets.organization.map((f) => f.value)
          .sort(),
      ).toEqual(visibleOrgs(h, who));
    },
  },
  {
    name: 'searchMiniPrograms',
    label: "searchMiniPrograms naming another organization's catalogue",
    source: SEARCH,
    prepare: async (h) => ({ text: '社保', orgIds: [h.orgB] }),
    expected: READERS_B,
    check: (h, result) => expect(new Set(found(result).items.map((i) => i.orgId))).toEqual(new Set([h.orgB])),
  },
  {
    name: 'searchMiniPrograms',
    label: "searchMiniPrograms naming its own and another organization's catalogue",
    source: SEARCH,
    prepare: async (h) => ({ text: '社保', orgIds: [h.orgA, h.orgB] }),
    expected: [U, F, F, F, F, 'ok', 'ok'],
  },
  {
    name: 'searchHotWords',
    source: '{ searchHotWords }',
    expected: SIGNED_IN,
    check: (_h, result) => expect(Array.isArray(result?.data?.searchHotWords)).toBe(true),
  },
  {
    name: 'searchSynonyms',
    source: '{ searchSynonyms { terms } }',
    expected: OPERATORS,
  },
  {
    name: 'setSearchHotWords',
    source: 'mutation ($words: [String!]!) { setSearchHotWords(words: $words) }',
    prepare: async () => ({ words: ['社保', `公积金${++seq}`] }),
    expected: CONFIGURERS,
    check: (_h, result, vars) => expect(result?.data?.setSearchHotWords).toEqual(vars.words),
  },
  {
    name: 'setSearchSynonyms',
    source:
      'mutation ($groups: [SearchSynonymGroupInput!]!) { setSearchSynonyms(groups: $groups) { terms } }',
    prepare: async () => ({ groups: [{ terms: ['社保', `社会保险${++seq}`] }] }),
    expected: CONFIGURERS,
  },
  {
    // Asks every search process to rebuild (an event); the rebuild itself fails here (the seeded index has no owners).
    name: 'rebuildSearchIndex',
    source: 'mutation { rebuildSearchIndex }',
    expected: CONFIGURERS,
    check: (_h, result) => expect(result?.data?.rebuildSearchIndex).toBe(true),
  },
  {
    name: 'searchStatistics',
    source:
      'query ($from: String!, $to: String!) { searchStatistics(from: $from, to: $to) { searches noResultSearches } }',
    prepare: async () => ({ from: '2026-01-01', to: '2026-01-31' }),
    expected: OPERATORS,
  },
  {
    // A key-only stub (resolvable: false): the router never asks search for it, and a direct call learns nothing
    // beyond the id it sent.
    name: '_entities(MiniProgram)',
    source: `query($id: ID!) { _entities(representations: [{ __typename: "MiniProgram", id: $id }]) { ... on MiniProgram { id } } }`,
    prepare: async () => ({ id: 'mp0123456789abcdef' }),
    expected: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
    check: (_h, result) => expect(result?.data?._entities).toEqual([{ id: 'mp0123456789abcdef' }]),
  },
];

function entry(orgId: string, name: string, status: CatalogueStatus): IndexedMiniProgram {
  return {
    appId: `mp${randomBytes(8).toString('hex')}`,
    orgId,
    organizationName: `${name}所属机构`,
    name,
    keywords: ['社保'],
    category: '政务',
    description: `${name}：社保查询与缴费`,
    logoKey: null,
    aliases: [],
    pages: [],
    searchable: true,
    status,
    hostAppIds: [],
  };
}

async function createHarness(): Promise<Harness> {
  const runtime = await createTestRuntime({ inMemory: true });
  const [orgA, orgB] = [newId(), newId()];
  // An index that already holds both catalogues: the subgraph does not rebuild it, so no owner is read.
  const engine = new EmbeddedSearchEngine();
  await engine.upsert([
    entry(orgA, '甲市社保', CatalogueStatus.PUBLISHED),
    entry(orgA, '甲市社保草稿', CatalogueStatus.DRAFT),
    entry(orgB, '乙市社保', CatalogueStatus.PUBLISHED),
    entry(orgB, '乙市社保冻结', CatalogueStatus.FROZEN),
  ]);
  const unused = () => Promise.reject(new Error('the seeded index is not rebuilt'));
  const reads = Object.fromEntries(
    CATALOGUE_READ_NAMES.map((name) => [name, unused]),
  ) as unknown as CatalogueReadHandlers;
  const search = await createSearchSubgraph(runtime, {
    reads,
    engine,
    settings: { consumerGroup: `search-matrix-${newId()}` },
  });
  await search.services.indexed();
  return {
    runtime,
    search,
    orgA,
    orgB,
    principals: matrixPrincipals(orgA, orgB),
  };
}

describeAuthorizationMatrix<Harness>({
  subgraph: 'search',
  harness: createHarness,
  dispose: async (h) => {
    await h.search.close();
    await h.runtime.dispose();
  },
  schema: (h) => h.search.schema,
  principals: (h) => h.principals,
  operations: OPERATIONS,
  // Searching changes nothing; the index is what a refusal must leave as it was.
  snapshot: async (h) => ({
    documents: await h.search.services.engine.count(),
    hotWords: h.search.services.settings.listHotWords(h.principals.admin),
    synonyms: h.search.services.settings.listSynonyms(h.principals.admin),
  }),
  routes: (h) => httpRoutesOf(h.search),
});
