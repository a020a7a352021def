// "anjing", "babi", "monyet" and "asu" are insults and animals. The word before or after decides: "anjing
// laut", "daging babi", "seekor monyet", "anjing saya" are animals; "dasar anjing" is an insult whatever
// follows. Only a plain space may separate the words: "Anjing, itu ..." is an exclamation, not "that dog".
import type { FieldAnalysis } from '../analyze';
import type { LiteralContext } from '../compiledTypes';
import { tokenText } from '../normalize/normalizeText';
import { slotEnd, slotStart } from '../normalize/slots';

/** True when the token at `index` is used literally according to its neighbours. */
export function isLiteralUse(field: FieldAnalysis, index: number, literal: LiteralContext): boolean {
  const { norm } = field;
  if (index >= norm.wordCount) return false;
  const prev = index > 0 ? norm.tokens[index - 1] : undefined;
  const next = index + 1 < norm.wordCount ? norm.tokens[index + 1] : undefined;
  const prevWord = prev === undefined ? '' : tokenText(norm, prev);
  if (literal.insultBefore.has(prevWord)) return false;
  if (prev !== undefined && literal.before.has(prevWord) && spaceBetween(field, index - 1, index)) return true;
  return next !== undefined && literal.after.has(tokenText(norm, next)) && spaceBetween(field, index, index + 1);
}

function spaceBetween(field: FieldAnalysis, left: number, right: number): boolean {
  const { norm } = field;
  const a = norm.tokens[left];
  const b = norm.tokens[right];
  if (a === undefined || b === undefined) return false;
  const from = slotEnd(norm, norm.seq[a.to - 1] ?? 0);
  const to = slotStart(norm, norm.seq[b.from] ?? 0);
  return field.text.slice(from, to).trim() === '';
}
