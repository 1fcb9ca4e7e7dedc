import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATION_LOGGED } from '@grove/platform';
import { createTestRuntime, type TestRuntime } from '@grove/testkit';
import { buildSchema, type GraphQLField } from 'graphql';
import { createSubgraphModules, type RegisteredSubgraphModule } from './subgraph-registry';

/**
 * Every Mutation field of the composed supergraph writes an operation log line (ADR 0013): the subgraph that
 * resolves it was built with its outbox as `operationLog`, so buildSubgraph runs the field with its operation in
 * scope, the first unit of work it commits writes the line, and a mutation that committed none gets its line after
 * it returns. The only way out is this list, each with the reason it changes no state. Adding a mutation to a
 * subgraph built without `operationLog` fails here.
 */
const NOT_STATE_CHANGING: Readonly<Record<string, string>> = {};

const SUPERGRAPH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

describe('operation log coverage of the composed schema', () => {
  let runtime: TestRuntime;
  let modules: RegisteredSubgraphModule[];

  beforeAll(async () => {
    runtime = await createTestRuntime({ inMemory: true });
    modules = await createSubgraphModules(runtime, { DATA_DIR: runtime.dataDir });
  }, 60_000);
  afterAll(async () => {
    await Promise.allSettled(modules.map((m) => m.close?.()));
    await runtime.dispose();
  });

  it('every Mutation field of the supergraph is logged by the subgraph that resolves it, or listed as changing nothing', () => {
    const supergraph = buildSchema(readFileSync(SUPERGRAPH, 'utf8'), { assumeValidSDL: true });
    const composed = Object.keys(supergraph.getMutationType()?.getFields() ?? {}).sort();
    expect(composed.length).toBeGreaterThan(50);

    const logged = new Set<string>();
    const unlogged: string[] = [];
    for (const module of modules) {
      for (const field of Object.values(module.schema.getMutationType()?.getFields() ?? {}) as Array<
        GraphQLField<unknown, unknown>
      >) {
        if ((field as unknown as Record<symbol, unknown>)[OPERATION_LOGGED] === true) logged.add(field.name);
        else unlogged.push(`${module.name}.${field.name}`);
      }
    }
    expect(unlogged.filter((coordinate) => !(coordinate.split('.')[1] in NOT_STATE_CHANGING))).toEqual([]);
    expect(composed.filter((name) => !logged.has(name) && !(name in NOT_STATE_CHANGING))).toEqual([]);
    // The list names only mutations that exist.
    expect(Object.keys(NOT_STATE_CHANGING).filter((name) => !composed.includes(name))).toEqual([]);
  });
});
