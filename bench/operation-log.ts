import 'reflect-metadata';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { modelOptions, prop } from '@typegoose/typegoose';
import {
  buildSubgraph,
  createDocumentStore,
  MemoryEventBus,
  newId,
  readProcessEnv,
  silentLogger,
  TransactionalOutbox,
  type DocumentStore,
  type SubgraphContext,
} from '@grove/platform';
import { graphql, type GraphQLSchema } from 'graphql';
import { Arg, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Client } from 'pg';

/**
 * `npm run bench:operation-log`: what the operation log (ADR 0013) adds to a mutation. The same mutation — one
 * document insert and one event in a unit of work of the transactional outbox — through a subgraph built with and
 * without `operationLog`, on SQLite (embedded) and PostgreSQL (standard, when POSTGRES_URL or the default answers).
 * Rounds alternate the two so drift on a shared host hits both alike; the baseline is the unlogged mutation of the
 * same run. Writes bench/results/operation-log-latest.md.
 */
const env = readProcessEnv();
const ROUNDS = Number(env.BENCH_ROUNDS ?? 10);
const PER_ROUND = Number(env.BENCH_PER_ROUND ?? 200);
const POSTGRES_URL = env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

@modelOptions({ schemaOptions: { collection: 'bench_oplog_items' } })
class BenchItem {
  @prop({ type: String, required: true }) _id!: string;
  @prop({ type: String, required: true }) orgId!: string;
  @prop({ type: String, required: true }) name!: string;
}

@ObjectType()
class BenchItemView {
  @Field(() => ID) id!: string;
}

let outbox: TransactionalOutbox;
let store: DocumentStore;

@Resolver()
class BenchResolver {
  @Query(() => Boolean)
  ok(): boolean {
    return true;
  }

  @Mutation(() => BenchItemView)
  async createBenchItem(@Arg('orgId') orgId: string, @Arg('name') name: string): Promise<BenchItemView> {
    return outbox.transaction(async () => {
      const id = newId();
      await store.collection(BenchItem).insertOne({ _id: id, orgId, name });
      await outbox.enqueue('bench.items', {
        type: 'bench-item.created',
        key: id,
        payload: { id, orgId, name },
      });
      return { id };
    });
  }
}

interface Sample {
  driver: string;
  variant: 'baseline' | 'logged';
  ms: number[];
}

async function measure(driver: string, open: () => Promise<DocumentStore>): Promise<Sample[]> {
  store = await open();
  const bus = new MemoryEventBus();
  outbox = new TransactionalOutbox({ documents: store, bus, source: 'bench' });
  const schemas: Record<'baseline' | 'logged', GraphQLSchema> = {
    baseline: (
      await buildSubgraph({ name: 'bench', resolvers: [BenchResolver], instances: [new BenchResolver()] })
    ).schema,
    logged: (
      await buildSubgraph({
        name: 'bench',
        resolvers: [BenchResolver],
        instances: [new BenchResolver()],
        operationLog: outbox,
      })
    ).schema,
  };
  const user = {
    kind: 'user' as const,
    userId: newId(),
    sessionId: newId(),
    operatorRoles: [],
    memberships: [{ orgId: 'org-bench', role: 'ORG_ADMIN' as const }],
  };
  const context = (): SubgraphContext => ({
    principal: user,
    requestId: newId(),
    clientIp: '127.0.0.1',
    logger: silentLogger(),
  });
  const run = async (schema: GraphQLSchema) => {
    const result = await graphql({
      schema,
      source: 'mutation { createBenchItem(orgId: "org-bench", name: "x") { id } }',
      contextValue: context(),
    });
    if (result.errors) throw result.errors[0];
  };
  for (let i = 0; i < 100; i++) await run(schemas[i % 2 ? 'logged' : 'baseline']);
  const samples: Sample[] = [
    { driver, variant: 'baseline', ms: [] },
    { driver, variant: 'logged', ms: [] },
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (const sample of round % 2 ? [...samples].reverse() : samples) {
      for (let i = 0; i < PER_ROUND; i++) {
        const start = performance.now();
        await run(schemas[sample.variant]);
        sample.ms.push(performance.now() - start);
      }
    }
  }
  await outbox.close();
  await bus.close();
  await store.close();
  return samples;
}

const quantile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'grove-bench-oplog-'));
  const schema = `grove_bench_oplog_${newId().toLowerCase()}`;
  const results: Sample[] = [];
  try {
    results.push(...(await measure('sqlite', () => createDocumentStore({ driver: 'sqlite', dataDir: dir }))));
    try {
      results.push(
        ...(await measure('postgres', () =>
          createDocumentStore({ driver: 'postgres', postgresUrl: POSTGRES_URL, postgresSchema: schema }),
        )),
      );
    } catch (error) {
      console.warn(`postgres skipped: ${(error as Error).message}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect().then(
      async () => {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      },
      () => undefined,
    );
  }
  const rows: string[] = [];
  for (const driver of [...new Set(results.map((r) => r.driver))]) {
    const [base, logged] = (['baseline', 'logged'] as const).map((v) =>
      results
        .find((r) => r.driver === driver && r.variant === v)!
        .ms.slice()
        .sort((a, b) => a - b),
    );
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const [name, xs] of [
      ['without operation log (baseline)', base],
      ['with operation log', logged],
    ] as const) {
      rows.push(
        `| ${driver} | ${name} | ${xs.length} | ${mean(xs).toFixed(3)} | ${quantile(xs, 0.5).toFixed(3)} | ${quantile(xs, 0.99).toFixed(3)} |`,
      );
    }
    rows.push(
      `| ${driver} | ratio logged / baseline | | ${(mean(logged) / mean(base)).toFixed(2)}× | ${(quantile(logged, 0.5) / quantile(base, 0.5)).toFixed(2)}× | ${(quantile(logged, 0.99) / quantile(base, 0.99)).toFixed(2)}× |`,
    );
  }
  const table = [
    '| driver | mutation | n | mean ms | p50 ms | p99 ms |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  const text = `# Operation log overhead per mutation\n\n${new Date().toISOString()}, ${ROUNDS} alternating rounds of ${PER_ROUND} mutations per variant (\`npm run bench:operation-log\`). One insert + one event in a unit of work of the outbox; "with" adds the operation.recorded row in the same transaction and its publish.\n\n${table}\n`;
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'operation-log-latest.md'), text);
  console.log(text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
