import 'reflect-metadata';
import {
  readProcessEnv,
  serveSubgraph,
  silentLogger,
  TokenService,
  type RunningSubgraph,
} from '@grove/platform';
import { createNotesSubgraph, createPeopleSubgraph } from './test-subgraphs';

/**
 * Child process for the distributed-mode test: serves the two test subgraphs on their own ports
 * with the platform's serveSubgraph, sharing token secrets with the test through the environment,
 * and prints `GROVE_FIXTURE_READY {"people": url, "notes": url}` on stdout once listening (Apollo
 * may print its own lines too).
 */
const FIXTURE_READY = 'GROVE_FIXTURE_READY';

async function main(): Promise<void> {
  const env = readProcessEnv();
  if (!env.JWT_SECRET || !env.INTERNAL_TOKEN_SECRET)
    throw new Error('JWT_SECRET and INTERNAL_TOKEN_SECRET are required');
  const tokens = await TokenService.create({
    algorithm: 'HS256',
    secret: env.JWT_SECRET,
    issuer: env.JWT_ISSUER ?? 'grove',
    accessTokenTtlSec: 900,
    internalSecret: env.INTERNAL_TOKEN_SECRET,
  });
  const logger = silentLogger();
  // Requests are sequential in the test, so "the traceparent of the latest request" is the current one.
  let lastTraceparent: string | undefined;
  const people = await serveSubgraph({
    module: await createPeopleSubgraph({ receivedTraceparent: () => lastTraceparent }),
    tokens,
    logger,
    port: 0,
  });
  people.app.server.on('request', (req: { headers: Record<string, unknown> }) => {
    lastTraceparent = typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined;
  });
  const notes = await serveSubgraph({ module: await createNotesSubgraph(), tokens, logger, port: 0 });
  const running: RunningSubgraph[] = [people, notes];
  const stop = async () => {
    await Promise.all(running.map((s) => s.stop()));
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.stdout.write(`${FIXTURE_READY} ${JSON.stringify({ people: people.url, notes: notes.url })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
