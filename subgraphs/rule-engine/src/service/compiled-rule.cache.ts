import { LRUCache } from 'lru-cache';
import { compileRule, type CompiledRule } from '../engine';

/**
 * Compiled rules by `<ruleId>:<version>`: a saved rule is immutable per version, so an entry never goes stale and
 * an edit simply misses the cache once. Bounded so many apps cannot grow it without limit.
 */
export class CompiledRuleCache {
  private readonly cache: LRUCache<string, CompiledRule>;

  constructor(max: number) {
    this.cache = new LRUCache({ max });
  }

  get(ruleId: string, version: number, ruleJson: string): CompiledRule {
    const key = `${ruleId}:${version}`;
    let compiled = this.cache.get(key);
    if (!compiled) {
      compiled = compileRule(JSON.parse(ruleJson));
      this.cache.set(key, compiled);
    }
    return compiled;
  }

  has(ruleId: string, version: number): boolean {
    return this.cache.has(`${ruleId}:${version}`);
  }
}
