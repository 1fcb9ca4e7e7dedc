import { spawnSync } from 'node:child_process';
import { readProcessEnv } from '../config';
import { createRedisConnection } from './redis-connection';

/** The Redis tests talk to: REDIS_URL (set by .ci/run when it starts its own server), else the local default. */
export function testRedisUrl(): string {
  return readProcessEnv().REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/**
 * Synchronous "does Redis answer PING?" check for contract suites, which must decide at collection
 * time whether to run or skip (Jest cannot skip from inside a running test). Runs a tiny child
 * process speaking RESP over a plain socket, so it needs no client library.
 */
export function probeRedis(url: string, timeoutMs = 2_000): { ok: true } | { ok: false; reason: string } {
  const script = `
    const net = require('node:net');
    const u = new URL(process.argv[1]);
    const cmd = (...a) => '*' + a.length + '\\r\\n' + a.map((x) => '$' + Buffer.byteLength(x) + '\\r\\n' + x + '\\r\\n').join('');
    let out = u.password ? cmd('AUTH', ...(u.username ? [decodeURIComponent(u.username)] : []), decodeURIComponent(u.password)) : '';
    out += cmd('PING');
    const s = net.connect(Number(u.port || 6379), u.hostname, () => s.write(out));
    let buf = '';
    s.on('data', (d) => { buf += d; if (buf.includes('+PONG')) { s.end(); process.exit(0); } if (buf.startsWith('-')) { console.error(buf.trim()); process.exit(1); } });
    s.on('error', (e) => { console.error(e.message); process.exit(1); });
  `;
  const result = spawnSync(process.execPath, ['-e', script, url], { timeout: timeoutMs, encoding: 'utf8' });
  if (result.status === 0) return { ok: true };
  const reason = result.error?.message ?? (result.stderr.trim() || `no PONG within ${timeoutMs} ms`);
  return { ok: false, reason };
}

/** Removes what a test wrote under its own key prefix (tests share one Redis). */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const client = createRedisConnection({ redisUrl });
  try {
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(...keys);
  } finally {
    client.disconnect();
  }
}

// A throwaway redis-server a test can stop and start (degraded-mode tests); the testkit re-exports it with the probe.
export {
  redisServerAvailable,
  startTestRedisServer,
  type TestRedisServer,
} from './redis-server.test-support';
