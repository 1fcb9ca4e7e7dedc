import 'reflect-metadata';
import {
  buildSubgraph,
  createObjectStore,
  loadConfig,
  loadOrCreateLocalSecret,
  objectStoreOptionsFromConfig,
  type EnvSource,
  type ObjectStore,
  type PlatformRuntime,
  type SubgraphModule,
} from '@grove/platform';
import {
  appManageEnvSchema,
  appManageSettingsFromConfig,
  defaultAppManageSettings,
  type AppManageSettings,
} from './config';
import { registerUploadRoutes } from './http/upload-routes.fastify';
import { subscribeToReleasePlans } from './service/release-plan.consumer';
import { createUploadHandlers, type UploadHandlers } from './http/upload.handlers';
import { HostAppResolver } from './resolvers/host-app.resolver';
import { LinkResolver } from './resolvers/link.resolver';
import { MiniProgramResolver } from './resolvers/mini-program.resolver';
import { VersionResolver } from './resolvers/version.resolver';
import { TrialResolver } from './resolvers/trial.resolver';
import { DeletionResolver } from './resolvers/deletion.resolver';
import { DeletionService } from './service/deletion.service';
import { AppManageAccess } from './service/app-manage-access';
import { AppManageEvents } from './service/app-manage-events';
import { HostAppService } from './service/host-app.service';
import { LinkService } from './service/link.service';
import { MiniProgramService, type LicenseGuard } from './service/mini-program.service';
import { SecretCipher } from './service/secret-cipher';
import { VersionService } from './service/version.service';
import { OrphanPackageSweeper } from './service/orphan-package.sweeper';
import { PackageUploadStore } from './store/package-upload.store';
import { TrialService } from './service/trial.service';
import {
  deriveTrialTokenSecret,
  LOCAL_APP_SECRET_KEY_NAME,
  registerCatalogueReadRoutes,
  registerRuntimeReadRoutes,
  type CatalogueReadsOf,
  type RuntimeReadsOf,
  type RuntimeReadsProvider,
} from '@grove/contracts';
import { appManageRuntimeReads } from './http/runtime-reads';
import { appManageCatalogueReads } from './http/catalogue-reads';
import { TrialStore } from './store/trial.store';
import { HostAppStore } from './store/host-app.store';
import { LinkStore } from './store/link.store';
import { MiniProgramStore } from './store/mini-program.store';
import { VersionStore } from './store/version.store';
import { VersionContentsStore } from './store/version-contents.store';

export const APP_MANAGE_SUBGRAPH_NAME = 'app-manage';
/** Name of the generated key under DATA_DIR/secrets.json when APP_SECRET_ENCRYPTION_KEY is unset. */
export const LOCAL_SECRET_KEY_NAME = LOCAL_APP_SECRET_KEY_NAME;

export interface AppManageDeps {
  objects: ObjectStore;
  license?: LicenseGuard;
  settings?: Partial<AppManageSettings>;
}

export interface AppManageServices {
  miniPrograms: MiniProgramService;
  versions: VersionService;
  hostApps: HostAppService;
  links: LinkService;
  trials: TrialService;
  deletions: DeletionService;
}

export interface AppManageSubgraph extends SubgraphModule, UploadHandlers, RuntimeReadsProvider {
  /** Domain services for in-process callers and tests; authorization is inside. */
  services: AppManageServices;
  /** What the SDK runtime reads from app-manage (in process, or over the internal route when standalone). */
  runtimeReads: RuntimeReadsOf<'app-manage'>;
  /** What the search index reads from app-manage (in process, or over the internal route when standalone). */
  catalogueReads: CatalogueReadsOf<'app-manage'>;
}

/** Assembles stores, services, resolvers and upload handlers of the app-manage subgraph. */
export async function createAppManageSubgraph(
  runtime: PlatformRuntime,
  deps: AppManageDeps,
): Promise<AppManageSubgraph> {
  const settings: AppManageSettings = { ...defaultAppManageSettings, ...stripUndefined(deps.settings ?? {}) };
  const logger = runtime.logger.child({ subgraph: APP_MANAGE_SUBGRAPH_NAME });
  const secretKey =
    settings.secretEncryptionKey ?? loadOrCreateLocalSecret(runtime.config.DATA_DIR, LOCAL_SECRET_KEY_NAME);
  const cipher = new SecretCipher(secretKey);

  const appStore = new MiniProgramStore(runtime.documents);
  const versionStore = new VersionStore(runtime.documents);
  const hostAppStore = new HostAppStore(runtime.documents);
  const linkStore = new LinkStore(runtime.documents);

  const events = new AppManageEvents(
    runtime.outbox(APP_MANAGE_SUBGRAPH_NAME),
    logger.child({ component: 'events' }),
  );
  const access = new AppManageAccess(appStore);
  const miniPrograms = new MiniProgramService(appStore, access, events, deps.objects, {
    maxLogoBytes: settings.maxLogoBytes,
    license: deps.license,
  });
  const contentsStore = new VersionContentsStore(runtime.documents);
  const trialStore = new TrialStore(runtime.documents);
  const uploadStore = new PackageUploadStore(runtime.documents);
  const versions = new VersionService(
    versionStore,
    appStore,
    access,
    events,
    deps.objects,
    { maxPackageBytes: settings.maxPackageBytes },
    contentsStore,
    uploadStore,
  );
  // Packages of uploads a crash interrupted (stored, version never committed) are deleted after an hour.
  const orphanPackages = new OrphanPackageSweeper({
    uploads: uploadStore,
    versions: versionStore,
    objects: deps.objects,
    logger: logger.child({ component: 'orphan-packages' }),
  });
  orphanPackages.start();
  const hostApps = new HostAppService(hostAppStore, events, cipher, { license: deps.license });
  const links = new LinkService(linkStore, appStore, hostApps, events);
  const trials = new TrialService(trialStore, versionStore, access, events, {
    tokenSecret: settings.trialTokenSecret ?? deriveTrialTokenSecret(secretKey),
  });
  const deletions = new DeletionService(
    {
      apps: appStore,
      versions: versionStore,
      contents: contentsStore,
      hostApps: hostAppStore,
      links: linkStore,
      trials: trialStore,
    },
    access,
    events,
    deps.objects,
    logger.child({ component: 'deletions' }),
    deps.license,
  );

  const module = await buildSubgraph({
    name: APP_MANAGE_SUBGRAPH_NAME,
    operationLog: runtime.outbox(APP_MANAGE_SUBGRAPH_NAME),
    resolvers: [
      MiniProgramResolver,
      VersionResolver,
      HostAppResolver,
      LinkResolver,
      TrialResolver,
      DeletionResolver,
    ],
    instances: [
      new MiniProgramResolver(miniPrograms, versions),
      new VersionResolver(versions, miniPrograms),
      new HostAppResolver(hostApps, links),
      new LinkResolver(links, miniPrograms),
      new TrialResolver(trials),
      new DeletionResolver(deletions),
    ],
    batchReferenceResolvers: {
      MiniProgram: (refs, ctx) =>
        miniPrograms.referenceMany(
          ctx.principal,
          refs.map((ref) => String(ref.id)),
        ),
    },
    referenceResolvers: {
      MiniProgramVersion: (ref, ctx) => versions.reference(ctx.principal, String(ref.id)),
      HostApp: (ref, ctx) => hostApps.reference(ctx.principal, String(ref.id)),
    },
  });

  const releasePlans = await subscribeToReleasePlans(
    runtime.events,
    runtime.kv,
    versions,
    logger.child({ component: 'release-plans' }),
  );
  const uploads = createUploadHandlers(versions, miniPrograms, settings);
  const runtimeReads = appManageRuntimeReads({ hostApps, links, miniPrograms, versions, trials });
  const catalogueReads = appManageCatalogueReads({ links, miniPrograms, versions });
  return {
    ...module,
    ...uploads,
    runtimeReads,
    catalogueReads,
    registerInternalRoutes: async (app, context) => {
      await registerRuntimeReadRoutes(app, context, runtimeReads);
      await registerCatalogueReadRoutes(app, context, catalogueReads);
    },
    registerHttpRoutes: (app, context) =>
      registerUploadRoutes(app, uploads.routes, {
        authenticate: context.authenticate,
        onUnexpectedError: (error) => context.logger.error({ err: error }, 'upload failed'),
        operationLog: {
          writer: runtime.outbox(APP_MANAGE_SUBGRAPH_NAME),
          subgraph: APP_MANAGE_SUBGRAPH_NAME,
          requestInfo: context.requestInfo,
        },
      }),
    services: { miniPrograms, versions, hostApps, links, trials, deletions },
    ready: async () => {
      await Promise.all([runtime.documents.ping(), deps.objects.ping()]);
    },
    close: async () => {
      await orphanPackages.stop();
      await releasePlans.close();
    },
  };
}

/**
 * The router's registry entry: settings and the object store from the environment (same variables as the
 * standalone service). The object store is closed with the module.
 */
export async function createAppManageSubgraphFromEnv(
  runtime: PlatformRuntime,
  env: EnvSource,
  license?: LicenseGuard,
): Promise<AppManageSubgraph> {
  const config = loadConfig(appManageEnvSchema, env);
  const objects = await createObjectStore(objectStoreOptionsFromConfig(config));
  const module = await createAppManageSubgraph(runtime, {
    objects,
    license,
    settings: appManageSettingsFromConfig(config),
  });
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
