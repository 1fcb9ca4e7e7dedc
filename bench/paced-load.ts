import { build as buildHistogram } from 'hdr-histogram-js';
import { Pool } from 'undici';

/**
 * Open-loop load at a fixed rate, for latency at a given load rather than at saturation. autocannon's
 * `overallRate` fires each connection's whole per-second quota back to back at the top of every second, so
 * its "fixed rate" latency measures self-made bursts. Here request i is due at start + i / rate, sent on
 * the first free connection of a pool, and its latency runs from when it was due (wrk2-style correction
 * for coordinated omission): a stalled server shows up as latency, not as fewer samples.
 */
export interface PacedLoadOptions {
  /** Origin, e.g. http://127.0.0.1:4000. */
  url: string;
  connections: number;
  /** Requests per second. */
  rate: number;
  durationSec: number;
  /** Builds each request (path with query, and headers); called when the request is due. */
  request: () => { path: string; headers: Record<string, string> };
}

export interface PacedLoadResult {
  rate: number;
  rps: number;
  requests: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Latency from when each request was actually handed to a connection (what autocannon reports); the others count from when it was due. */
  sentP50Ms: number;
  sentP99Ms: number;
  non2xx: number;
  errors: number;
  /** CPU the generator itself used, in % of one core; near 100 the generator, not the server, sets the latency. */
  generatorCpuPct: number;
}

/** Scheduler granularity: due requests are released by a 1 ms timer, so sends are spread over each second. */
const TICK_MS = 1;

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const pool = new Pool(options.url, { connections: options.connections, pipelining: 1 });
  // Microsecond values up to 60 s, 3 significant digits.
  const histogramOptions = {
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3 as const,
  };
  const histogram = buildHistogram(histogramOptions);
  const fromSend = buildHistogram(histogramOptions);
  const total = Math.round(options.rate * options.durationSec);
  const intervalNs = 1e9 / options.rate;
  let sent = 0;
  let non2xx = 0;
  let errors = 0;
  const inFlight = new Set<Promise<void>>();
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();

  // dispatch() with a bare handler: no response stream objects, so the generator stays cheap per request.
  const fire = (dueNs: bigint) => {
    const { path, headers } = options.request();
    const sentNs = process.hrtime.bigint();
    const done = new Promise<void>((resolve) => {
      let status = 0;
      const finish = (failed: boolean) => {
        if (failed) errors++;
        else if (status < 200 || status >= 300) non2xx++;
        const endNs = process.hrtime.bigint();
        histogram.recordValue(Math.max(1, Number((endNs - dueNs) / 1000n)));
        fromSend.recordValue(Math.max(1, Number((endNs - sentNs) / 1000n)));
        inFlight.delete(done);
        resolve();
      };
      pool.dispatch(
        { method: 'GET', path, headers },
        {
          onConnect: () => undefined,
          onHeaders: (statusCode) => {
            status = statusCode;
            return true;
          },
          onData: () => true,
          onComplete: () => finish(false),
          onError: () => finish(true),
        },
      );
    });
    inFlight.add(done);
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsedNs = Number(process.hrtime.bigint() - start);
      const due = Math.min(total, Math.floor(elapsedNs / intervalNs) + 1);
      for (; sent < due; sent++) fire(start + BigInt(Math.round(sent * intervalNs)));
      if (sent >= total) resolve();
      else setTimeout(tick, TICK_MS);
    };
    tick();
  });
  await Promise.all(inFlight);
  const elapsedSec = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  await pool.close();

  const ms = (us: number) => Number((us / 1000).toFixed(2));
  const result: PacedLoadResult = {
    rate: options.rate,
    rps: Number((total / elapsedSec).toFixed(0)),
    requests: total,
    p50Ms: ms(histogram.getValueAtPercentile(50)),
    p90Ms: ms(histogram.getValueAtPercentile(90)),
    p99Ms: ms(histogram.getValueAtPercentile(99)),
    maxMs: ms(histogram.maxValue),
    sentP50Ms: ms(fromSend.getValueAtPercentile(50)),
    sentP99Ms: ms(fromSend.getValueAtPercentile(99)),
    non2xx,
    errors,
    generatorCpuPct: Number(((cpu.user + cpu.system) / 1e4 / elapsedSec).toFixed(0)),
  };
  histogram.destroy();
  fromSend.destroy();
  return result;
}
