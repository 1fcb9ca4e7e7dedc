import { compileRule } from './rule.compiler';
import { inGrayAudience } from './gray-audience';

describe('inGrayAudience', () => {
  const ios = compileRule({ salt: 'audience', match: { field: 'platform', op: 'eq', value: 'IOS' } });
  const plan = (percentage: number) => ({ id: 'plan-1', percentage });

  it('needs the rule to match', () => {
    expect(inGrayAudience(ios, plan(100), { platform: 'ANDROID', deviceId: 'd1' })).toBe(false);
    expect(inGrayAudience(ios, plan(100), { platform: 'IOS', deviceId: 'd1' })).toBe(true);
  });

  it('below 100% needs a device or user id and picks a stable share of them', () => {
    expect(inGrayAudience(ios, plan(50), { platform: 'IOS' })).toBe(false);
    const chosen = Array.from({ length: 2000 }, (_, i) =>
      inGrayAudience(ios, plan(20), { platform: 'IOS', deviceId: `device-${i}` }),
    );
    const share = chosen.filter(Boolean).length / chosen.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
    // Same answer every time, and the user id stands in for a missing device id.
    expect(
      Array.from({ length: 2000 }, (_, i) =>
        inGrayAudience(ios, plan(20), { platform: 'IOS', deviceId: `device-${i}` }),
      ),
    ).toEqual(chosen);
    expect(inGrayAudience(ios, plan(20), { platform: 'IOS', userId: 'device-7' })).toBe(chosen[7]);
  });

  it('keeps earlier devices when the percentage is raised, and gives each plan its own cohort', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `device-${i}`);
    const at = (p: { id: string; percentage: number }) =>
      ids.filter((deviceId) => inGrayAudience(ios, p, { platform: 'IOS', deviceId }));
    const twenty = at(plan(20));
    expect(at(plan(50))).toEqual(expect.arrayContaining(twenty));
    expect(at({ id: 'plan-2', percentage: 20 })).not.toEqual(twenty);
  });
});
