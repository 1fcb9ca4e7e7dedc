import type { DistributionKind } from '../store/analytics-store.port';

/** One bucket of a distribution: `min` to `max` inclusive (`max` null: no upper bound), in the kind's unit. */
export interface BucketDefinition {
  key: string;
  min: number;
  max: number | null;
}

/**
 * FinClip's launch distributions. Stay is the launch's foreground time in whole seconds (floored), depth the pages it
 * showed; '0' holds launches that showed no page, so the buckets of a kind always add up to the launches.
 */
export const DISTRIBUTION_BUCKETS: Record<DistributionKind, readonly BucketDefinition[]> = {
  stay: [
    { key: '0-2s', min: 0, max: 2 },
    { key: '3-5s', min: 3, max: 5 },
    { key: '6-10s', min: 6, max: 10 },
    { key: '11-30s', min: 11, max: 30 },
    { key: '31-60s', min: 31, max: 60 },
    { key: '1-3min', min: 61, max: 180 },
    { key: '3-10min', min: 181, max: 600 },
    { key: '10-30min', min: 601, max: 1800 },
    { key: '>30min', min: 1801, max: null },
  ],
  depth: [
    { key: '0', min: 0, max: 0 },
    { key: '1', min: 1, max: 1 },
    { key: '2', min: 2, max: 2 },
    { key: '3', min: 3, max: 3 },
    { key: '4', min: 4, max: 4 },
    { key: '5', min: 5, max: 5 },
    { key: '6-10', min: 6, max: 10 },
    { key: '11-20', min: 11, max: 20 },
    { key: '>20', min: 21, max: null },
  ],
};

/** The bucket key a launch falls in: stay in milliseconds, depth in pages. */
export function bucketKey(kind: DistributionKind, value: number): string {
  const unit = kind === 'stay' ? Math.floor(Math.max(0, value) / 1000) : value;
  const found = DISTRIBUTION_BUCKETS[kind].find((b) => unit >= b.min && (b.max === null || unit <= b.max));
  return found!.key;
}
