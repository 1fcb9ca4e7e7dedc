import { RoaringBitmap32, roaringLibraryInitialize } from 'roaring-wasm';
import type { DailyDevice, RetentionCell } from './analytics-store.port';
import { touchedCells } from './analytics-rows';

/**
 * Distinct devices over a range without reading a row per device (ADR 0010, bitmap addendum): every device gets a
 * dense installation-wide ordinal (`analytics_device_ordinals`), and each (app, day, dimension, value) keeps the
 * ordinals of its devices as a Roaring bitmap (portable format). A range ORs at most one bitmap per day and value and
 * counts the bits, so a 30-day query reads a bounded amount whatever the number of events; ordinals being
 * installation-wide, bitmaps of several mini-programs OR too (an organization's or the platform's distinct devices).
 */

/** The WebAssembly module loads asynchronously once per process; every store awaits it in `init`. */
export function initDeviceBitmaps(): Promise<void> {
  return roaringLibraryInitialize();
}

/** One day's bitmaps as stored: `fresh` (the devices new on the day) is kept for dimension '' only (retention). */
export interface StoredBitmap {
  dimension: string;
  value: string;
  devices: Uint8Array;
  fresh: Uint8Array | null;
}

const SEP = '\u0000';

/** Ordinals of one day's device rows, grouped by dimension value while the rollup streams its chunks. */
export class DayBitmapBuilder {
  private readonly devices = new Map<string, number[]>();
  private readonly fresh: number[] = [];

  /** `ordinals` answers the ordinal of each device id of `rows` (the store assigns missing ones first). */
  add(rows: readonly DailyDevice[], ordinals: ReadonlyMap<string, number>): void {
    for (const d of rows) {
      const ordinal = ordinals.get(d.deviceId);
      if (ordinal === undefined) throw new Error(`No ordinal for device ${d.deviceId}`);
      const k = `${d.dimension}${SEP}${d.value}`;
      let list = this.devices.get(k);
      if (!list) this.devices.set(k, (list = []));
      list.push(ordinal);
      if (d.dimension === '' && d.isNew) this.fresh.push(ordinal);
    }
  }

  /** The day's bitmaps, serialized; empty values are left out. */
  build(): StoredBitmap[] {
    const out: StoredBitmap[] = [];
    for (const [k, list] of this.devices) {
      const at = k.indexOf(SEP);
      const dimension = k.slice(0, at);
      out.push({
        dimension,
        value: k.slice(at + 1),
        devices: serialize(list),
        fresh: dimension === '' ? serialize(this.fresh) : null,
      });
    }
    return out;
  }
}

function serialize(ordinals: readonly number[]): Uint8Array {
  const bitmap = RoaringBitmap32.from(Uint32Array.from(ordinals));
  try {
    bitmap.runOptimize();
    return Buffer.from(bitmap.serialize('portable'));
  } finally {
    bitmap.dispose();
  }
}

function union(blobs: Iterable<Uint8Array>): RoaringBitmap32 {
  const all = new RoaringBitmap32();
  for (const blob of blobs) {
    const bitmap = RoaringBitmap32.deserialize('portable', blob);
    try {
      all.orInPlace(bitmap);
    } finally {
      bitmap.dispose();
    }
  }
  return all;
}

/** Distinct devices of the union of these bitmaps. */
export function distinctCount(blobs: Iterable<Uint8Array>): number {
  const all = union(blobs);
  try {
    return all.size;
  } finally {
    all.dispose();
  }
}

/** Per value, distinct devices of the union of its bitmaps (rows of any days), by value. */
export function distinctByValue(
  rows: Iterable<{ value: string; devices: Uint8Array }>,
): Array<{ value: string; active: number }> {
  const byValue = new Map<string, Uint8Array[]>();
  for (const r of rows) {
    const list = byValue.get(r.value);
    if (list) list.push(r.devices);
    else byValue.set(r.value, [r.devices]);
  }
  return [...byValue]
    .map(([value, blobs]) => ({ value, active: distinctCount(blobs) }))
    .filter((r) => r.active > 0)
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The days whose '' bitmaps the retention cells of `day` read: the day, and each offset before and after it. */
export function retentionDays(day: string): string[] {
  return [...new Set([day, ...touchedCells(day).flatMap((c) => [c.cohortDay, c.laterDay])])].sort();
}

/**
 * The retention cells a day touches (ADR 0010: cohort day = `day`, and `day` as the later day of earlier cohorts),
 * counted from the '' bitmaps of `retentionDays(day)`; a cell with no device counts 0 (the store deletes it).
 */
export function retentionCells(
  day: string,
  bitmaps: ReadonlyMap<string, { devices: Uint8Array; fresh: Uint8Array | null }>,
): RetentionCell[] {
  const open = new Map<string, { devices: RoaringBitmap32; fresh: RoaringBitmap32 }>();
  const load = (d: string) => {
    let b = open.get(d);
    if (b) return b;
    const stored = bitmaps.get(d);
    if (!stored) return undefined;
    b = {
      devices: RoaringBitmap32.deserialize('portable', stored.devices),
      fresh: stored.fresh ? RoaringBitmap32.deserialize('portable', stored.fresh) : new RoaringBitmap32(),
    };
    open.set(d, b);
    return b;
  };
  try {
    return touchedCells(day).map(({ cohortDay, offset, laterDay }) => {
      const cohort = load(cohortDay);
      const later = load(laterDay);
      if (!cohort || !later) return { cohortDay, offset, active: 0, fresh: 0 };
      return {
        cohortDay,
        offset,
        active: cohort.devices.andCardinality(later.devices),
        fresh: cohort.fresh.andCardinality(later.devices),
      };
    });
  } finally {
    for (const b of open.values()) {
      b.devices.dispose();
      b.fresh.dispose();
    }
  }
}
