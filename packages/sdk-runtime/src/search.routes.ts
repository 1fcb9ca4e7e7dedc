import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ObjectStore } from '@grove/platform';
import { deviceContextOf } from './device-context';
import { ok } from './runtime-errors';
import { checkRuntimeHeaders, checkSearchClickQuery, checkSearchQuery } from './runtime-request.validator';
import type { RuntimeCredentials, RuntimeSources } from './runtime-sources';

type Query = Record<string, string | undefined>;

export interface SearchRouteDeps {
  /** The runtime's signature check (signature, timestamp, nonce, host app and its organization): the verified caller. */
  authenticate(request: FastifyRequest): RuntimeCredentials | Promise<RuntimeCredentials>;
  sources: Pick<RuntimeSources, 'searchApplets' | 'searchHotWords' | 'searchClicked'>;
  /** Where logos are (the store app-manage writes them to): each hit's logo is a short-lived link. */
  objects: Pick<ObjectStore, 'presignedGetUrl'>;
  logoUrlTtlSec: number;
}

/** A device id is logged only as this hash, salted with its host app id (no personal data in the search log). */
export function deviceIdHashOf(hostAppId: string, deviceId: unknown): string | undefined {
  if (typeof deviceId !== 'string' || deviceId.length === 0) return undefined;
  return createHash('sha256').update(`${hostAppId}\n${deviceId}`).digest('hex');
}

function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

/**
 * The SDK's search (FinClip's `searchApplet`), inside the runtime's scope (same signature, replay guard, rate limits
 * and envelope as every runtime route):
 * - `GET {prefix}/search?text=&page=&pageSize=` → `{ total, list: [{ appId, appName, desc, logo, organName, pageUrl,
 *   showText, highLights: [{ key, value }] }], searchId }`: only mini-programs linked to the caller's host app,
 *   published, not frozen or delisted, searchable;
 * - `GET {prefix}/search/hot-words` → `{ list }`: the operators' hot words, in order;
 * - `POST {prefix}/search/clicks?searchId=&appId=` → `{ recorded }`: the device opened that hit (counted once per
 *   search, only for a hit the search showed to this host app).
 */
export function searchRoutes(deps: SearchRouteDeps) {
  return async function registerSearchRoutes(scope: FastifyInstance): Promise<void> {
    scope.get('/search', async (request: FastifyRequest<{ Querystring: Query }>, reply) => {
      const { text, offset, limit } = checkSearchQuery(request.query);
      checkRuntimeHeaders(request.headers);
      const { hostAppId } = await deps.authenticate(request);
      const deviceIdHash = deviceIdHashOf(
        hostAppId,
        deviceContextOf(request.query, request.headers).deviceId,
      );
      const result = await deps.sources.searchApplets({ hostAppId, text, offset, limit, deviceIdHash });
      const list = await Promise.all(
        result.list.map(async ({ logoKey, ...hit }) => ({
          appId: hit.appId,
          appName: hit.appName,
          desc: hit.desc,
          logo: logoKey ? await deps.objects.presignedGetUrl(logoKey, deps.logoUrlTtlSec) : '',
          organName: hit.organName,
          pageUrl: hit.pageUrl,
          showText: hit.showText,
          highLights: hit.highLights,
        })),
      );
      return noStore(reply).send(ok({ total: result.total, list, searchId: result.searchId }));
    });

    scope.get('/search/hot-words', async (request: FastifyRequest<{ Querystring: Query }>, reply) => {
      checkRuntimeHeaders(request.headers);
      await deps.authenticate(request);
      return noStore(reply).send(ok({ list: await deps.sources.searchHotWords() }));
    });

    scope.post('/search/clicks', async (request: FastifyRequest<{ Querystring: Query }>, reply) => {
      const { searchId, appId } = checkSearchClickQuery(request.query);
      checkRuntimeHeaders(request.headers);
      const { hostAppId } = await deps.authenticate(request);
      return noStore(reply).send(
        ok({ recorded: await deps.sources.searchClicked(hostAppId, searchId, appId) }),
      );
    });
  };
}
