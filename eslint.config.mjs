import { readdirSync, readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import boundaries (docs/architecture.md, "Boundaries"). Subgraphs share events and @grove/contracts, never code;
// packages are imported through their entry point only. Generated from subgraphs/ so a new subgraph is covered.
const subgraphs = readdirSync(new URL('./subgraphs/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    dir: entry.name,
    pkg: JSON.parse(readFileSync(new URL(`./subgraphs/${entry.name}/package.json`, import.meta.url), 'utf8'))
      .name,
  }));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const deepImports = (...allowed) => ({
  regex: `^${allowed.length > 0 ? `(?!(?:${allowed.map(escape).join('|')})$)` : ''}@grove/[^/]+/src(?:/.*)?$`,
  message: 'Import a @grove package through its entry point (add the export there), not its src/ files.',
});
const noSubgraphs = (except = []) => ({
  group: subgraphs.filter((s) => !except.includes(s.pkg)).flatMap((s) => [s.pkg, `${s.pkg}/**`]),
  message:
    'Subgraphs do not import each other (or get imported by shared packages): share events and @grove/contracts.',
});
// Flat config replaces, not merges, a rule's options per block: every block states its whole pattern list.
const restrictImports = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.filter((p) => p.regex || p.group.length > 0) }],
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'schema/generated/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    ignores: ['console/**'],
    // One program for the whole repository (the root tsconfig covers every linted file): with the project service each
    // workspace's tsconfig built its own program of nearly the whole monorepo, and lint outgrew Node's default heap.
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      // Configuration is read once, validated by zod: readProcessEnv() is the only reader (exception below).
      'no-process-env': 'error',
      ...restrictImports(deepImports()),
    },
  },
  { files: ['packages/platform/src/config/config-loader.ts'], rules: { 'no-process-env': 'off' } },
  // The web console: browser code (React, TSX) with its own program (DOM types, JSX); it reaches the platform only over
  // HTTP, so it imports no workspace package at all (the typed operations come from schema/generated).
  {
    files: ['console/**/*.ts', 'console/**/*.tsx'],
    languageOptions: {
      parserOptions: { project: ['./console/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      'no-process-env': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@grove/*'],
              message:
                'The console is a client of the supergraph: it imports no workspace package (use schema/generated and HTTP).',
            },
          ],
        },
      ],
    },
  },

  // A subgraph imports no other subgraph.
  ...subgraphs.map((s) => ({
    files: [`subgraphs/${s.dir}/**/*.ts`],
    rules: restrictImports(deepImports(), noSubgraphs([s.pkg])),
  })),
  // Shared packages sit below the subgraphs.
  {
    files: [
      'packages/platform/**/*.ts',
      'packages/contracts/**/*.ts',
      'packages/gray-rules/**/*.ts',
      'packages/testkit/**/*.ts',
      'packages/sdk-runtime/**/*.ts',
    ],
    rules: restrictImports(deepImports(), noSubgraphs()),
  },

  // Exceptions, each as narrow as it can be.
  // The runtime's tests run against the real owning modules (its test support builds them).
  {
    files: ['packages/sdk-runtime/src/sdk-runtime.test-support.ts'],
    rules: restrictImports(
      deepImports(),
      noSubgraphs(['@grove/app-manage', '@grove/domain', '@grove/rule-engine', '@grove/sdk']),
    ),
  },
  // The testkit hands platform's Redis probe (kept next to platform's own Redis suites) to other packages' tests.
  {
    files: ['packages/testkit/src/redis-probe.ts'],
    rules: restrictImports(deepImports('@grove/platform/src/cache/redis-probe.test-support'), noSubgraphs()),
  },
  // The runtime bench server (and the exposure bench) build their fixture from sdk-runtime's test support, which the package does not export.
  {
    files: ['bench/runtime-bench-server.ts', 'bench/runtime-exposures.ts'],
    rules: restrictImports(deepImports('@grove/sdk-runtime/src/runtime-bench.fixture')),
  },
);
