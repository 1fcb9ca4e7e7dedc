import 'reflect-metadata';
import {
  buildSubgraph,
  createObjectStore,
  loadConfig,
  objectStoreOptionsFromConfig,
  type EnvSource,
  type ObjectStore,
  type PlatformRuntime,
  type SubgraphModule,
} from '@grove/platform';
import { defaultSdkSettings, sdkEnvSchema, sdkSettingsFromConfig, type SdkSettings } from './config';
import { createSdkUploadHandlers, type SdkUploadHandlers } from './http/upload.handlers';
import { registerSdkUploadRoutes } from './http/upload-routes.fastify';
import { sdkRuntimeReads } from './http/runtime-reads';
import { registerRuntimeReadRoutes, type RuntimeReadsOf } from '@grove/contracts';
import { BaseLibraryResolver } from './resolvers/base-library.resolver';
import { SdkBuildResolver } from './resolvers/sdk-build.resolver';
import { SdkConfigResolver } from './resolvers/sdk-config.resolver';
import { SdkVersionResolver } from './resolvers/sdk-version.resolver';
import { BaseLibraryService } from './service/base-library.service';
import { HostAppOwnershipProjection } from './service/host-app-ownership.projection';
import { SdkBuildService } from './service/sdk-build.service';
import { SdkConfigService } from './service/sdk-config.service';
import { SdkEvents } from './service/sdk-events';
import { SdkVersionService } from './service/sdk-version.service';
import { BaseLibraryStore } from './store/base-library.store';
import { HostAppOwnershipStore } from './store/host-app-ownership.store';
import { SdkBuildReviewStore } from './store/sdk-build-review.store';
import { SdkConfigStore } from './store/sdk-config.store';
import { SdkVersionStore } from './store/sdk-version.store';

export const SDK_SUBGRAPH_NAME = 'sdk';

export interface SdkDeps {
  objects: ObjectStore;
  settings?: Partial<SdkSettings>;
}

export interface SdkServices {
  baseLibraries: BaseLibraryService;
  sdkVersions: SdkVersionService;
  configs: SdkConfigService;
  builds: SdkBuildService;
  /** Fed by app-manage's host app events; exposed for tests and replays. */
  hostAppOwnership: HostAppOwnershipProjection;
}

export interface SdkSubgraph extends SubgraphModule, SdkUploadHandlers {
  /** Domain services for in-process callers and tests; authorization is inside. */
  services: SdkServices;
  /** What the SDK runtime reads from sdk (in process, or over the internal route when standalone). */
  runtimeReads: RuntimeReadsOf<'sdk'>;
}

/**
 * Assembles stores, services, resolvers and upload handlers of the sdk subgraph (basic-pack-svr,
 * control-manager, sdk-manager), and subscribes to app-manage's host app events (consumer group `sdk`)
 * until the module is closed.
 */
export async function createSdkSubgraph(runtime: PlatformRuntime, deps: SdkDeps): Promise<SdkSubgraph> {
  const settings: SdkSettings = { ...defaultSdkSettings, ...stripUndefined(deps.settings ?? {}) };
  const logger = runtime.logger.child({ subgraph: SDK_SUBGRAPH_NAME });
  const events = new SdkEvents(runtime.outbox(SDK_SUBGRAPH_NAME), logger.child({ component: 'events' }));

  const ownershipStore = new HostAppOwnershipStore(runtime.documents);
  const baseLibraries = new BaseLibraryService(
    new BaseLibraryStore(runtime.documents),
    events,
    deps.objects,
    { maxBytes: settings.maxBaseLibraryBytes },
  );
  const sdkVersions = new SdkVersionService(new SdkVersionStore(runtime.documents), events, deps.objects, {
    maxBytes: settings.maxSdkArtifactBytes,
  });
  const configs = new SdkConfigService(new SdkConfigStore(runtime.documents), ownershipStore, events);
  const builds = new SdkBuildService(new SdkBuildReviewStore(runtime.documents), events, deps.objects, {
    maxBytes: settings.maxSdkArtifactBytes,
  });
  const hostAppOwnership = new HostAppOwnershipProjection(
    ownershipStore,
    logger.child({ component: 'host-app-ownership' }),
  );

  const module = await buildSubgraph({
    name: SDK_SUBGRAPH_NAME,
    operationLog: runtime.outbox(SDK_SUBGRAPH_NAME),
    resolvers: [BaseLibraryResolver, SdkVersionResolver, SdkConfigResolver, SdkBuildResolver],
    instances: [
      new BaseLibraryResolver(baseLibraries),
      new SdkVersionResolver(sdkVersions),
      new SdkConfigResolver(configs),
      new SdkBuildResolver(builds),
    ],
    referenceResolvers: {
      BaseLibrary: (ref, ctx) => baseLibraries.reference(ctx.principal, String(ref.id)),
      SdkVersion: (ref, ctx) => sdkVersions.reference(ctx.principal, String(ref.id)),
    },
  });
  const subscription = await hostAppOwnership.subscribe(runtime.events, runtime.kv);

  const uploads = createSdkUploadHandlers({ baseLibraries, sdkVersions, sdkBuilds: builds }, settings);
  const runtimeReads = sdkRuntimeReads(configs, baseLibraries);
  return {
    ...module,
    ...uploads,
    runtimeReads,
    registerInternalRoutes: (app, context) => registerRuntimeReadRoutes(app, context, runtimeReads),
    registerHttpRoutes: (app, context) =>
      registerSdkUploadRoutes(app, uploads.routes, {
        authenticate: context.authenticate,
        onUnexpectedError: (error) => context.logger.error({ err: error }, 'upload failed'),
        operationLog: {
          writer: runtime.outbox(SDK_SUBGRAPH_NAME),
          subgraph: SDK_SUBGRAPH_NAME,
          requestInfo: context.requestInfo,
        },
      }),
    services: { baseLibraries, sdkVersions, configs, builds, hostAppOwnership },
    ready: async () => {
      await Promise.all([runtime.documents.ping(), deps.objects.ping()]);
    },
    close: () => subscription.close(),
  };
}

/**
 * The router's registry entry: settings and the object store from the environment (same variables as the
 * standalone service). Closing the module ends the event subscription and closes the object store.
 */
export async function createSdkSubgraphFromEnv(
  runtime: PlatformRuntime,
  env: EnvSource,
): Promise<SdkSubgraph> {
  const config = loadConfig(sdkEnvSchema, env);
  const objects = await createObjectStore(objectStoreOptionsFromConfig(config));
  const module = await createSdkSubgraph(runtime, { objects, settings: sdkSettingsFromConfig(config) });
  return {
    ...module,
    close: async () => {
      await module.close?.();
      await objects.close();
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
