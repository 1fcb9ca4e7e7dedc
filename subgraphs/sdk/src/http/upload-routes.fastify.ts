import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  admitUpload,
  isPlatformError,
  readBodyWithCap,
  tooLargeEnvelope,
  UnauthenticatedError,
  UploadTooLargeError,
  operationState,
  withOperationLog,
  type HttpRouteContext,
  type OperationLogWriter,
  type Principal,
} from '@grove/platform';
import type { SdkUploadRoute } from './upload.handlers';

export type HeaderBag = Record<string, string | string[] | undefined>;

export interface RegisterSdkUploadRoutesOptions {
  /** Turns the request headers into the caller (the router's bearer JWT check, or the subgraph's own). */
  authenticate(headers: HeaderBag): Promise<Principal>;
  /** Logs unexpected errors; clients only see a generic message for them. */
  onUnexpectedError?(error: unknown): void;
  /** Each upload is an operation of the operation log (ADR 0013), under the action `POST <path>`. */
  operationLog?: UploadOperationLog;
}

function queryValues(query: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value)) out[name] = value.filter((v) => typeof v === 'string').join(',');
  }
  return out;
}

/**
 * Mounts the sdk upload routes on a fastify server: caller from `authenticate`, answers in the REST envelope
 * `{ errcode, error, data }`. Credential, anonymous caller, content type and declared length are checked in
 * `onRequest`, before the body is read (a refused body is left unread and the connection closed after the
 * answer); accepted bodies are buffered (the services validate whole ZIPs) under a hard cap counted while
 * reading. Registered as an encapsulated plugin so the raw-body parser and error handling do not leak into
 * the rest of the server.
 */
export async function registerSdkUploadRoutes(
  app: FastifyInstance,
  routes: readonly SdkUploadRoute[],
  options: RegisterSdkUploadRoutesOptions,
): Promise<void> {
  await app.register(async (scope) => {
    const types = [...new Set(routes.flatMap((route) => route.contentTypes))];
    const principals = new WeakMap<FastifyRequest, Principal>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(types, (request, payload, done) => {
      readBodyWithCap(payload, request.routeOptions.bodyLimit ?? 0).then(
        (body) => done(null, body),
        (error: Error) => done(error, undefined),
      );
    });

    const fail = (reply: FastifyReply, error: unknown) => {
      if (isPlatformError(error)) {
        return reply
          .code(error.httpStatus)
          .send({ errcode: error.code, error: error.message, data: error.details ?? null });
      }
      if (error instanceof UploadTooLargeError) return reply.code(413).send(tooLargeEnvelope(error.limit));
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 413)
        return reply.code(413).send({
          errcode: 'BAD_USER_INPUT',
          error: 'The upload is too large',
          data: { reason: 'PAYLOAD_TOO_LARGE' },
        });
      if (status === 415) {
        return reply.code(415).send({
          errcode: 'BAD_USER_INPUT',
          error: `Send the raw bytes with Content-Type ${types.join(', ')}`,
          data: { reason: 'UNSUPPORTED_MEDIA_TYPE' },
        });
      }
      options.onUnexpectedError?.(error);
      return reply.code(500).send({ errcode: 'INTERNAL_SERVER_ERROR', error: 'Internal error', data: null });
    };
    scope.setErrorHandler((error, _request, reply) => fail(reply, error));

    for (const route of routes) {
      scope.route({
        method: route.method,
        url: route.path,
        bodyLimit: route.bodyLimit,
        onRequest: async (request, reply) => {
          const principal = await admitUpload(request, reply, route, options.authenticate);
          if (!principal) return reply;
          principals.set(request, principal);
        },
        handler: async (request, reply) => {
          try {
            const principal = principals.get(request);
            if (!principal) throw new UnauthenticatedError('Sign in to upload');
            const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
            const contentType = request.headers['content-type'];
            const handle = () =>
              route.handle(principal, body, {
                contentType: Array.isArray(contentType) ? contentType[0] : contentType,
                query: queryValues(request.query),
              });
            const result = await logged(
              options.operationLog,
              request,
              `POST ${route.path}`,
              principal,
              {},
              handle,
            );
            return reply.code(result.statusCode).send({ errcode: 'OK', error: '', data: result.body });
          } catch (error) {
            return fail(reply, error);
          }
        },
      });
    }
  });
}

export interface UploadOperationLog {
  writer: OperationLogWriter;
  subgraph: string;
  requestInfo?: HttpRouteContext['requestInfo'];
}

/** Runs an upload as one operation of the operation log, when there is one. */
async function logged<R>(
  log: UploadOperationLog | undefined,
  request: FastifyRequest,
  action: string,
  principal: Principal,
  args: Record<string, unknown>,
  work: () => Promise<R>,
): Promise<R> {
  if (!log) return work();
  const info = (await log.requestInfo?.(request)) ?? { requestId: request.id, clientIp: request.ip };
  const state = operationState(log.subgraph, { fieldName: action }, args, {
    principal,
    requestId: info.requestId,
    clientIp: info.clientIp,
  });
  return withOperationLog(log.writer, state, work);
}
