import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BASE_LIBRARY_UPLOAD_PATH,
  LOGO_CONTENT_TYPES,
  LOGO_UPLOAD_PATH,
  PACKAGE_CONTENT_TYPES,
  PACKAGE_UPLOAD_PATH,
  SDK_BUILD_UPLOAD_PATH,
  SDK_VERSION_UPLOAD_PATH,
  uploadLimitsEnvShape,
  ZIP_CONTENT_TYPES,
} from '@grove/contracts';
import {
  declaredLength,
  INTERNAL_PRINCIPAL_HEADER,
  loadConfig,
  refuseUnreadBody,
  REQUEST_ID_HEADER,
  stopReadingBody,
  tooLargeEnvelope,
  type EnvSource,
  type Logger,
  type TokenService,
} from '@grove/platform';
import { traceHeaders } from './tracing';

/** One upload route the router forwards to the service that owns it (distributed mode). */
export interface UploadProxyRoute {
  /** Subgraph name in SUBGRAPH_URLS. */
  service: 'app-manage' | 'sdk';
  path: string;
  contentTypes: readonly string[];
  /** The router's own hard cap; the owning service checks its limit again. */
  bodyLimit: number;
}

const uploadLimitsEnvSchema = z.object(uploadLimitsEnvShape);

/**
 * The app-manage and sdk upload routes with the size limits the services read (same variable names, so one
 * environment file configures both ends; unset means the services' defaults).
 */
export function uploadProxyRoutesFromEnv(env: EnvSource = {}): UploadProxyRoute[] {
  const limits = loadConfig(uploadLimitsEnvSchema, env);
  return [
    {
      service: 'app-manage',
      path: PACKAGE_UPLOAD_PATH,
      contentTypes: PACKAGE_CONTENT_TYPES,
      bodyLimit: limits.MINI_PROGRAM_PACKAGE_MAX_BYTES,
    },
    {
      service: 'app-manage',
      path: LOGO_UPLOAD_PATH,
      contentTypes: LOGO_CONTENT_TYPES,
      bodyLimit: limits.MINI_PROGRAM_LOGO_MAX_BYTES,
    },
    {
      service: 'sdk',
      path: BASE_LIBRARY_UPLOAD_PATH,
      contentTypes: ZIP_CONTENT_TYPES,
      bodyLimit: limits.BASE_LIBRARY_MAX_BYTES,
    },
    {
      service: 'sdk',
      path: SDK_VERSION_UPLOAD_PATH,
      contentTypes: ZIP_CONTENT_TYPES,
      bodyLimit: limits.SDK_ARTIFACT_MAX_BYTES,
    },
    {
      service: 'sdk',
      path: SDK_BUILD_UPLOAD_PATH,
      contentTypes: ZIP_CONTENT_TYPES,
      bodyLimit: limits.SDK_ARTIFACT_MAX_BYTES,
    },
  ];
}

export interface UploadProxyOptions {
  routes: readonly UploadProxyRoute[];
  /** Subgraph name → its GraphQL URL (SUBGRAPH_URLS); uploads go to the same origin. */
  subgraphUrls: Record<string, string>;
  tokens: TokenService;
  logger: Logger;
}

function mediaType(value: unknown): string {
  const raw = Array.isArray(value) ? value[0] : value;
  return (typeof raw === 'string' ? raw : '').split(';', 1)[0].trim().toLowerCase();
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value ? value.slice(0, 256) : undefined;
}

const unavailable = {
  errcode: 'UNAVAILABLE',
  error: 'The upload service is unavailable; retry later',
  data: null,
};

/**
 * Distributed mode: `/uploads/*` on the router, forwarded to the owning service (app-manage or sdk) after the
 * router's REST guard authenticated and rate-limited the caller. The principal travels as the same signed
 * internal token GraphQL fetches carry; the body is streamed through (never buffered here) and counted against
 * the route's cap. Answers of the service (including its own refusals) are relayed as they are.
 */
export async function registerUploadProxyRoutes(
  app: FastifyInstance,
  options: UploadProxyOptions,
): Promise<void> {
  await app.register(async (scope) => {
    // The handler streams the raw body itself.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

    for (const route of options.routes) {
      const graphqlUrl = options.subgraphUrls[route.service];
      if (!graphqlUrl) {
        options.logger.warn(
          { path: route.path, service: route.service },
          'SUBGRAPH_URLS has no URL for the upload service; route not served',
        );
        continue;
      }
      const origin = new URL(graphqlUrl).origin;
      scope.route({
        method: 'POST',
        url: route.path,
        bodyLimit: route.bodyLimit,
        onRequest: async (request, reply) => {
          const type = mediaType(request.headers['content-type']);
          if (!route.contentTypes.includes(type)) {
            return refuseUnreadBody(request, reply, 415, {
              errcode: 'BAD_USER_INPUT',
              error: `Send the raw bytes with Content-Type ${route.contentTypes.join(', ')}`,
              data: { reason: 'UNSUPPORTED_MEDIA_TYPE', contentType: type || null },
            });
          }
          if ((declaredLength(request) ?? 0) > route.bodyLimit)
            return refuseUnreadBody(request, reply, 413, tooLargeEnvelope(route.bodyLimit));
        },
        handler: (request, reply) =>
          forward(request, reply, new URL(request.raw.url ?? route.path, origin), route.bodyLimit, options),
      });
    }
  });
}

async function forward(
  request: FastifyRequest,
  reply: FastifyReply,
  target: URL,
  limit: number,
  options: UploadProxyOptions,
): Promise<FastifyReply> {
  const state = request.grove;
  const principal = state?.principal;
  // The REST guard sets the principal for every /uploads/ route; without it nothing is forwarded.
  if (!principal)
    return refuseUnreadBody(request, reply, 401, {
      errcode: 'UNAUTHENTICATED',
      error: 'Sign in to upload',
      data: null,
    });
  const claims: Record<string, string> = { rid: request.id, ip: request.ip };
  const deviceId = header(request, 'x-device-id');
  const userAgent = header(request, 'user-agent');
  if (deviceId) claims.dev = deviceId;
  if (userAgent) claims.ua = userAgent;
  const headers: Record<string, string> = {
    'content-type': String(request.headers['content-type']),
    [INTERNAL_PRINCIPAL_HEADER]: await options.tokens.signInternal(principal, claims),
    [REQUEST_ID_HEADER]: request.id,
    ...(state ? traceHeaders(state.otelContext) : {}),
  };
  const length = declaredLength(request);
  if (length !== undefined) headers['content-length'] = String(length);

  return new Promise<FastifyReply>((resolve) => {
    const raw = request.raw;
    let settled = false;
    let received = 0;
    const settle = (answer: () => FastifyReply) => {
      if (settled) return;
      settled = true;
      raw.removeListener('data', onData);
      raw.removeListener('end', onEnd);
      raw.removeListener('close', onClientClose);
      resolve(answer());
    };
    const upstream = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      method: 'POST',
      headers,
    });

    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        upstream.destroy();
        settle(() => refuseUnreadBody(request, reply, 413, tooLargeEnvelope(limit)));
        return;
      }
      if (!upstream.write(chunk)) raw.pause();
    };
    const onEnd = () => upstream.end();
    const onClientClose = () => {
      if (!raw.complete) upstream.destroy();
    };
    upstream.on('drain', () => {
      if (!settled) raw.resume();
    });
    upstream.once('response', (response: IncomingMessage) => {
      settle(() => {
        // The service answered before the whole body arrived (its own refusal): stop reading and close.
        if (!raw.complete) {
          stopReadingBody(raw);
          void reply.header('connection', 'close');
        }
        return reply
          .code(response.statusCode ?? 502)
          .header('content-type', response.headers['content-type'] ?? 'application/json; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(response);
      });
    });
    upstream.on('error', (error) => {
      if (settled) return;
      (state?.logger ?? options.logger).warn(
        { err: error, target: target.pathname },
        'upload forwarding failed',
      );
      settle(() => refuseUnreadBody(request, reply, 502, unavailable));
    });
    raw.on('data', onData);
    raw.once('end', onEnd);
    raw.once('close', onClientClose);
  });
}
