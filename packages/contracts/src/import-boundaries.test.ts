import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * Lints in-memory snippets under the repository's eslint.config.mjs, as if they were files at the given paths.
 * In a child process: ESLint loads its flat config with import(), which Jest's module sandbox does not provide.
 * Type information is off (these rules do not need it), so the fixtures need not exist on disk.
 */
function ruleIdsFor(cases: { filePath: string; code: string }[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const eslint = new ESLint({
      cwd: ${JSON.stringify(ROOT)},
      overrideConfig: [{
        files: ['**/*.ts'],
        languageOptions: { parserOptions: { projectService: false, project: null } },
        rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
      }],
    });
    (async () => {
      const out = [];
      for (const c of JSON.parse(process.argv[1])) {
        const [result] = await eslint.lintText(c.code, { filePath: c.filePath });
        out.push(result.messages.map((m) => m.ruleId ?? m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr || run.error?.message}`);
  return JSON.parse(run.stdout) as string[][];
}

describe('import boundaries (eslint.config.mjs)', () => {
  it('refuses subgraph → subgraph, shared package → subgraph, deep imports and process.env; allows the listed exceptions', () => {
    const cases = [
      {
        name: 'subgraph → other subgraph',
        filePath: 'subgraphs/rule-engine/src/fixture.ts',
        code: "import { DomainMiniProgramModel } from '@grove/domain';\nexport const m = DomainMiniProgramModel;\n",
        expected: ['no-restricted-imports'],
      },
      {
        name: 'subgraph → itself',
        filePath: 'subgraphs/domain/src/fixture.ts',
        code: "import { DomainMiniProgramModel } from '@grove/domain';\nexport const m = DomainMiniProgramModel;\n",
        expected: [],
      },
      {
        name: 'subgraph → contracts',
        filePath: 'subgraphs/sdk/src/fixture.ts',
        code: "import { AppManageTopic } from '@grove/contracts';\nexport const t = AppManageTopic;\n",
        expected: [],
      },
      {
        name: 'new sdk-runtime file → subgraph',
        filePath: 'packages/sdk-runtime/src/fixture.ts',
        code: "import { SdkTopic } from '@grove/sdk';\nexport const t = SdkTopic;\n",
        expected: ['no-restricted-imports'],
      },
      {
        name: 'the runtime evaluates rules through @grove/gray-rules, not the subgraph',
        filePath: 'packages/sdk-runtime/src/gray-plan.evaluator.ts',
        code: "import { compileRule } from '@grove/rule-engine';\nexport const c = compileRule;\n",
        expected: ['no-restricted-imports'],
      },
      {
        name: 'shared package → shared package',
        filePath: 'packages/sdk-runtime/src/gray-plan.evaluator.ts',
        code: "import { compileRule } from '@grove/gray-rules';\nexport const c = compileRule;\n",
        expected: [],
      },
      {
        name: 'listed sdk-runtime exception: its test support builds the owning modules',
        filePath: 'packages/sdk-runtime/src/sdk-runtime.test-support.ts',
        code: "import { createRuleEngineSubgraph } from '@grove/rule-engine';\nexport const c = createRuleEngineSubgraph;\n",
        expected: [],
      },
      {
        name: 'contracts → subgraph',
        filePath: 'packages/contracts/src/fixture.ts',
        code: "import { AppManageTopic } from '@grove/app-manage';\nexport const t = AppManageTopic;\n",
        expected: ['no-restricted-imports'],
      },
      {
        name: 'deep import',
        filePath: 'router/src/fixture.ts',
        code: "import { BadUserInputError } from '@grove/platform/src/errors';\nexport const e = BadUserInputError;\n",
        expected: ['no-restricted-imports'],
      },
      {
        name: 'process.env outside the loader',
        filePath: 'subgraphs/app-manage/src/fixture.ts',
        code: 'export const port = process.env.PORT;\n',
        expected: ['no-process-env'],
      },
      {
        name: 'process.env in the loader',
        filePath: 'packages/platform/src/config/config-loader.ts',
        code: 'export const env = { ...process.env };\n',
        expected: [],
      },
    ];
    const results = ruleIdsFor(cases);
    expect(cases.map((c, i) => [c.name, results[i]])).toEqual(cases.map((c) => [c.name, c.expected]));
  }, 180_000);
});
