// Work shared by all phases, done once per field before the phases run: normalisation and one walk of
// the rule set's automaton. Phases then only filter and explain.
import type { CompiledRuleSet } from './compiledTypes';
import { findHits, type Hit } from './matcher/findHits';
import { normalizeText, type NormalizedText } from './normalize/normalizeText';
import type { CheckedField } from './types';

/** One field of the post, normalised and matched. */
export interface FieldAnalysis {
  field: CheckedField;
  text: string;
  norm: NormalizedText;
  hits: readonly Hit[];
}

/** Normalises a field and finds every lexicon and rule term in it. */
export function analyzeField(field: CheckedField, text: string, compiled: CompiledRuleSet): FieldAnalysis {
  const norm = normalizeText(text);
  return { field, text, norm, hits: findHits(norm, compiled.root, compiled.terms) };
}
