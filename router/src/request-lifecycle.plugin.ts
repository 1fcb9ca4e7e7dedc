import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { maskError } from '@grove/platform';
import type { RouterRequestContext } from './router-context';
import { SUBGRAPH_UNAVAILABLE } from './subgraph-failure';

/**
 * Feeds what only Apollo knows (resolved operation, whether the response carries errors) into the
 * request state for metrics and the server span, logs unexpected errors with the request id and
 * stamps that id on the masked errors the client receives.
 */
export function requestLifecyclePlugin(): ApolloServerPlugin<RouterRequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          const log = (err: unknown, requestId?: string) =>
            contextValue.logger.error({ err, requestId }, 'unexpected error');
          for (const error of errors) {
            // Already masked and logged by the subgraph; or by the data source that could not reach it.
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR' && error.extensions.requestId) continue;
            if (error.extensions?.code === SUBGRAPH_UNAVAILABLE) continue;
            // The gateway passes on what a fetch or its own code threw as is, not always a GraphQLError.
            const formatted =
              error instanceof GraphQLError
                ? error.toJSON()
                : { message: String((error as Error | undefined)?.message ?? error) };
            maskError(formatted, error, { requestId: contextValue.requestId, log });
          }
        },
        // One hook for the common path (Apollo awaits every hook of every plugin per request).
        async willSendResponse({ contextValue, response, operationName, operation }) {
          const { state } = contextValue;
          if (operation) {
            state.operationName = operationName ?? undefined;
            state.span.setAttribute('graphql.operation.type', operation.operation);
            if (operationName) state.span.setAttribute('graphql.operation.name', operationName);
          }
          if (response.body.kind !== 'single' || !response.body.singleResult.errors?.length) return;
          state.graphqlErrors = true;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            (error.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
              error.extensions?.code === SUBGRAPH_UNAVAILABLE) &&
            !error.extensions.requestId
              ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
              : error,
          );
        },
      };
    },
  };
}
