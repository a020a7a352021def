// Marks the matched spans (UTF-16 offsets into the original text) of one field.
import type { ReactNode } from 'react';
import type { ReasonView } from '../../../server/contracts/api';

export interface Span {
  start: number;
  end: number;
}

/** The sorted, merged spans of the reasons that point into `field` of a text of `length`. */
export function spansFor(reasons: readonly ReasonView[], field: string, length: number): Span[] {
  const spans = reasons
    .filter((r) => (r.field ?? 'body') === field && typeof r.start === 'number' && typeof r.end === 'number')
    .map((r) => ({ start: Math.max(0, r.start ?? 0), end: Math.min(length, r.end ?? 0) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The text with its matched spans in <mark>. */
export function HighlightedText({ text, reasons, field, testId }: { text: string; reasons: readonly ReasonView[]; field: string; testId?: string }) {
  const spans = spansFor(reasons, field, text.length);
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach((span, index) => {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={index} className="mod-match" data-testid="match-highlight">
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return (
    <p className="mod-text" data-testid={testId}>
      {parts}
    </p>
  );
}
