import { LocalGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// Not re-exported by the package index; Apollo's docs import it from here.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { execute, parse, validate, type DocumentNode, type GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import {
  ANONYMOUS,
  maskError,
  newId,
  type AuthorizationGate,
  type Logger,
  type SubgraphContext,
  type SubgraphModule,
} from '@grove/platform';
import type { RouterContext } from './router-context';
import { withSubgraphFetchSpan, type SubgraphFetchDeps } from './subgraph-fetch-span';

type Process = LocalGraphQLDataSource['process'];
type GatewayResponse = Awaited<ReturnType<Process>>;

/**
 * Embedded mode: the gateway's fetch to a subgraph runs in-process against the module's schema, with
 * a fresh SubgraphContext built from the router request — the same context a distributed subgraph
 * builds from the signed router header, so resolvers behave alike in both modes.
 */
export class EmbeddedSubgraphDataSource extends LocalGraphQLDataSource {
  /** Query plans send the same few fetch documents over and over: parse and validate each once. */
  private readonly documents = new LRUCache<
    string,
    { document?: DocumentNode; errors?: readonly GraphQLError[] }
  >({ max: 500 });
  private readonly logger: Logger;

  constructor(
    private readonly module: SubgraphModule,
    private readonly deps: SubgraphFetchDeps & { logger: Logger; authorization?: AuthorizationGate },
  ) {
    super(module.schema);
    this.logger = deps.logger.child({ subgraph: module.name });
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayResponse> {
    const router =
      options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION
        ? (options.context as RouterContext)
        : undefined;
    const subgraphContext = this.subgraphContext(router);
    return withSubgraphFetchSpan(
      this.deps,
      this.module.name,
      router?.otelContext ?? ROOT_CONTEXT,
      async () => {
        const { document, errors } = this.document(options.request.query ?? '');
        const result = document
          ? await execute({
              schema: this.module.schema,
              document,
              variableValues: options.request.variables,
              operationName: options.request.operationName,
              contextValue: subgraphContext,
            })
          : { errors };
        if (!result.errors?.length) return result as GatewayResponse;
        // Format like a subgraph server would: platform errors keep their code, the rest is masked and logged.
        const operation =
          options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION
            ? (options.incomingRequestContext.operationName?.slice(0, 128) ?? 'anonymous')
            : undefined;
        const log = (error: unknown, requestId?: string) =>
          subgraphContext.logger.error({ err: error, requestId, operation }, 'unexpected error');
        return {
          ...(result as GatewayResponse),
          errors: result.errors.map((e) =>
            maskError(e.toJSON(), e, { requestId: subgraphContext.requestId, log }),
          ),
        };
      },
    );
  }

  private subgraphContext(router: RouterContext | undefined): SubgraphContext {
    if (!router) {
      const requestId = newId();
      return { principal: ANONYMOUS, requestId, logger: this.logger.child({ requestId }) };
    }
    return new EmbeddedSubgraphContext(router, this.module.name, this.deps.authorization);
  }

  private document(query: string): { document?: DocumentNode; errors?: readonly GraphQLError[] } {
    let entry = this.documents.get(query);
    if (!entry) {
      try {
        const document = parse(query);
        const errors = validate(this.module.schema, document);
        entry = errors.length ? { errors } : { document };
      } catch (error) {
        entry = { errors: [error as GraphQLError] };
      }
      this.documents.set(query, entry);
    }
    return entry;
  }
}

/** A fresh subgraph context per fetch; its child logger is only built if a resolver logs. */
class EmbeddedSubgraphContext implements SubgraphContext {
  readonly principal: SubgraphContext['principal'];
  readonly requestId: string;
  readonly clientIp?: string;
  readonly deviceId?: string;
  readonly userAgent?: string;
  private childLogger?: Logger;

  constructor(
    private readonly router: RouterContext,
    private readonly subgraph: string,
    readonly authorization?: AuthorizationGate,
  ) {
    // A copy per fetch, as a standalone subgraph parses one per request: subgraphs memoize per-request checks on
    // the principal object, and the router hands every request of a token the same cached one.
    this.principal = { ...router.principal };
    this.requestId = router.requestId;
    this.clientIp = router.clientIp;
    this.deviceId = router.deviceId;
    this.userAgent = router.userAgent;
  }

  get logger(): Logger {
    return (this.childLogger ??= this.router.logger.child({ subgraph: this.subgraph }));
  }
}
