import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { RuleEngineEventType, contractEvent, miniProgramEvents, ruleEngineEvents } from '@grove/contracts';
import { newId, readProcessEnv, type DomainEvent, type NewEvent, type UserPrincipal } from '@grove/platform';
import {
  createTestRuntime,
  matrixPrincipals,
  type TestRuntime,
  type TransactionalDocumentDriver,
} from '@grove/testkit';
import { createAnalyticsSubgraph, type AnalyticsDeps, type AnalyticsSubgraph } from './analytics.subgraph';

export interface AnalyticsHarness {
  runtime: TestRuntime;
  analytics: AnalyticsSubgraph;
  orgA: string;
  orgB: string;
  ownerA: UserPrincipal;
  adminA: UserPrincipal;
  developerA: UserPrincipal;
  ownerB: UserPrincipal;
  reviewer: UserPrincipal;
  admin: UserPrincipal;
  dispose(): Promise<void>;
}

/**
 * Real embedded drivers (documents, KV, bus) in a temp dir and the analytics subgraph on its SQLite raw store;
 * `documents: 'postgres'` keeps the documents in a PostgreSQL database of their own instead.
 */
export async function createAnalyticsHarness(
  deps: AnalyticsDeps = {},
  options: { documents?: TransactionalDocumentDriver } = {},
): Promise<AnalyticsHarness> {
  const runtime = await createTestRuntime({ documents: options.documents });
  const analytics = await createAnalyticsSubgraph(runtime, {
    ...deps,
    settings: { rollupIntervalMs: 0, storeDriver: 'sqlite', ...deps.settings },
  });
  const orgA = newId();
  const orgB = newId();
  return {
    runtime,
    analytics,
    orgA,
    orgB,
    ...matrixPrincipals(orgA, orgB),
    dispose: async () => {
      await analytics.close();
      await runtime.dispose();
    },
  };
}

/** An event as a consumer receives it (id and time stamped by the bus). */
function delivered(event: NewEvent<unknown>): DomainEvent<unknown> {
  return { id: newId(), occurredAt: new Date().toISOString(), ...event } as DomainEvent<unknown>;
}

/** A mini-program of `orgId` as app-manage's event makes it known to this subgraph (applied directly, as its consumer would). */
export async function knownApp(h: Pick<AnalyticsHarness, 'analytics'>, orgId: string): Promise<string> {
  const appId = `mp${randomBytes(8).toString('hex')}`;
  await h.analytics.services.miniPrograms.apply(
    delivered(
      contractEvent(miniProgramEvents, 'mini-program.created', appId, { appId, orgId, actorId: newId() }),
    ),
  );
  return appId;
}

/** rule-engine's release-plan event as this subgraph's projection applies it; answers the event. */
export async function planEvent(
  h: Pick<AnalyticsHarness, 'analytics'>,
  type: (typeof RuleEngineEventType)[keyof typeof RuleEngineEventType],
  plan: {
    planId: string;
    appId: string;
    orgId: string;
    grayVersionId: string;
    percentage: number;
    state: string;
    changedAt?: string;
  },
): Promise<DomainEvent<unknown>> {
  const event = delivered(
    contractEvent(ruleEngineEvents, type, plan.appId, {
      ...plan,
      ruleId: 'rule-1',
      actorId: newId(),
      changedAt: plan.changedAt ?? new Date().toISOString(),
    }),
  );
  await h.analytics.services.releasePlans.apply(event);
  return event;
}

/** A started plan of a new mini-program of `orgId`. */
export async function knownPlan(
  h: Pick<AnalyticsHarness, 'analytics'>,
  orgId: string,
): Promise<{ planId: string; appId: string }> {
  const appId = await knownApp(h, orgId);
  const planId = newId();
  await planEvent(h, RuleEngineEventType.RELEASE_PLAN_STARTED, {
    planId,
    appId,
    orgId,
    grayVersionId: 'v2',
    percentage: 10,
    state: 'ACTIVE',
  });
  return { planId, appId };
}

/** One driver of a store contract suite: opens a fresh, initialized store and disposes of it (files, schema). */
export interface StoreDriverCase<S> {
  name: string;
  open(): Promise<{ store: S; dispose(): Promise<void> }>;
}

const POSTGRES_URL =
  readProcessEnv().POSTGRES_URL ?? readProcessEnv().DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The embedded (SQLite file in a temp dir) and standard (PostgreSQL, a schema of its own per case) drivers of an
 * analytics store, for `describe.each` contract suites: every case starts empty and leaves nothing behind.
 */
export function analyticsStoreDrivers<S extends { init(): Promise<void>; close(): Promise<void> }>(
  prefix: string,
  make: {
    sqlite(file: string): S;
    postgres(options: { url: string; schema: string }): S;
    sqliteLabel?: string;
    postgresLabel?: string;
  },
): StoreDriverCase<S>[] {
  return [
    {
      name: make.sqliteLabel ?? 'sqlite (embedded)',
      async open() {
        const dir = mkdtempSync(join(tmpdir(), `grove-${prefix}-`));
        const store = make.sqlite(join(dir, `${prefix}.sqlite`));
        await store.init();
        return {
          store,
          dispose: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })),
        };
      },
    },
    {
      name: make.postgresLabel ?? 'postgres (standard)',
      async open() {
        const schema = `grove_${prefix.replace(/-/g, '_')}_${newId().toLowerCase()}`;
        const store = make.postgres({ url: POSTGRES_URL, schema });
        await store.init();
        return {
          store,
          dispose: async () => {
            await store.close();
            const client = new Client({ connectionString: POSTGRES_URL });
            await client.connect();
            await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            await client.end();
          },
        };
      },
    },
  ];
}
