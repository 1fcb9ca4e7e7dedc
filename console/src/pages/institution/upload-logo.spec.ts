import { describe, expect, it } from 'vitest';
import { logoProblem } from './upload-logo';

describe('the logo checked before it is sent', () => {
  it('takes PNG, JPEG and WebP up to the limit', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp'])
      expect(logoProblem({ type, size: 1024 * 1024 })).toBeNull();
  });

  it('refuses other types, empty files and files over the limit, saying why', () => {
    expect(logoProblem({ type: 'image/gif', size: 10 })).toEqual({ key: 'inst.settings.logoType' });
    expect(logoProblem({ type: 'image/png', size: 0 })).toEqual({ key: 'inst.settings.logoEmpty' });
    expect(logoProblem({ type: 'image/png', size: 1024 * 1024 + 1 })).toEqual({
      key: 'inst.settings.logoTooLarge',
      values: { max: '1024 KB' },
    });
  });
});
