// The duplicate fingerprint: folded letters and digits (case, accents, look-alikes, full-width folded as in
// normalisation), repeats squeezed, words separated by one space, stand-in symbols dropped. It is produced
// as a stream so a recent post can be compared against the new one without building its whole
// fingerprint: two different posts usually part ways within a few letters.
import { foldCodePoint } from '../normalize/fold';
import { classOf, DIGIT, LETTER, SYMBOL } from '../normalize/slots';

const SPACE = 32;

interface Scan {
  prev: number;
  pendingSpace: boolean;
  emit: (code: number) => boolean;
}

/** The fingerprint of a text ("PROMO   diskon besaaar!!" and "promo diskon besar" agree), or its first
 * `limit` characters: comparing short prefixes first keeps the common case (different posts) cheap. */
export function fingerprint(text: string, limit = Infinity): string {
  const codes: number[] = [];
  scan(text, (code) => {
    codes.push(code);
    return codes.length < limit;
  });
  let out = '';
  // Chunked: String.fromCharCode takes its codes as arguments.
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

/** True when `text` has exactly the fingerprint `expected`; stops at the first difference. */
export function hasFingerprint(text: string, expected: string): boolean {
  let k = 0;
  const complete = scan(text, (code) => code === expected.charCodeAt(k++));
  return complete && k === expected.length;
}

/** True when the fingerprint of `text` starts with `prefix`; stops at the first difference. */
export function startsWithFingerprint(text: string, prefix: string): boolean {
  let k = 0;
  let same = true;
  scan(text, (code) => {
    same = code === prefix.charCodeAt(k);
    k++;
    return same && k < prefix.length;
  });
  return same && k === prefix.length;
}

function scan(text: string, emit: (code: number) => boolean): boolean {
  const state: Scan = { prev: SPACE, pendingSpace: false, emit };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    if (cp < 128) {
      if (!take(state, cp >= 65 && cp <= 90 ? cp + 32 : cp)) return false;
      continue;
    }
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) if (!take(state, folded.charCodeAt(k))) return false;
  }
  return true;
}

function take(state: Scan, code: number): boolean {
  const kind = classOf(code);
  if (kind === LETTER || kind === DIGIT) {
    if (code === state.prev) return true;
    if (state.pendingSpace && !state.emit(SPACE)) return false;
    state.pendingSpace = false;
    state.prev = code;
    return state.emit(code);
  }
  // Separators end a word; stand-in symbols ($, @, !, *) vanish so "a$$hole" and "ahole" agree.
  if (kind === SYMBOL) return true;
  if (state.prev !== SPACE) state.pendingSpace = true;
  state.prev = SPACE;
  return true;
}
