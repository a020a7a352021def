// Lexicon entries and rule patterns go through the same normaliser as posts, so both sides agree on what
// "b1tch", "ｆｕｃｋ" or "slot88" read as.
import { normalizeText, tokenText } from './normalizeText';

/** The normalised words of a pattern ("Dasar  Tolol!" -> ["dasar", "tolol"]; "f u c k" -> ["fuck"]). */
export function normalizeTerm(pattern: string): string[] {
  const norm = normalizeText(pattern);
  const words: string[] = [];
  for (let t = 0; t < norm.wordCount; t++) {
    const token = norm.tokens[t];
    if (token !== undefined) words.push(tokenText(norm, token));
  }
  // A pattern spelled out letter by letter is one word.
  const run = norm.tokens[norm.wordCount];
  if (run !== undefined && norm.tokens.length === norm.wordCount + 1 && run.to - run.from === norm.wordCount) {
    return [tokenText(norm, run)];
  }
  return words;
}
