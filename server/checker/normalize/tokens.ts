// Pass 3 of normalisation: runs of letters, digits and stand-in symbols become word tokens, and each
// token decides whether its digits and symbols are leetspeak. The decision is per token so ordinary
// numbers stay numbers: "5000", "jam 10", "10am", "covid19", "Galaxy A55" and hex ids keep their digits, while
// "4nj1ng", "b!tch", "a$$hole", "sh*t" and "5hit" read as letters.
import { leetReading, letterAlternative, WILDCARD } from './leet';
import { DIGIT, isOpaque, LETTER, SYMBOL, type Slots } from './slots';

/** A word: a range of `seq` (which lists slot indices), possibly led by an '@' that may stand for 'a'. */
export interface Token {
  from: number;
  to: number;
  /** A run of spaced single letters (f u c k): matches may start and end anywhere inside it. */
  split: boolean;
  /** The first slot is an '@': matching also starts after it, so "@budi" stays a mention. */
  lead: boolean;
  /** Inside a link or an e-mail address: rules may match, the lexicons do not. */
  opaque: boolean;
  /** Shortest term a split token may yield (0 for word tokens). */
  minMatch: number;
}

const AT = 64;
const DOLLAR = 36;
const STAR = 42;

/** Splits the slots into word tokens, filling in leet readings; appends slot indices to `seq`. */
export function tokenize(slots: Slots, seq: number[]): Token[] {
  const tokens: Token[] = [];
  const { kind } = slots;
  const n = slots.count;
  for (let i = 0; i < n; ) {
    const k = kind[i] ?? 0;
    if (k !== LETTER && k !== DIGIT && k !== SYMBOL) {
      i++;
      continue;
    }
    let j = i + 1;
    const opaque = isOpaque(slots, i);
    while (j < n && isWordish(kind[j] ?? 0) && isOpaque(slots, j) === opaque) j++;
    if (opaque) emitPlainRuns(slots, i, j, seq, tokens);
    else emitRun(slots, i, j, seq, tokens);
    i = j;
  }
  return tokens;
}

function keepsTrailing(slots: Slots, a: number, b: number): boolean {
  const c = slots.code[b - 1];
  return c === DOLLAR || (c === AT && b - 2 >= a && slots.kind[b - 2] === LETTER);
}

function isWordish(k: number): boolean {
  return k === LETTER || k === DIGIT || k === SYMBOL;
}

// Symbols at the edges are punctuation ("shit!", "*bold*", "(c)"), except '$' (a$$, $hit), a trailing
// '@' after letters, and a leading '@' that may be a mention or an 'a' (@sshole): both readings are tried.
function emitRun(slots: Slots, a: number, b: number, seq: number[], tokens: Token[]): void {
  const { kind, code } = slots;
  let lead = false;
  while (a < b && kind[a] === SYMBOL && code[a] !== DOLLAR) {
    if (code[a] === AT && a + 1 < b && kind[a + 1] !== SYMBOL) {
      lead = true;
      break;
    }
    a++;
  }
  // A trailing '$' or '@' after two letters reads as a letter too (a$$, nigg@); e-mail addresses never get
  // here, they are opaque.
  while (b > a && kind[b - 1] === SYMBOL && !keepsTrailing(slots, a, b)) b--;
  if (a >= b) return;
  let letters = 0;
  let digits = 0;
  for (let s = a; s < b; s++) {
    const k = kind[s];
    if (k === LETTER) letters++;
    else if (k === DIGIT) digits++;
  }
  if (letters === 0) {
    emitPlainRuns(slots, a, b, seq, tokens);
    return;
  }
  const digitsAreLeet = digits > 0 && readsDigitsAsLetters(kind, a, b, letters) && !looksHex(slots, a, b);
  for (let s = a; s < b; s++) applyReading(slots, s, digitsAreLeet);
  tokens.push({ from: seq.length, to: seq.length + (b - a), split: false, lead, opaque: false, minMatch: 0 });
  for (let s = a; s < b; s++) seq.push(s);
}

// Digits only at the end (A55, covid19, mp3), two or more only at the start (10am, 100rb) or one digit
// with one letter (5g, 4k) are numbers; anything else mixed with letters is leetspeak.
function readsDigitsAsLetters(kind: readonly number[], a: number, b: number, letters: number): boolean {
  let leading = 0;
  while (a + leading < b && kind[a + leading] === DIGIT) leading++;
  let trailing = 0;
  while (b - 1 - trailing >= a && kind[b - 1 - trailing] === DIGIT) trailing++;
  const interior = b - a - letters - leading - trailing;
  if (interior > 0 || (leading > 0 && trailing > 0)) return true;
  if (leading === 0) return trailing === 0;
  return leading === 1 && letters > 1;
}

// Hex identifiers, hashes and UUID chunks ("8ab1", "c0ffee42") are not words: "8ab1" is not "babi".
function looksHex(slots: Slots, a: number, b: number): boolean {
  for (let s = a; s < b; s++) {
    const c = slots.code[s] ?? 0;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function applyReading(slots: Slots, s: number, digitsAreLeet: boolean): void {
  const k = slots.kind[s];
  const c = slots.code[s] ?? 0;
  if (k === LETTER) {
    slots.alt[s] = letterAlternative(c);
  } else if (k === SYMBOL && c === STAR) {
    slots.alt[s] = WILDCARD;
  } else if (k === SYMBOL || digitsAreLeet) {
    setLeet(slots, s);
  }
}

/** Gives a digit or symbol slot its leet reading (used again for spaced runs: "b 1 t c h"). */
export function setLeet(slots: Slots, s: number): void {
  const reading = leetReading(slots.code[s] ?? 0);
  if (reading === undefined) return;
  slots.code[s] = reading.primary;
  slots.alt[s] = reading.alt;
}

// Links, addresses and runs without letters: plain letters and digits, symbols split them.
function emitPlainRuns(slots: Slots, a: number, b: number, seq: number[], tokens: Token[]): void {
  for (let s = a; s < b; ) {
    if (slots.kind[s] === SYMBOL) {
      s++;
      continue;
    }
    let e = s + 1;
    while (e < b && slots.kind[e] !== SYMBOL) e++;
    tokens.push({ from: seq.length, to: seq.length + (e - s), split: false, lead: false, opaque: isOpaque(slots, s), minMatch: 0 });
    for (let x = s; x < e; x++) seq.push(x);
    s = e;
  }
}
