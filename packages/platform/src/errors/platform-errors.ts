import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Stable codes shared by GraphQL `extensions.code` and REST envelopes. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  LICENSE_LIMIT_EXCEEDED: 'LICENSE_LIMIT_EXCEEDED',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LICENSE_LIMIT_EXCEEDED: 403,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** Base class: every error a client may see. `details` must never carry backend names or secrets. */
/**
 * Clients find the offending inputs in `details.fields` (a list) on every error code; errors raised with a single
 * `field` get the list too, so a console reads one shape whatever the service.
 */
function withFieldList(details?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!details || typeof details.field !== 'string' || Array.isArray(details.fields)) return details;
  return { ...details, fields: [details.field] };
}

export class PlatformError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = withFieldList(details);
  }
  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

export class BadUserInputError extends PlatformError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.BAD_USER_INPUT, message, details);
  }
}
export class UnauthenticatedError extends PlatformError {
  constructor(message = 'Authentication required', details?: Record<string, unknown>) {
    super(ErrorCode.UNAUTHENTICATED, message, details);
  }
}
export class ForbiddenError extends PlatformError {
  constructor(message = 'Not allowed', details?: Record<string, unknown>) {
    super(ErrorCode.FORBIDDEN, message, details);
  }
}
export class NotFoundError extends PlatformError {
  constructor(message = 'Not found', details?: Record<string, unknown>) {
    super(ErrorCode.NOT_FOUND, message, details);
  }
}
export class ConflictError extends PlatformError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.CONFLICT, message, details);
  }
}
export class LicenseLimitExceededError extends PlatformError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.LICENSE_LIMIT_EXCEEDED, message, details);
  }
}
export class RateLimitedError extends PlatformError {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number, message = 'Too many requests') {
    super(ErrorCode.RATE_LIMITED, message, {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
    this.retryAfterMs = retryAfterMs;
  }
}
export class UnavailableError extends PlatformError {
  constructor(message = 'Service temporarily unavailable', details?: Record<string, unknown>) {
    super(ErrorCode.UNAVAILABLE, message, details);
  }
}

export function isPlatformError(error: unknown): error is PlatformError {
  return error instanceof PlatformError;
}

/** Codes produced by graphql-js / Apollo itself that are safe to show as they are. */
const CLIENT_FACING_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
]);

export interface MaskContext {
  requestId?: string;
  log?: (error: unknown, requestId?: string) => void;
}

/**
 * Apollo `formatError`: platform errors keep their message and code; anything unexpected is logged
 * with the request id and replaced by a generic message carrying only that id.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  ctx: MaskContext = {},
): GraphQLFormattedError {
  const original = unwrap(error);
  if (original instanceof PlatformError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...(original.details ?? {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_FACING_CODES.has(code)) {
    const {
      stacktrace: _s,
      exception: _e,
      ...extensions
    } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  ctx.log?.(original ?? error, ctx.requestId);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    },
  };
}

function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/** Turns a platform error into a GraphQLError (used where we throw outside resolvers). */
export function toGraphQLError(error: PlatformError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, http: { status: error.httpStatus }, ...(error.details ?? {}) },
    originalError: error,
  });
}
