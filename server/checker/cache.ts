// Compiled rule sets are cached per community and rule version, least recently used first out. A new
// rule version simply misses and replaces the old entry, so no explicit invalidation is needed.
import type { CompiledRuleSet } from './compiledTypes';

/** An LRU of compiled rule sets keyed by community id (or any stable key). */
export interface RuleSetCache {
  get(key: string, version: number | string, build: () => CompiledRuleSet): CompiledRuleSet;
  /** The cached set for key+version, or undefined (so callers load rules from storage only on a miss). */
  peek(key: string, version: number | string): CompiledRuleSet | undefined;
  readonly size: number;
  clear(): void;
}

/** Creates an LRU cache holding at most `maxEntries` compiled rule sets. */
export function createRuleSetCache(maxEntries = 256): RuleSetCache {
  const entries = new Map<string, CompiledRuleSet>();
  return {
    peek(key, version) {
      const cached = entries.get(key);
      return cached !== undefined && cached.version === version ? cached : undefined;
    },
    get(key, version, build) {
      const cached = entries.get(key);
      if (cached !== undefined && cached.version === version) {
        // Re-insert to mark as most recently used (Map keeps insertion order).
        entries.delete(key);
        entries.set(key, cached);
        return cached;
      }
      const compiled = build();
      entries.delete(key);
      entries.set(key, compiled);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      return compiled;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}

const shared = createRuleSetCache();

/** The process-wide cache: returns the compiled set for key+version, building it at most once. */
export function getCompiledRuleSet(key: string, version: number | string, build: () => CompiledRuleSet): CompiledRuleSet {
  return shared.get(key, version, build);
}
