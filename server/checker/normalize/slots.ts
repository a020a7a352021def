// Pass 1 of normalisation: the original text becomes "slots", one folded character each, with the span of
// the original text it came from. Invisible characters produce no slot; a combining mark widens the slot
// before it, so a reported span always covers everything the member typed for that letter.
import { foldCodePoint, isCombiningMark } from './fold';

// Slot classes: separators, letters (any script), digits, stand-in symbols (@ $ ! | + *), line breaks.
export const SEP = 0;
export const LETTER = 1;
export const DIGIT = 2;
export const SYMBOL = 3;
export const NEWLINE = 4;

/** Folded characters with their original spans and classes, in parallel arrays of `count` slots. Plain
 * arrays on purpose: typed arrays this small cost more to allocate than they save (measured 2.5x slower). */
export interface Slots {
  count: number;
  code: number[];
  /** Packed alternative readings (alt1 | alt2 << 16), WILDCARD, or 0; filled in by tokenisation. */
  alt: number[];
  kind: number[];
  /** Original offsets; null when the text is plain ASCII and slot i is simply text[i]. */
  start: number[] | null;
  end: number[] | null;
  /** 1 inside a link or an e-mail address; null when the text has none. */
  opaque: number[] | null;
  /** False when the text certainly holds no link, address or mention (no '@', '/', or dot inside a word). */
  entityHint: boolean;
}

/** Original start offset of slot s. */
export function slotStart(slots: Slots, s: number): number {
  return slots.start === null ? s : (slots.start[s] ?? 0);
}

/** Original end offset of slot s. */
export function slotEnd(slots: Slots, s: number): number {
  return slots.end === null ? s + 1 : (slots.end[s] ?? 0);
}

/** True when slot s lies inside a link or an e-mail address. */
export function isOpaque(slots: Slots, s: number): boolean {
  return slots.opaque !== null && slots.opaque[s] === 1;
}

const classCache = new Uint8Array(65536).fill(255);
const IS_LETTER = /\p{L}/u;

/** Class of a folded character code (SEP, LETTER, DIGIT, SYMBOL or NEWLINE). */
export function classOf(code: number): number {
  const cached = classCache[code] ?? 255;
  if (cached !== 255) return cached;
  const kind = computeClass(code);
  classCache[code] = kind;
  return kind;
}

function computeClass(code: number): number {
  if (code >= 97 && code <= 122) return LETTER;
  if (code >= 48 && code <= 57) return DIGIT;
  // The symbols that stand in for letters; '*' is a wildcard for one letter.
  if (code === 64 || code === 36 || code === 33 || code === 124 || code === 43 || code === 42) return SYMBOL;
  if (code === 10 || code === 13) return NEWLINE;
  if (code >= 128 && code < 0xd800 && IS_LETTER.test(String.fromCharCode(code))) return LETTER;
  return SEP;
}

const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => classOf(c));

/** Folds the original text into slots. */
export function buildSlots(text: string): Slots {
  const ascii = buildAsciiSlots(text);
  if (ascii !== null) return ascii;
  const start: number[] = [];
  const end: number[] = [];
  const slots: Slots = { count: 0, code: [], alt: [], kind: [], start, end, opaque: null, entityHint: true };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const folded = cp < 128 ? '' : foldCodePoint(cp);
    if (cp < 128) {
      pushSlot(slots, cp >= 65 && cp <= 90 ? cp + 32 : cp);
      start.push(i);
      end.push(i + 1);
    } else if (folded === '') {
      // Invisible: no slot. A combining mark widens the slot of the letter it belongs to.
      const last = slots.count - 1;
      if (last >= 0 && end[last] === i && isCombiningMark(cp)) end[last] = i + width;
    } else {
      for (let k = 0; k < folded.length; k++) {
        pushSlot(slots, folded.charCodeAt(k));
        start.push(i);
        end.push(i + width);
      }
    }
    i += width;
  }
  return slots;
}

// Most posts are plain ASCII: one slot per character and no offset arrays at all. The same loop notes
// whether a link scan is needed, and gives up (null) at the first non-ASCII character.
function buildAsciiSlots(text: string): Slots | null {
  const n = text.length;
  // Filled with push so the arrays stay packed (V8 reads packed arrays faster than pre-sized, holey ones).
  const code: number[] = [];
  const alt: number[] = [];
  const kind: number[] = [];
  let entityHint = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return null;
    const folded = c >= 65 && c <= 90 ? c + 32 : c;
    code.push(folded);
    alt.push(0);
    kind.push(ASCII_CLASS[folded] ?? SEP);
    if (c === 64 || c === 47 || (i >= 2 && text.charCodeAt(i - 1) === 46 && isWordKind(kind[i]) && isWordKind(kind[i - 2]))) {
      entityHint = true;
    }
  }
  return { count: n, code, alt, kind, start: null, end: null, opaque: null, entityHint };
}

function isWordKind(kind: number | undefined): boolean {
  return kind === LETTER || kind === DIGIT;
}

function pushSlot(slots: Slots, code: number): void {
  slots.code.push(code);
  slots.alt.push(0);
  slots.kind.push(classOf(code));
  slots.count++;
}
