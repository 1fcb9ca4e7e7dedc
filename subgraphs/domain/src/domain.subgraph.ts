import 'reflect-metadata';
import {
  buildSubgraph,
  loadConfig,
  type EnvSource,
  type PlatformRuntime,
  type SubgraphModule,
} from '@grove/platform';
import {
  domainEnvSchema,
  domainSettingsFromConfig,
  defaultDomainSettings,
  type DomainSettings,
} from './config';
import { DomainMiniProgramModel, MiniProgramAccess, MiniProgramOwnershipProjection } from './projection';
import { DomainResolver } from './resolvers/domain.resolver';
import { MiniProgramDomainsResolver } from './resolvers/mini-program.resolver';
import { WhitelistResolver } from './resolvers/whitelist.resolver';
import { MiniProgram } from './schema/mini-program.type';
import { DomainEvents } from './service/domain-events';
import { DomainService } from './service/domain.service';
import { WhitelistService } from './service/whitelist.service';
import { DomainStore } from './store/domain.store';
import { createVerificationFetch } from './verification/verification-fetch';
import { domainRuntimeReads } from './http/runtime-reads';
import { registerRuntimeReadRoutes, type RuntimeReadsOf } from '@grove/contracts';

export const DOMAIN_SUBGRAPH_NAME = 'domain';
/** Consumer group of this subgraph on app-manage's mini-program events. */
export const DOMAIN_CONSUMER_GROUP = 'domain';

export interface DomainDeps {
  settings?: Partial<DomainSettings>;
}

export interface DomainServices {
  domains: DomainService;
  whitelist: WhitelistService;
  /** The local `{ appId, orgId, status }` projection of app-manage's mini-programs. */
  miniPrograms: MiniProgramOwnershipProjection;
}

export interface DomainSubgraph extends SubgraphModule {
  /** Domain services for in-process callers and tests; authorization is inside. */
  services: DomainServices;
  /** What the SDK runtime reads from domain (in process, or over the internal route when standalone). */
  runtimeReads: RuntimeReadsOf<'domain'>;
  close(): Promise<void>;
}

/** Assembles the domain-manager subgraph and starts its consumer of app-manage's mini-program events. */
export async function createDomainSubgraph(
  runtime: PlatformRuntime,
  deps: DomainDeps = {},
): Promise<DomainSubgraph> {
  const settings: DomainSettings = { ...defaultDomainSettings, ...stripUndefined(deps.settings ?? {}) };
  const logger = runtime.logger.child({ subgraph: DOMAIN_SUBGRAPH_NAME });

  const store = new DomainStore(runtime.documents);
  const projection = new MiniProgramOwnershipProjection(runtime.documents, DomainMiniProgramModel);
  const access = new MiniProgramAccess(projection);
  const events = new DomainEvents(
    runtime.outbox(DOMAIN_SUBGRAPH_NAME),
    logger.child({ component: 'events' }),
  );
  const verificationFetch = createVerificationFetch({ resolveTo: settings.verifyResolveAddress });
  const domains = new DomainService(store, access, events, { settings, fetchImpl: verificationFetch.fetch });
  const whitelist = new WhitelistService(store, events);

  const module = await buildSubgraph({
    name: DOMAIN_SUBGRAPH_NAME,
    operationLog: runtime.outbox(DOMAIN_SUBGRAPH_NAME),
    resolvers: [DomainResolver, WhitelistResolver, MiniProgramDomainsResolver],
    instances: [
      new DomainResolver(domains),
      new WhitelistResolver(whitelist),
      new MiniProgramDomainsResolver(domains),
    ],
    orphanedTypes: [MiniProgram],
    batchReferenceResolvers: {
      MiniProgram: (refs, ctx) =>
        domains.referenceMany(
          ctx.principal,
          refs.map((ref) => String(ref.id)),
        ),
    },
  });

  const subscription = await projection.subscribe(
    runtime.events,
    runtime.kv,
    DOMAIN_CONSUMER_GROUP,
    logger.child({ component: 'projection' }),
  );

  const runtimeReads = domainRuntimeReads(domains);
  return {
    ...module,
    services: { domains, whitelist, miniPrograms: projection },
    runtimeReads,
    registerInternalRoutes: (app, context) => registerRuntimeReadRoutes(app, context, runtimeReads),
    ready: () => runtime.documents.ping(),
    close: async () => {
      await subscription.close();
      await verificationFetch.close();
    },
  };
}

/** The router's registry entry: settings from the environment (same variables as the standalone service). */
export function createDomainSubgraphFromEnv(
  runtime: PlatformRuntime,
  env: EnvSource,
): Promise<DomainSubgraph> {
  return createDomainSubgraph(runtime, {
    settings: domainSettingsFromConfig(loadConfig(domainEnvSchema, env)),
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
