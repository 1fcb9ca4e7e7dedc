import { RUNTIME_READ_NAMES, runtimeReadsOf, type RuntimeReadHandlers } from '@grove/contracts';
import type { RuntimeSources } from './runtime-sources';

/**
 * The runtime's sources over the owners' read handlers (the runtime-read contract): the handlers of the modules in
 * this process (embedded mode) or the owning services' internal routes (`runtimeReadsOverHttp`, distributed).
 */
export function runtimeSourcesFromReads(reads: RuntimeReadHandlers): RuntimeSources {
  return {
    resolveCredentials: (sdkKey) => reads.resolveCredentials({ sdkKey }),
    applet: (appId) => reads.applet({ appId }),
    isLinked: (hostAppId, appId) => reads.isLinked({ hostAppId, appId }),
    grayPlan: (appId) => reads.grayPlan({ appId }),
    version: (versionId) => reads.version({ versionId }),
    domains: (appId) => reads.domains({ appId }),
    effectiveConfig: (hostAppId) => reads.effectiveConfig({ hostAppId }),
    baseLibrary: (sdkVersion, platform) => reads.baseLibrary({ sdkVersion, platform }),
    organizationFrozen: (orgId) => reads.organizationFrozen({ orgId }),
    trialVersion: (appId) => reads.trialVersion({ appId }),
    trialMembers: (appId) => reads.trialMembers({ appId }),
    searchApplets: (request) => reads.searchApplets(request),
    searchHotWords: () => reads.searchHotWords({}),
    searchClicked: (hostAppId, searchId, appId) => reads.searchClicked({ hostAppId, searchId, appId }),
  };
}

/**
 * Every read from the in-process modules that answer them (`runtimeReads` on app-manage, rule-engine, domain, sdk,
 * account), then `defaults` for what none of them answers. Throws naming the reads nobody answers: the runtime
 * must not guess (e.g. "not frozen") for a missing owner.
 */
export function runtimeReadsFromModules(
  modules: readonly object[],
  defaults: Partial<RuntimeReadHandlers> = {},
): RuntimeReadHandlers {
  const merged: Partial<RuntimeReadHandlers> = {};
  for (const module of modules) Object.assign(merged, runtimeReadsOf(module));
  const reads = { ...defaults, ...merged };
  const missing = RUNTIME_READ_NAMES.filter((name) => typeof reads[name] !== 'function');
  if (missing.length > 0)
    throw new Error(`No subgraph module answers the runtime reads ${missing.join(', ')}`);
  return reads as RuntimeReadHandlers;
}
