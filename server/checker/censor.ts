// Masks the spans of reasons whose action is `censor`; every other character, spacing included, stays,
// so "f u c k" becomes "* * * *" and the post keeps its shape.
import type { CheckedField, CheckReason } from './types';

/** The field's text with censored spans masked, or null when nothing in it is censored. */
export function censorField(text: string, field: CheckedField, reasons: readonly CheckReason[]): string | null {
  if (reasons.length === 0) return null;
  const spans = reasons.filter((r) => r.field === field && r.action === 'censor' && r.end > r.start);
  if (spans.length === 0) return null;
  const masked = new Uint8Array(text.length);
  for (const span of spans) masked.fill(1, span.start, span.end);
  let out = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const char = text.slice(i, i + width);
    out += masked[i] === 1 && char.trim() !== '' ? '*' : char;
    i += width;
  }
  return out;
}
