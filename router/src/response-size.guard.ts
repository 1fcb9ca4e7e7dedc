import type { onSendHookHandler } from 'fastify';
import type { RouterMetrics } from './router-metrics';

/**
 * The last line of query economics (docs/query-limits.md): the cost limit refuses what would be large before any
 * subgraph runs, but its 100-item guess for unpaged lists and large scalar fields (file lists, manifests) can
 * still add up. An answer over `maxBytes` is replaced by an error naming the limit, so a client never receives,
 * and a proxy never buffers, an unbounded body. The answer was already built: this bounds what leaves, not what
 * the router computed.
 */
export function limitResponseSize(
  maxBytes: number,
  metrics: Pick<RouterMetrics, 'reject'>,
): onSendHookHandler {
  return (request, reply, payload, done) => {
    // Apollo's integration sends a string; anything else (a stream, a buffer from an error handler) is left alone.
    if (typeof payload !== 'string' || payload.length <= maxBytes / 3) return done(null, payload);
    const bytes = Buffer.byteLength(payload, 'utf8');
    if (bytes <= maxBytes) return done(null, payload);
    metrics.reject('response_size');
    if (request.grove) request.grove.graphqlErrors = true;
    request.grove?.logger.warn(
      { responseBytes: bytes, maxResponseBytes: maxBytes },
      'GraphQL answer over MAX_RESPONSE_BYTES replaced by an error',
    );
    const body = JSON.stringify({
      errors: [
        {
          message: `The answer is ${bytes} bytes, over the limit of ${maxBytes} (MAX_RESPONSE_BYTES): ask for smaller pages or fewer fields.`,
          extensions: {
            code: 'RESPONSE_TOO_LARGE',
            reason: 'MAX_RESPONSE_BYTES',
            responseBytes: bytes,
            maxResponseBytes: maxBytes,
            requestId: request.id,
          },
        },
      ],
    });
    void reply.header('content-length', Buffer.byteLength(body));
    done(null, body);
  };
}
