import { performance } from 'node:perf_hooks';
import {
  AuthorizationEpochs,
  MemoryKeyValueStore,
  createKeyValueStore,
  newId,
  type KeyValueStore,
  type UserPrincipal,
} from '@grove/platform';

/**
 * `node -r @swc-node/register bench/authorization-epochs.ts [redis://…]`: what the revocation check (ADR 0006)
 * adds to a request: one getMany per authenticated request, on the memory store (embedded mode) and on Redis
 * (distributed mode: one MGET round trip). Sequential calls give the latency; 32 in flight give the throughput
 * one process gets from one connection. Prints a table; the macro bench (npm run bench:router) needs a quiet host.
 */
const SEQUENTIAL = 20_000;
const CONCURRENT_BATCHES = 2_000;
const IN_FLIGHT = 32;

function principal(): UserPrincipal {
  return {
    kind: 'user',
    userId: newId(),
    sessionId: newId(),
    operatorRoles: [],
    memberships: [],
    authEpoch: Date.now(),
  };
}

async function measure(name: string, kv: KeyValueStore): Promise<string> {
  const epochs = new AuthorizationEpochs(kv, { accessTokenTtlSec: 900 });
  const users = Array.from({ length: 1000 }, principal);
  // Half of the users have a (passing) record, so both keys and misses are exercised.
  for (const u of users.slice(0, 500)) await epochs.revokeUser(u.userId);
  for (const u of users.slice(0, 500)) u.authEpoch = Date.now() + 1;
  for (let i = 0; i < 2000; i++) await epochs.assertCurrent(users[i % users.length]);

  const samples: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const start = performance.now();
    await epochs.assertCurrent(users[i % users.length]);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] * 1000;

  const started = performance.now();
  for (let b = 0; b < CONCURRENT_BATCHES; b++) {
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, (_, i) =>
        epochs.assertCurrent(users[(b * IN_FLIGHT + i) % users.length]),
      ),
    );
  }
  const perSec = (CONCURRENT_BATCHES * IN_FLIGHT) / ((performance.now() - started) / 1000);
  return `| ${name} | ${q(0.5).toFixed(1)} | ${q(0.99).toFixed(1)} | ${Math.round(perSec).toLocaleString('en')} |`;
}

async function main(): Promise<void> {
  const rows = [await measure('memory (embedded)', new MemoryKeyValueStore())];
  const redisUrl = process.argv[2] ?? 'redis://127.0.0.1:6379';
  const redis = createKeyValueStore({
    driver: 'redis',
    redisUrl,
    keyPrefix: `grove-bench:epochs:${newId()}:`,
  });
  try {
    await redis.ping();
    rows.push(await measure(`redis (${redisUrl}, one MGET)`, redis));
  } catch (error) {
    rows.push(`| redis | skipped: ${(error as Error).message} | | |`);
  } finally {
    await redis.close();
  }
  console.log(
    ['| store | p50 µs | p99 µs | checks/s (32 in flight) |', '| --- | ---: | ---: | ---: |', ...rows].join(
      '\n',
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
