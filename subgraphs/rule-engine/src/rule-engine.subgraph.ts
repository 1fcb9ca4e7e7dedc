import 'reflect-metadata';
import {
  MiniProgramAccess,
  MiniProgramOwnershipProjection,
  registerRuntimeReadRoutes,
  type RuntimeReadsOf,
} from '@grove/contracts';
import { ruleEngineRuntimeReads } from './http/runtime-reads';
import {
  buildSubgraph,
  loadConfig,
  type EnvSource,
  type PlatformRuntime,
  type SubgraphModule,
} from '@grove/platform';
import {
  defaultRuleEngineSettings,
  ruleEngineEnvSchema,
  ruleEngineSettingsFromConfig,
  type RuleEngineSettings,
} from './config';
import { RuleEngineMiniProgramModel } from './projection/rule-engine-mini-program.model';
import { VersionStatusProjection } from './projection/version-status.projection';
import { GrayRuleResolver } from './resolvers/gray-rule.resolver';
import { subscribeToAppManageEvents } from './service/app-manage-events.consumer';
import { ReleasePlanResolver } from './resolvers/release-plan.resolver';
import { CompiledRuleCache } from './service/compiled-rule.cache';
import { GrayRuleService } from './service/gray-rule.service';
import { ReleasePlanService, type GrayReleaseLicenseGuard } from './service/release-plan.service';
import { RuleEngineEvents } from './service/rule-engine-events';
import { RuleEngineStore } from './store/rule-engine.store';

export const RULE_ENGINE_SUBGRAPH_NAME = 'rule-engine';
/** Consumer group of this subgraph on app-manage's mini-program events. */
export const RULE_ENGINE_CONSUMER_GROUP = 'rule-engine';

export interface RuleEngineDeps {
  license?: GrayReleaseLicenseGuard;
  settings?: Partial<RuleEngineSettings>;
}

export interface RuleEngineServices {
  rules: GrayRuleService;
  /** Includes `chooseVersion` for the SDK runtime. */
  plans: ReleasePlanService;
  miniPrograms: MiniProgramOwnershipProjection;
  versions: VersionStatusProjection;
  compiledRules: CompiledRuleCache;
}

export interface RuleEngineSubgraph extends SubgraphModule {
  services: RuleEngineServices;
  /** What the SDK runtime reads from the rule engine (in process, or over the internal route when standalone). */
  runtimeReads: RuntimeReadsOf<'rule-engine'>;
  close(): Promise<void>;
}

/** Assembles the rule-engine subgraph and starts its consumer of app-manage's mini-program events. */
export async function createRuleEngineSubgraph(
  runtime: PlatformRuntime,
  deps: RuleEngineDeps = {},
): Promise<RuleEngineSubgraph> {
  const settings: RuleEngineSettings = {
    ...defaultRuleEngineSettings,
    ...stripUndefined(deps.settings ?? {}),
  };
  const logger = runtime.logger.child({ subgraph: RULE_ENGINE_SUBGRAPH_NAME });

  const store = new RuleEngineStore(runtime.documents);
  const projection = new MiniProgramOwnershipProjection(runtime.documents, RuleEngineMiniProgramModel);
  const versions = new VersionStatusProjection(runtime.documents);
  const access = new MiniProgramAccess(projection);
  const events = new RuleEngineEvents(
    runtime.outbox(RULE_ENGINE_SUBGRAPH_NAME),
    logger.child({ component: 'events' }),
  );
  const compiledRules = new CompiledRuleCache(
    settings.compiledRuleCacheSize,
    logger.child({ component: 'compiled-rules' }),
  );
  const rules = new GrayRuleService(store, access, events, compiledRules);
  const plans = new ReleasePlanService(store, access, events, compiledRules, versions, deps.license);

  const module = await buildSubgraph({
    name: RULE_ENGINE_SUBGRAPH_NAME,
    operationLog: runtime.outbox(RULE_ENGINE_SUBGRAPH_NAME),
    resolvers: [GrayRuleResolver, ReleasePlanResolver],
    instances: [new GrayRuleResolver(rules), new ReleasePlanResolver(plans, rules)],
    referenceResolvers: {
      ReleasePlan: (ref, ctx) => plans.reference(ctx.principal, String(ref.id)),
    },
  });

  const subscription = await subscribeToAppManageEvents(
    runtime.events,
    runtime.kv,
    RULE_ENGINE_CONSUMER_GROUP,
    { miniPrograms: projection, versions, plans },
    logger.child({ component: 'app-manage-events' }),
  );

  const runtimeReads = ruleEngineRuntimeReads(plans, rules);
  return {
    ...module,
    services: { rules, plans, miniPrograms: projection, versions, compiledRules },
    runtimeReads,
    registerInternalRoutes: (app, context) => registerRuntimeReadRoutes(app, context, runtimeReads),
    ready: () => runtime.documents.ping(),
    close: () => subscription.close(),
  };
}

/** The router's registry entry: settings from the environment (same variables as the standalone service). */
export function createRuleEngineSubgraphFromEnv(
  runtime: PlatformRuntime,
  env: EnvSource,
  license?: GrayReleaseLicenseGuard,
): Promise<RuleEngineSubgraph> {
  return createRuleEngineSubgraph(runtime, {
    license,
    settings: ruleEngineSettingsFromConfig(loadConfig(ruleEngineEnvSchema, env)),
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
