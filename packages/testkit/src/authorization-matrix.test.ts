import { buildSchema } from 'graphql';
import {
  coverageGaps,
  entityCoordinates,
  fieldResolverCoordinates,
  httpRoutesOf,
  rootFieldCoordinates,
} from './authorization-matrix';

const schema = buildSchema(`
  type Plan { id: ID! rule: Rule }
  type Rule { id: ID! }
  union _Entity = Plan
  type Query { plan(id: ID!): Plan _entities(representations: [String!]!): [_Entity]! _service: String }
  type Mutation { startPlan: Plan }
`);

describe('authorization matrix coverage', () => {
  const inventory = [
    ...rootFieldCoordinates(schema),
    'Plan.rule',
    ...entityCoordinates(schema),
    'POST /uploads/plans',
  ];

  it('lists root fields without federation fields, and entity types', () => {
    expect(rootFieldCoordinates(schema)).toEqual(['plan', 'startPlan']);
    expect(entityCoordinates(schema)).toEqual(['_entities(Plan)']);
  });

  it('counts field resolvers and entity types a row selects as covered', () => {
    const gaps = coverageGaps(schema, inventory, [
      { name: 'plan', source: '{ plan(id: "1") { id rule { id } } }' },
      { name: 'startPlan', source: 'mutation { startPlan { id } }' },
      { name: '_entities(Plan)', source: '{ _entities(representations: []) { ... on Plan { id } } }' },
      { name: 'POST /uploads/plans' },
    ]);
    expect(gaps).toEqual({ missing: [], unknown: [] });
  });

  it('fails both ways: an operation without a row, a row for an operation that no longer exists', () => {
    const gaps = coverageGaps(schema, inventory, [
      { name: 'plan', source: '{ plan(id: "1") { id } }' },
      { name: 'stopPlan' },
      { name: 'POST /uploads/old-plans' },
    ]);
    expect(gaps).toEqual({
      missing: ['POST /uploads/plans', 'Plan.rule', '_entities(Plan)', 'startPlan'].sort(),
      unknown: ['POST /uploads/old-plans', 'stopPlan'],
    });
  });

  it('enumerates the REST routes a module registers', async () => {
    const routes = await httpRoutesOf({
      registerHttpRoutes: async (app) => {
        app.post('/uploads/plans', async () => ({}));
        app.get('/plans/:id', async () => ({}));
      },
    });
    expect(routes).toEqual(['GET /plans/:id', 'POST /uploads/plans']);
  });

  it('finds type-graphql @FieldResolver fields that exist in the schema', () => {
    class PlanType {}
    class Unrelated {}
    const global = globalThis as { TypeGraphQLMetadataStorage?: unknown };
    const saved = global.TypeGraphQLMetadataStorage;
    global.TypeGraphQLMetadataStorage = {
      objectTypes: [
        { name: 'Plan', target: PlanType },
        { name: 'Other', target: Unrelated },
      ],
      fieldResolvers: [
        { kind: 'external', schemaName: 'rule', getObjectType: () => PlanType },
        { kind: 'internal', schemaName: 'id', getObjectType: () => PlanType },
        { kind: 'external', schemaName: 'gone', getObjectType: () => Unrelated },
      ],
    };
    try {
      expect(fieldResolverCoordinates(schema)).toEqual(['Plan.rule']);
    } finally {
      global.TypeGraphQLMetadataStorage = saved;
    }
  });
});
