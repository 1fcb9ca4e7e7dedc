import { BadUserInputError } from '@grove/platform';
import { bucketOf, inRollout, percentageCondition } from './bucket';
import { compileRule } from './rule.compiler';

const ids = Array.from({ length: 10_000 }, (_, i) => `device-${i.toString(36)}-${i}`);

describe('bucketOf', () => {
  it('is stable: the same salt and id always land in the same bucket', () => {
    for (const id of ids.slice(0, 100)) expect(bucketOf('release-1', id)).toBe(bucketOf('release-1', id));
    // Golden value: changing the hash would silently reshuffle every running gray cohort.
    expect(bucketOf('release-1', 'device-42')).toBe(GOLDEN_BUCKET);
  });

  it('returns buckets in [0, 99.99] with two decimals', () => {
    const buckets = ids.map((id) => bucketOf('s', id));
    const outOfRange = buckets.filter(
      (b) => b < 0 || b > 99.99 || Math.abs(b * 100 - Math.round(b * 100)) > 1e-9,
    );
    expect(outOfRange).toEqual([]);
    expect(Math.min(...buckets)).toBeLessThan(0.1);
    expect(Math.max(...buckets)).toBeGreaterThan(99.9);
  });

  it('spreads 10,000 ids evenly: 20% rollout selects 20% ± 1.5%, each decile 10% ± 1.5%', () => {
    const compiled = compileRule({ salt: 'release-7', match: percentageCondition(20) });
    const selected = ids.filter((id) => compiled.evaluate({ deviceId: id })).length;
    expect(Math.abs(selected / ids.length - 0.2)).toBeLessThanOrEqual(0.015);
    expect(ids.filter((id) => inRollout('release-7', id, 20)).length).toBe(selected);

    const deciles = new Array(10).fill(0);
    for (const id of ids) deciles[Math.floor(bucketOf('release-7', id) / 10)]++;
    for (const count of deciles) expect(Math.abs(count / ids.length - 0.1)).toBeLessThanOrEqual(0.015);
  });

  it('raising the percentage only adds devices (cohorts are nested)', () => {
    const at10 = new Set(ids.filter((id) => inRollout('r', id, 10)));
    const at30 = new Set(ids.filter((id) => inRollout('r', id, 30)));
    expect([...at10].filter((id) => !at30.has(id))).toEqual([]);
    expect(at30.size).toBeGreaterThan(at10.size);
  });

  it('different salts pick independent cohorts', () => {
    const a = new Set(ids.filter((id) => inRollout('release-a', id, 20)));
    const overlap = ids.filter((id) => a.has(id) && inRollout('release-b', id, 20)).length;
    expect(Math.abs(overlap / ids.length - 0.04)).toBeLessThanOrEqual(0.01); // 20% of 20%
  });
});

describe('percentageCondition', () => {
  it('maps a percentage to the inclusive bucket range', () => {
    expect(percentageCondition(20)).toEqual({
      field: 'percentage',
      op: 'range',
      value: { min: 0, max: 19.99 },
    });
    expect(percentageCondition(0.01).value).toEqual({ min: 0, max: 0 });
    expect(percentageCondition(100).value).toEqual({ min: 0, max: 99.99 });
    expect(percentageCondition(12.34).value).toEqual({ min: 0, max: 12.33 });
  });

  it.each([0, -1, 100.01, 12.345, Number.NaN])('refuses %p', (pct) => {
    expect(() => percentageCondition(pct)).toThrow(BadUserInputError);
  });
});

// sha256("release-1:device-42"), first 32 bits big-endian, mod 10,000, / 100 (checked with Python hashlib).
const GOLDEN_BUCKET = 24.19;
