// When may two neighbouring tokens be read as one word ("kon tol", "fu ck", "fu.ck", "bang-sat")? Only
// when one or two spaces, dots, dashes, underscores, tildes or asterisks separate them (an apostrophe
// never: who're, we're), and neither is a common short word: "go blok" or "to lol" are real words next to
// each other far more often than a split insult.
import type { NormalizedText } from '../normalize/normalizeText';
import type { Token } from '../normalize/tokens';
import { tokenText } from '../normalize/normalizeText';

const MAX_GAP = 2;
// space, tab, '.', '-', '_', '~', '*'
const JOINERS = new Set([32, 9, 46, 45, 95, 126, 42]);

// Short English and Indonesian function words (and chat fillers) that never start or end a split insult.
const STOPWORDS = new Set(
  (
    'a an as at be by do go he i if in is it me my no of oh ok on or so to up us we ya yg di ke ku mu se si sa ' +
    'pa bu tu the and for you lol aja sih dan itu ini ada apa kok deh nah lah kan gak ga nya dong'
  ).split(' '),
);

/** True when tokens `left` and `right` (neighbours in the text) may be joined into one word. */
export function mayJoin(norm: NormalizedText, left: Token, right: Token): boolean {
  if (left.split || right.split || left.opaque || right.opaque) return false;
  const last = norm.seq[left.to - 1] ?? 0;
  const first = norm.seq[right.from] ?? 0;
  if (first - last - 1 > MAX_GAP) return false;
  for (let s = last + 1; s < first; s++) if (!JOINERS.has(norm.code[s] ?? 0)) return false;
  return !STOPWORDS.has(tokenText(norm, left)) && !STOPWORDS.has(tokenText(norm, right));
}
