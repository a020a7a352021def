// The built-in English and Indonesian lexicons. Hits are dropped when an allow rule covers them, when
// they sit inside a link or an e-mail address, or when a neighbouring word makes an animal word literal
// ("anjing laut", "daging babi"). Of overlapping hits the most specific one is kept ("fucking" over
// "fuck", "bullshit" over "shit") so one word gives one reason.
import type { FieldAnalysis } from '../analyze';
import type { CompiledRuleSet, CompiledTerm } from '../compiledTypes';
import type { Hit } from '../matcher/findHits';
import { tokenText } from '../normalize/normalizeText';
import type { CheckReason } from '../types';
import { hitSpan, reasonFromHit } from './hitReason';
import { isLiteralUse } from './literalUse';
import type { Phase } from './types';

const SEVERITY_RANK = { mild: 1, strong: 2, severe: 3 } as const;

/** Reports lexicon hits, one per word. */
export const lexiconPhase: Phase = {
  name: 'lexicon',
  run(ctx) {
    const reasons: CheckReason[] = [];
    for (const field of ctx.fields) reasons.push(...fieldReasons(field, ctx.compiled));
    return reasons;
  },
};

function fieldReasons(field: FieldAnalysis, compiled: CompiledRuleSet): CheckReason[] {
  if (field.hits.length === 0) return [];
  const allowed = field.hits
    .filter((hit) => compiled.terms[hit.term]?.role === 'allow')
    .map((hit) => hitSpan(field, hit));
  const reasons: CheckReason[] = [];
  for (const hit of field.hits) {
    const term = compiled.terms[hit.term];
    if (term?.role !== 'lexicon' || !isReportable(field, hit, term, compiled)) continue;
    const reason = reasonFromHit(field, hit, term);
    if (!allowed.some((span) => span.start <= reason.start && reason.end <= span.end)) reasons.push(reason);
  }
  return mostSpecific(reasons);
}

function isReportable(field: FieldAnalysis, hit: Hit, term: CompiledTerm, compiled: CompiledRuleSet): boolean {
  const token = field.norm.tokens[hit.token];
  if (token === undefined || token.opaque) return false;
  if (compiled.allowWords.size > 0 && compiled.allowWords.has(tokenText(field.norm, token))) return false;
  return term.literal === null || !isLiteralUse(field, hit.token, term.literal);
}

// Sorted by start, longest first: a hit inside a kept one is dropped unless it is more severe.
function mostSpecific(reasons: CheckReason[]): CheckReason[] {
  if (reasons.length < 2) return reasons;
  reasons.sort(
    (a, b) => a.start - b.start || b.end - a.end || rank(b) - rank(a) || b.score - a.score || b.entry.length - a.entry.length,
  );
  const kept: CheckReason[] = [];
  for (const reason of reasons) {
    const container = kept.find((k) => k.start <= reason.start && reason.end <= k.end);
    if (container === undefined || rank(reason) > rank(container)) kept.push(reason);
  }
  return kept;
}

function rank(reason: CheckReason): number {
  return reason.severity === undefined ? 0 : SEVERITY_RANK[reason.severity];
}
