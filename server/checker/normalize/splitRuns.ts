// Pass 4 of normalisation: letters written apart ("f u c k", "F.U.C.K", "k-o-n-t-o-l", "B U L L S H I T",
// "f u ck") are joined into one extra token. A run needs three or more pieces, each one or two characters
// long, at least half of them (and at least two) single characters, so ordinary short words ("di ke ya",
// "is it ok") never form one. The joined token's word boundaries are unknown, so the matcher lets
// matches start and end anywhere inside it; runs with two-letter pieces only yield terms of four letters
// or more, since short words side by side spell three-letter ones by chance.
import { DIGIT, isOpaque, LETTER, NEWLINE, type Slots } from './slots';
import { setLeet, type Token } from './tokens';

const MAX_GAP = 3;
const MIN_RUN = 3;
const MAX_PIECE = 2;

/** Adds one split token per run of spaced short pieces; returns the new tokens. */
export function findSplitRuns(slots: Slots, seq: number[], words: readonly Token[]): Token[] {
  const runs: Token[] = [];
  let runStart = -1;
  for (let t = 0; t <= words.length; t++) {
    const word = words[t];
    const piece = word !== undefined && isPiece(slots, seq, word);
    const continues = piece && runStart >= 0 && closeEnough(slots, seq, words[t - 1], word);
    if (continues) continue;
    if (runStart >= 0 && t - runStart >= MIN_RUN) addRun(slots, seq, words.slice(runStart, t), runs);
    runStart = piece ? t : -1;
  }
  return runs;
}

function isPiece(slots: Slots, seq: readonly number[], word: Token): boolean {
  return word.to - word.from <= MAX_PIECE && !isOpaque(slots, seq[word.from] ?? 0);
}

function closeEnough(slots: Slots, seq: readonly number[], prev: Token | undefined, next: Token | undefined): boolean {
  if (prev === undefined || next === undefined) return false;
  const last = seq[prev.to - 1] ?? 0;
  const first = seq[next.from] ?? 0;
  if (first - last - 1 > MAX_GAP) return false;
  for (let s = last + 1; s < first; s++) if (slots.kind[s] === NEWLINE) return false;
  return true;
}

function addRun(slots: Slots, seq: number[], members: readonly Token[], runs: Token[]): void {
  if (members.length < MIN_RUN) return;
  const isSingle = (m: Token): boolean => m.to - m.from === 1;
  const singles = members.filter(isSingle).length;
  if (singles < 2 || singles * 2 < members.length) return;
  if (singles === members.length) {
    pushRun(slots, seq, members, { runs, minMatch: 3 });
    return;
  }
  pushRun(slots, seq, members, { runs, minMatch: 4 });
  // Single letters inside a mixed run still spell short words on their own: "a s s is" -> "ass".
  let from = 0;
  for (let i = 0; i <= members.length; i++) {
    const member = members[i];
    if (member !== undefined && isSingle(member)) continue;
    if (i - from >= MIN_RUN) pushRun(slots, seq, members.slice(from, i), { runs, minMatch: 3 });
    from = i + 1;
  }
}

function pushRun(slots: Slots, seq: number[], members: readonly Token[], out: { runs: Token[]; minMatch: number }): void {
  const memberSlots = members.flatMap((m) => seq.slice(m.from, m.to));
  // "1 2 3" or "$ 5 0" is a list or a price, not a spelled-out word.
  if (memberSlots.filter((s) => slots.kind[s] === LETTER).length < 2) return;
  for (const s of memberSlots) if (slots.kind[s] === DIGIT && slots.alt[s] === 0) setLeet(slots, s);
  out.runs.push({ from: seq.length, to: seq.length + memberSlots.length, split: true, lead: false, opaque: false, minMatch: out.minMatch });
  seq.push(...memberSlots);
}
