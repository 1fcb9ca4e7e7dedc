/** Reporting days: `YYYY-MM-DD` in the installation's reporting time zone; instants stay UTC epoch ms. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 3600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(ms: number, timeZone: string): { day: string; asUtc: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return {
    day,
    asUtc: Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second),
  };
}

/** The reporting day an instant falls on. */
export function dayOf(ms: number, timeZone: string): string {
  return wallClock(ms, timeZone).day;
}

const SLOT_MS = 15 * 60_000;
const hourCache = new Map<string, Map<number, string>>();

/**
 * The hour (`00`–`23`) of the reporting day an instant falls in; a repeated hour (DST end) is one bucket. Memoized
 * per 15-minute slot of UTC (zone offsets and their changes fall on quarter hours), since the rollup asks for every
 * event: Intl's formatToParts is the slowest step of a day otherwise.
 */
export function hourOf(ms: number, timeZone: string): string {
  let cache = hourCache.get(timeZone);
  if (!cache) hourCache.set(timeZone, (cache = new Map()));
  const slot = Math.floor(ms / SLOT_MS);
  let hour = cache.get(slot);
  if (hour === undefined) {
    if (cache.size > 50_000) cache.clear();
    hour = new Date(wallClock(slot * SLOT_MS, timeZone).asUtc).toISOString().slice(11, 13);
    cache.set(slot, hour);
  }
  return hour;
}

/** The instant a reporting day starts (handles offsets and DST by correcting twice). */
export function dayStart(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const midnight = Date.UTC(y, m - 1, d);
  let guess = midnight;
  for (let i = 0; i < 2; i++)
    guess = midnight - (wallClock(guess, timeZone).asUtc - Math.floor(guess / 1000) * 1000);
  return guess;
}

/** Calendar arithmetic on day names (independent of the zone). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
