// Turns an automaton hit into an explained reason, mapping slot positions back to the original text.
import type { FieldAnalysis } from '../analyze';
import type { CompiledTerm } from '../compiledTypes';
import { VARIANT_CONFIDENCE } from '../defaults';
import type { Hit } from '../matcher/findHits';
import { slotEnd, slotStart } from '../normalize/slots';
import type { CheckReason } from '../types';

/** Original [start, end) of a hit. */
export function hitSpan(field: FieldAnalysis, hit: Hit): { start: number; end: number } {
  const { norm } = field;
  return { start: slotStart(norm, norm.seq[hit.first] ?? 0), end: slotEnd(norm, norm.seq[hit.last] ?? 0) };
}

/** The reason a lexicon or word/phrase-rule hit gives. */
export function reasonFromHit(field: FieldAnalysis, hit: Hit, term: CompiledTerm): CheckReason {
  const { start, end } = hitSpan(field, hit);
  const reason: CheckReason = {
    source: term.role === 'lexicon' ? 'lexicon' : 'rule',
    kind: term.role === 'lexicon' ? 'lexicon' : (term.ruleKind ?? 'word_rule'),
    field: field.field,
    match: field.text.slice(start, end),
    normalized: hit.normalized,
    entry: term.entry,
    score: round(term.score * (hit.joined ? VARIANT_CONFIDENCE : 1)),
    action: term.action,
    start,
    end,
  };
  if (term.ruleId !== undefined) reason.ruleId = term.ruleId;
  if (term.lang !== undefined) reason.lang = term.lang;
  if (term.severity !== undefined) reason.severity = term.severity;
  if (term.category !== undefined) reason.category = term.category;
  return reason;
}

/** Rounds a score to two decimals so reasons read cleanly. */
export function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
