import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_DESCRIPTIONS, envVariables, renderEnvExample, withEnvTable } from './env-reference';

const ROOT = join(__dirname, '..', '..');

describe('configuration reference', () => {
  it('describes every variable of every deployable schema', () => {
    const undocumented = envVariables()
      .filter((v) => !v.description)
      .map((v) => v.name);
    expect(undocumented).toEqual([]);
  });

  it('has no descriptions for variables no schema reads', () => {
    const known = new Set(envVariables().map((v) => v.name));
    expect(Object.keys(ENV_DESCRIPTIONS).filter((name) => !known.has(name))).toEqual([]);
  });

  it('keeps .env.example and the README table in step with the schemas (run `npm run env:docs`)', () => {
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8')).toBe(renderEnvExample());
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(withEnvTable(readme)).toBe(readme);
  });

  it('reads defaults from the schemas', () => {
    const byName = new Map(envVariables().map((v) => [v.name, v]));
    expect(byName.get('PORT')?.defaultValue).toBe('4000');
    expect(byName.get('DOCUMENTS_DRIVER')?.defaultValue).toBe('sqlite');
    expect(byName.get('MONGODB_URL')?.defaultValue).toBeUndefined();
  });
});
