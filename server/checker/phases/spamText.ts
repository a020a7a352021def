// Helper the link and mention phases share: entity spans across fields.
import type { FieldAnalysis } from '../analyze';
import type { Span } from '../normalize/links';

/** The field with the most spans of a kind, and those spans (for the reason's location). */
export function busiestField(
  fields: readonly FieldAnalysis[],
  pick: (field: FieldAnalysis) => readonly Span[],
): { field: FieldAnalysis; spans: readonly Span[]; total: number } | null {
  let best: { field: FieldAnalysis; spans: readonly Span[] } | null = null;
  let total = 0;
  for (const field of fields) {
    const spans = pick(field);
    total += spans.length;
    if (spans.length > 0 && (best === null || spans.length > best.spans.length)) best = { field, spans };
  }
  return best === null ? null : { ...best, total };
}
