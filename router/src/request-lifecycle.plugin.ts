import type { ApolloServerPlugin } from '@apollo/server';
import type { RouterContext } from './router-context';
import { requestScope } from './router-context';
import type { RouterMetrics } from './router-metrics';

const CSRF_MESSAGE = /Cross-Site Request Forgery/;

/**
 * Feeds what only Apollo knows (resolved operation, whether the response carries errors, CSRF
 * refusals) into the request state, for metrics labels and the server span.
 */
export function requestLifecyclePlugin(metrics: RouterMetrics): ApolloServerPlugin<RouterContext> {
  return {
    async invalidRequestWasReceived({ error }) {
      if (!CSRF_MESSAGE.test(error.message)) return;
      metrics.reject('csrf');
      const state = requestScope.getStore();
      if (state) state.rejection = 'csrf';
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, operation }) {
          const state = requestScope.getStore();
          if (!state) return;
          state.operationName = operationName ?? undefined;
          if (operation) state.span.setAttribute('graphql.operation.type', operation.operation);
          if (operationName) state.span.setAttribute('graphql.operation.name', operationName);
        },
        async willSendResponse({ response }) {
          const state = requestScope.getStore();
          if (state && response.body.kind === 'single' && response.body.singleResult.errors?.length) state.graphqlErrors = true;
        },
      };
    },
  };
}
