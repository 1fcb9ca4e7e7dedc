import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderEnvExample, withEnvTable } from '../router/src/env-reference';

/** `npm run env:docs`: regenerates .env.example and the README configuration table from the zod schemas. */
const ROOT = resolve(__dirname, '..');
writeFileSync(join(ROOT, '.env.example'), renderEnvExample());
const readmePath = join(ROOT, 'README.md');
writeFileSync(readmePath, withEnvTable(readFileSync(readmePath, 'utf8')));
console.log('Wrote .env.example and the README configuration table.');
