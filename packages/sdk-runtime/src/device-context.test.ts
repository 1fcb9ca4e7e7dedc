import { silentLogger } from '@grove/platform';
import {
  MAX_CUSTOM_KEYS,
  MAX_CUSTOM_VALUE_LENGTH,
  MAX_DEVICE_VALUE_LENGTH,
  deviceContextOf,
} from './device-context';
import { GrayPlanEvaluator } from './gray-plan.evaluator';

describe('deviceContextOf', () => {
  it('reads device fields from the query first, then from x- headers, trimmed', () => {
    expect(
      deviceContextOf(
        { deviceModel: ' iPhone15,2 ' },
        { 'x-device-model': 'Pixel 8', 'x-os-version': '17.4' },
      ),
    ).toEqual({
      deviceModel: 'iPhone15,2',
      osVersion: '17.4',
    });
  });

  it(`leaves out device values longer than ${MAX_DEVICE_VALUE_LENGTH} characters, as if they were not sent`, () => {
    const atCap = 'm'.repeat(MAX_DEVICE_VALUE_LENGTH);
    const overCap = `${atCap}m`;
    expect(deviceContextOf({}, { 'x-device-model': atCap }).deviceModel).toBe(atCap);
    expect(
      deviceContextOf({}, { 'x-device-model': overCap, 'x-os-version': overCap, 'x-user-id': overCap }),
    ).toEqual({});
    expect(deviceContextOf({ deviceModel: overCap }, {})).toEqual({});
  });

  it(`caps custom values at ${MAX_CUSTOM_VALUE_LENGTH} characters and custom keys at ${MAX_CUSTOM_KEYS}`, () => {
    const headers: Record<string, string> = {
      'x-custom-long': 'v'.repeat(MAX_CUSTOM_VALUE_LENGTH + 1),
      'x-custom-fits': 'v'.repeat(MAX_CUSTOM_VALUE_LENGTH),
    };
    for (let i = 0; i < MAX_CUSTOM_KEYS + 10; i++) headers[`x-custom-k${i}`] = `${i}`;
    const custom = deviceContextOf({}, headers).custom!;
    expect(custom.long).toBeUndefined();
    expect(custom.fits).toHaveLength(MAX_CUSTOM_VALUE_LENGTH);
    expect(Object.keys(custom)).toHaveLength(MAX_CUSTOM_KEYS);
  });

  it('ignores custom keys outside the key pattern, and non-string values', () => {
    expect(
      deviceContextOf(
        { 'custom.ok': 'a', 'custom.bad key': 'b', 'custom.x': ['1', '2'] },
        { [`x-custom-${'k'.repeat(65)}`]: 'c' },
      ),
    ).toEqual({ custom: { ok: 'a' } });
  });

  it('never lets an oversized header reach a rule regex', () => {
    const evaluator = new GrayPlanEvaluator(silentLogger());
    const anyValue = (field: string) => ({
      planId: 'p',
      state: 'ACTIVE',
      percentage: 100,
      grayVersionId: 'v',
      rule: { id: field, version: 1, definition: { salt: 's', match: { field, op: 'regex', value: '.*' } } },
    });
    expect(
      evaluator.matches(
        anyValue('deviceModel'),
        deviceContextOf({}, { 'x-device-model': 'a'.repeat(MAX_DEVICE_VALUE_LENGTH) }),
      ),
    ).toBe(true);
    expect(
      evaluator.matches(
        anyValue('deviceModel'),
        deviceContextOf({}, { 'x-device-model': 'a'.repeat(10_000) }),
      ),
    ).toBe(false);
    expect(
      evaluator.matches(
        anyValue('custom.note'),
        deviceContextOf({}, { 'x-custom-note': 'a'.repeat(10_000) }),
      ),
    ).toBe(false);
  });
});
