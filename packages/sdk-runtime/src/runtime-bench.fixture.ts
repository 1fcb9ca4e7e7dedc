import fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { EnvSource } from '@grove/platform';
import type { SdkRuntimeOptions } from './runtime-config';
import { signRuntimeRequest } from './runtime-signature';
import { registerSdkRuntimeRoutes, type SdkRuntimeHandle } from './sdk-runtime.routes';
import { createRuntimePlatform, linkedHostApp, publishedApplet } from './sdk-runtime.test-support';

export interface RuntimeBenchFixture {
  /** Fastify with the runtime routes, ready but not listening: `await app.listen({ port: 0, host: '127.0.0.1' })`. */
  app: FastifyInstance;
  prefix: string;
  appId: string;
  versionId: string;
  hostAppId: string;
  /** The host app's SDK credentials, for load generators in another process that sign their own requests. */
  credentials: { sdkKey: string; sdkSecret: string };
  /** A freshly signed request (new nonce each call): the URL to send (path + query, as signed) and its headers. */
  sign(path: string, query?: Record<string, string>): { url: string; headers: Record<string, string> };
  /** The route's exposure record counters (ADR 0012). */
  exposures: SdkRuntimeHandle['exposures'];
  /** Closes the app and the platform and removes its temp data. */
  close(): Promise<void>;
}

/** Server options of the runtime bench's app; the bare baseline route is served with the same ones. */
export const RUNTIME_BENCH_SERVER_OPTIONS: FastifyServerOptions = { logger: false };

/**
 * An in-process platform (real subgraph modules on embedded drivers, or the drivers `env` selects) with one published
 * mini-program linked to one host app, for benchmarks of the runtime endpoints.
 */
export async function createRuntimeBenchFixture(
  options: { env?: EnvSource; runtimeOptions?: SdkRuntimeOptions; durableTopics?: readonly string[] } = {},
): Promise<RuntimeBenchFixture> {
  const platform = await createRuntimePlatform({ env: options.env, durableTopics: options.durableTopics });
  const app = fastify(RUNTIME_BENCH_SERVER_OPTIONS);
  try {
    const { appId, versionId } = await publishedApplet(platform);
    const keys = await linkedHostApp(platform, [appId]);
    const handle = await registerSdkRuntimeRoutes(
      app,
      { runtime: platform.runtime, objects: platform.objects, sources: platform.sources },
      options.runtimeOptions,
    );
    await app.ready();
    return {
      app,
      prefix: handle.prefix,
      appId,
      versionId,
      hostAppId: keys.hostAppId,
      credentials: { sdkKey: keys.sdkKey, sdkSecret: keys.sdkSecret },
      exposures: handle.exposures,
      sign(path, query = {}) {
        const search = new URLSearchParams(query).toString();
        return {
          url: search ? `${path}?${search}` : path,
          headers: signRuntimeRequest({ sdkKey: keys.sdkKey, secret: keys.sdkSecret, path, query: search }),
        };
      },
      async close() {
        await app.close();
        await platform.dispose();
      },
    };
  } catch (error) {
    await app.close().catch(() => undefined);
    await platform.dispose();
    throw error;
  }
}
