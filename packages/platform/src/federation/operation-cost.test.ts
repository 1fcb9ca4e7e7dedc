import { buildSchema, parse } from 'graphql';
import { operationCost } from './operation-cost';

const schema = buildSchema(`
  type Query {
    app(id: ID!): App
    apps(take: Int! = 20): AppPage!
    versions(take: Int! = 20, appId: ID!): [Version!]!
    tags: [String!]!
    unbounded: [App!]!
    _entities(representations: [String!]!): [App]!
  }
  type AppPage { items: [App!]! total: Int! }
  type App { id: ID! name: String! versions(first: Int = 10): [Version!]! }
  type Version { id: ID! app: App! }
`);
const cost = (query: string, variables?: Record<string, unknown>) =>
  operationCost(schema, parse(query), { variables, assumedListSize: 50 })!;

describe('operationCost (list-aware)', () => {
  it('counts every field once outside lists, and a list of scalars as one value', () => {
    expect(cost('{ app(id: "a") { id name } tags }').cost).toBe(4);
  });

  it('multiplies a list by its page size: the argument sent, else its default', () => {
    expect(cost('{ versions(appId: "a", take: 100) { id } }').cost).toBe(100 * 2);
    expect(cost('{ versions(appId: "a") { id } }').cost).toBe(20 * 2);
    expect(cost('{ app(id: "a") { versions { id } } }').cost).toBe(1 + 10 * 2);
  });

  it('reads the page size from variables, and from the variable default when none is sent', () => {
    const query = 'query($n: Int! = 7) { versions(appId: "a", take: $n) { id } }';
    expect(cost(query, { n: 30 }).cost).toBe(30 * 2);
    expect(cost(query).cost).toBe(7 * 2);
  });

  it('sizes the items of a page by the page size of the field returning the page', () => {
    expect(cost('{ apps(take: 40) { total items { id } } }').cost).toBe(1 + 1 + 40 * 2);
  });

  it('assumes assumedListSize items for a list without a page argument', () => {
    expect(cost('{ unbounded { id } }').cost).toBe(50 * 2);
  });

  it('multiplies nested lists, counts fragments and names the costliest path', () => {
    const nested = `{ app(id: "a") { versions(first: 100) { app { ...V } } } }
      fragment V on App { versions(first: 100) { app { versions(first: 100) { id } } } }`;
    const result = cost(nested);
    expect(result.cost).toBe(1 + 100 * (1 + 1 + 100 * (1 + 1 + 100 * 2)));
    expect(result.costliestPath).toBe('app.versions(×100).app.versions(×100).app.versions(×100)');
  });

  it('counts _entities by the representations sent', () => {
    const query = 'query($r: [String!]!) { _entities(representations: $r) { ... on App { id name } } }';
    expect(cost(query, { r: Array.from({ length: 300 }, () => 'x') }).cost).toBe(300 * 3);
  });

  it('ignores introspection', () => {
    expect(cost('{ __schema { types { name fields { name } } } }').cost).toBe(0);
  });
});
