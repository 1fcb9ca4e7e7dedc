import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Shared by the benchmarks: servers in child processes, CPU accounting, and combining rounds. */
export const ROOT = join(__dirname, '..');
export const RESULTS = join(__dirname, 'results');

export interface BenchServer<Info> {
  child: ChildProcess;
  info: Info;
}

export interface Measurement {
  rps: number;
  /** Server process CPU time per request (Linux /proc), less sensitive to a busy machine than req/s. */
  cpuUsPerRequest?: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** Starts `script kind` under SWC (with extra Node flags, e.g. `--cpu-prof`) and waits for its `BENCH_READY <json>` line. */
export function startBenchServer<Info>(
  script: string,
  kind: string,
  nodeArgs: string[] = [],
): Promise<BenchServer<Info>> {
  return startBenchProcess([...nodeArgs, '-r', '@swc-node/register', join(__dirname, script), kind], kind);
}

/** Starts `node <args>` and waits for its `BENCH_READY <json>` line. */
export async function startBenchProcess<Info>(args: string[], label: string): Promise<BenchServer<Info>> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    // The IPC channel carries the allocation meter's questions (bench/alloc-meter.ts); servers without one ignore it.
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${label} server exited with ${code}`);
  });
  const ready = new Promise<Info>((resolve) =>
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('BENCH_READY ')) resolve(JSON.parse(line.slice('BENCH_READY '.length)) as Info);
    }),
  );
  const info = await Promise.race([ready, exited]);
  exited.catch(() => undefined);
  return { child, info };
}

export async function stopBenchServer(server: BenchServer<unknown>): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  await exited;
}

/** utime + stime of a process in ms (Linux; USER_HZ is 100 on every mainstream distribution). */
export function processCpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (!pid || !existsSync(file)) return undefined;
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Runs one measurement and adds the server's CPU time per request. */
export async function withCpu(
  pid: number | undefined,
  run: () => Promise<Measurement>,
): Promise<Measurement> {
  const before = processCpuMs(pid);
  const result = await run();
  const after = processCpuMs(pid);
  if (before !== undefined && after !== undefined && result.requests)
    result.cpuUsPerRequest = ((after - before) * 1000) / result.requests;
  return result;
}

/** Throughput over all rounds; latency percentiles are the mean of the rounds' percentiles. */
export function combineRounds(rounds: Measurement[]): Measurement {
  const mean = (pick: (m: Measurement) => number) =>
    rounds.reduce((sum, m) => sum + pick(m), 0) / rounds.length;
  const cpu = rounds.every((m) => m.cpuUsPerRequest !== undefined)
    ? Number(mean((m) => m.cpuUsPerRequest!).toFixed(1))
    : undefined;
  return {
    rps: mean((m) => m.rps),
    cpuUsPerRequest: cpu,
    p50Ms: Number(mean((m) => m.p50Ms).toFixed(2)),
    p99Ms: Number(mean((m) => m.p99Ms).toFixed(2)),
    requests: rounds.reduce((sum, m) => sum + m.requests, 0),
    non2xx: 0,
    errors: 0,
  };
}

/** JS heap bytes the server allocated while `run` ran (the server must call serveAllocationMeter()). */
export async function withAllocations<T>(
  server: BenchServer<unknown>,
  run: () => Promise<T>,
): Promise<{ result: T; bytes: number }> {
  const ask = (message: string) =>
    new Promise<{ bytes?: number }>((resolve) => {
      const onMessage = (reply: { alloc?: string; bytes?: number }) => {
        if (!reply?.alloc) return;
        server.child.off('message', onMessage);
        resolve(reply);
      };
      server.child.on('message', onMessage);
      server.child.send(message);
    });
  await ask('alloc-start');
  const result = await run();
  const { bytes } = await ask('alloc-stop');
  return { result, bytes: bytes ?? Number.NaN };
}
