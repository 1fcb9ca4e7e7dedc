import { parseVersion } from './version';

describe('parseVersion', () => {
  it.each([
    ['14', '14.0.0'],
    ['17.4', '17.4.0'],
    ['v2.1.3', '2.1.3'],
    [' 3.0.0-beta.1 ', '3.0.0-beta.1'],
    ['1.2-rc.1', '1.2.0-rc.1'],
    ['1.2.3+build.5', '1.2.3'],
  ])('%p -> %p', (input, expected) => expect(parseVersion(input)?.version).toBe(expected));

  it.each(['', 'latest', '1.2.3.4', '01.2', '1..2', 'x1.2', '1.2.3-', '9'.repeat(70)])(
    'refuses %p',
    (input) => {
      expect(parseVersion(input)).toBeNull();
    },
  );
});
