import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import {
  EvaluationBudget,
  MAX_RULE_COST,
  compileRule,
  type CompiledRule,
  type RuleContext,
} from '@grove/rule-engine';

/**
 * `node -r @swc-node/register bench/gray-rules.ts`: evaluation time of the most expensive gray rules validation
 * accepts (issue 7 item 2), on adversarial 128-character values that match nothing, so every condition runs. Each
 * evaluation gets fresh random values (no help from RE2's DFA cache). Writes bench/results/gray-rules-<date>.json
 * and gray-rules-latest.md. The point is the bound: no accepted rule can take long, whatever the request sends.
 */
const EVALUATIONS = 3000;
const LENGTH = 128;

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const text = (alphabet: string) =>
  Array.from({ length: LENGTH }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
/** Random text ending in `tail`: the patterns below need no literal the prefilter could miss, so the automaton runs. */
const ending = (alphabet: string, tail: string) => text(alphabet).slice(0, LENGTH - tail.length) + tail;

const plain = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ field: 'userId', op: 'eq', value: `nobody-${i}` }));
const regexes = (pattern: string, n: number, field = 'deviceModel') =>
  Array.from({ length: n }, () => ({ field, op: 'regex', value: pattern }));
const spread = (nodes: unknown[]) => ({
  any: Array.from({ length: Math.ceil(nodes.length / 50) }, (_, i) => ({
    any: nodes.slice(i * 50, i * 50 + 50),
  })),
});

const CASES: Array<{ name: string; match: unknown; context: () => RuleContext }> = [
  {
    name: "the issue's pattern ^(\\w+\\s?)*$ x10 + 90 plain conditions",
    match: spread([...regexes('^(\\w+\\s?)*$', 10), ...plain(90)]),
    context: () => ({ deviceModel: ending('a ', '!'), userId: text('u') }),
  },
  {
    name: '2 regexes near the program size limit + 60 plain conditions',
    match: spread([...regexes('^(?:[a-z]?){120}(?:[a-z]{2}|b){10}$', 2), ...plain(60)]),
    context: () => ({ deviceModel: ending('abc', '!'), userId: text('u') }),
  },
  {
    name: '10 alternation-heavy regexes (DFA state blow-up) + 90 plain conditions',
    match: spread([...regexes('(?:a|b)*a(?:a|b){12}$', 10), ...plain(90)]),
    context: () => ({ deviceModel: ending('ab', 'b'.repeat(13)), userId: text('u') }),
  },
  {
    name: '10 regexes with a DFA blow-up, cost close to the budget + 70 plain conditions',
    match: spread([...regexes('(?:a|b)*a(?:a|b){40}$', 10), ...plain(70)]),
    context: () => ({ deviceModel: ending('ab', 'b'.repeat(41)), userId: text('u') }),
  },
];

function measure(compiled: CompiledRule, context: () => RuleContext) {
  const times: number[] = [];
  let exhausted = 0;
  for (let i = 0; i < 200; i++) compiled.evaluate(context()); // warm-up (JIT)
  for (let i = 0; i < EVALUATIONS; i++) {
    const ctx = context();
    const budget = new EvaluationBudget();
    const start = process.hrtime.bigint();
    compiled.evaluate(ctx, budget);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (budget.exhausted) exhausted++;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return {
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: times[times.length - 1],
    exhausted,
  };
}

const results = CASES.map(({ name, match, context }) => {
  const compiled = compileRule({ salt: 'bench', match });
  return { name, cost: compiled.cost, maxCost: MAX_RULE_COST, ...measure(compiled, context) };
});

const round = (n: number) => Math.round(n * 1000) / 1000;
const md = [
  `# Gray rule evaluation, worst accepted rules (${new Date().toISOString()}, ${cpus().length} CPUs, Node ${process.version})`,
  '',
  `${EVALUATIONS} evaluations each after 200 warm-up ones, fresh adversarial ${LENGTH}-character values per evaluation; every condition runs (none matches).`,
  '',
  '| rule | cost / budget | mean ms | p50 ms | p99 ms | max ms |',
  '|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.cost} / ${r.maxCost} | ${round(r.meanMs)} | ${round(r.p50Ms)} | ${round(r.p99Ms)} | ${round(r.maxMs)} |`,
  ),
  '',
].join('\n');
const dir = join(__dirname, 'results');
mkdirSync(dir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19);
writeFileSync(join(dir, `gray-rules-${stamp}.json`), JSON.stringify(results, null, 2));
writeFileSync(join(dir, 'gray-rules-latest.md'), md);
process.stdout.write(md);
