import { describe, expect, it } from 'vitest';
import { compileRuleSet, createRuleSetCache, getCompiledRuleSet, mostSevere } from '../../server/checker/index';

describe('rule set cache', () => {
  it('compiles once per key and version', () => {
    const cache = createRuleSetCache(2);
    let builds = 0;
    const build = (version: number) => () => {
      builds++;
      return compileRuleSet({ version, rules: [] });
    };
    const first = cache.get('community-1', 1, build(1));
    expect(cache.get('community-1', 1, build(1))).toBe(first);
    expect(builds).toBe(1);
    expect(cache.get('community-1', 2, build(2))).not.toBe(first);
    expect(builds).toBe(2);
  });

  it('evicts the least recently used community', () => {
    const cache = createRuleSetCache(2);
    let builds = 0;
    const build = () => {
      builds++;
      return compileRuleSet({ version: 1, rules: [] });
    };
    cache.get('a', 1, build);
    cache.get('b', 1, build);
    cache.get('a', 1, build);
    cache.get('c', 1, build);
    expect(cache.size).toBe(2);
    cache.get('a', 1, build);
    expect(builds).toBe(3);
    cache.get('b', 1, build);
    expect(builds).toBe(4);
  });

  it('has a shared process-wide instance', () => {
    const compiled = getCompiledRuleSet('shared-test', 'v1', () => compileRuleSet({ version: 'v1', rules: [] }));
    expect(getCompiledRuleSet('shared-test', 'v1', () => compileRuleSet({ version: 'v1', rules: [] }))).toBe(compiled);
  });
});

describe('mostSevere', () => {
  it('orders block > hold > flag > censor > publish', () => {
    expect(mostSevere([])).toBe('publish');
    expect(mostSevere(['censor', 'flag'])).toBe('flag');
    expect(mostSevere(['hold', 'block', 'flag'])).toBe('block');
  });
});
