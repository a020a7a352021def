// The normaliser: original text -> folded slots with original offsets -> word tokens (with leetspeak
// readings) -> extra tokens for spaced-out letters. Matching never sees the original string again; every
// hit is mapped back through `start`/`end` to the span the member actually typed.
import { findEntities, NO_ENTITIES, type Span, type TextEntities } from './links';
import { buildSlots, slotStart, type Slots } from './slots';
import { findSplitRuns } from './splitRuns';
import { tokenize, type Token } from './tokens';

/** A normalised text: slots, tokens over them, and the links/addresses/mentions of the original. */
export interface NormalizedText extends Slots {
  source: string;
  /** Slot indices of each token, concatenated; a token is a [from, to) range of this array. */
  seq: number[];
  /** Word tokens in text order, then spaced-letter tokens. */
  tokens: Token[];
  /** tokens[0 .. wordCount) are the word tokens. */
  wordCount: number;
  entities: TextEntities;
}

/** Normalises one text for matching, keeping the offset map back to the original. */
export function normalizeText(text: string): NormalizedText {
  const slots = buildSlots(text);
  const entities = slots.entityHint ? findEntities(text) : NO_ENTITIES;
  markOpaque(slots, entities.links);
  markOpaque(slots, entities.emails);
  const seq: number[] = [];
  const words = tokenize(slots, seq);
  const runs = findSplitRuns(slots, seq, words);
  const tokens = runs.length === 0 ? words : words.concat(runs);
  // Fields listed one by one: an object spread here leaves V8 a slow dictionary-mode object, and every
  // property read in the matcher's hot loop pays for it (measured: 5x slower checks).
  return {
    count: slots.count,
    code: slots.code,
    alt: slots.alt,
    kind: slots.kind,
    start: slots.start,
    end: slots.end,
    opaque: slots.opaque,
    entityHint: slots.entityHint,
    source: text,
    seq,
    tokens,
    wordCount: words.length,
    entities,
  };
}

/** The normalised reading of a token (primary letters), e.g. "anjing" for "4nj1ng". */
export function tokenText(norm: NormalizedText, token: Token): string {
  let out = '';
  for (let i = token.from; i < token.to; i++) out += String.fromCharCode(norm.code[norm.seq[i] ?? 0] ?? 0);
  return out;
}

/** The whole text as the matcher reads it: word tokens joined by single spaces. */
export function normalizedString(norm: NormalizedText): string {
  const words: string[] = [];
  for (let t = 0; t < norm.wordCount; t++) {
    const token = norm.tokens[t];
    if (token !== undefined) words.push(tokenText(norm, token));
  }
  return words.join(' ');
}

// Spans come sorted from the entity scan, so one forward walk marks them.
function markOpaque(slots: Slots, spans: readonly Span[]): void {
  if (spans.length === 0) return;
  const opaque = slots.opaque ?? new Array<number>(slots.count).fill(0);
  slots.opaque = opaque;
  let s = 0;
  for (const span of spans) {
    while (s < slots.count && slotStart(slots, s) < span.start) s++;
    for (let k = s; k < slots.count && slotStart(slots, k) < span.end; k++) opaque[k] = 1;
  }
}
