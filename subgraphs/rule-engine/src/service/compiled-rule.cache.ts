import { LRUCache } from 'lru-cache';
import { BadUserInputError, type Logger } from '@grove/platform';
import { MATCHES_NOBODY, compileRule, type CompiledRule } from '../engine';

/**
 * Compiled rules by `<ruleId>:<version>`: a saved rule is immutable per version, so an entry never goes stale and
 * an edit simply misses the cache once. Bounded so many apps cannot grow it without limit. A stored rule the engine
 * no longer accepts (saved before a limit was tightened) matches nobody, as in the SDK runtime's GrayPlanEvaluator.
 */
export class CompiledRuleCache {
  private readonly cache: LRUCache<string, CompiledRule>;

  constructor(
    max: number,
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {
    this.cache = new LRUCache({ max });
  }

  get(ruleId: string, version: number, ruleJson: string): CompiledRule {
    const key = `${ruleId}:${version}`;
    let compiled = this.cache.get(key);
    if (!compiled) {
      try {
        compiled = compileRule(JSON.parse(ruleJson));
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        // Once per rule version (the refusal is cached): the owner must save the rule again under today's limits.
        this.logger?.warn(
          { ruleId, version, problem: error.message },
          'stored gray rule no longer compiles; it matches nobody',
        );
        compiled = MATCHES_NOBODY;
      }
      this.cache.set(key, compiled);
    }
    return compiled;
  }

  has(ruleId: string, version: number): boolean {
    return this.cache.has(`${ruleId}:${version}`);
  }
}
