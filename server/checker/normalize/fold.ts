// Per-code-point folding: NFKD (compatibility forms such as full-width and mathematical letters become
// plain letters, accents split off), combining marks and invisible format characters dropped, case folded,
// look-alike letters mapped to Latin. NFKD followed by mark stripping gives the same letters as NFKC plus
// diacritic stripping, in one step. Results are cached per code point: posts reuse few distinct characters.
import { CONFUSABLES } from './confusables';

const MARK_OR_FORMAT = /[\p{M}\p{Cf}]/u;
const MARKS = /\p{M}/gu;
// Hangul fillers and the braille blank render as nothing and are used to hide letters in plain sight.
const INVISIBLE = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800]);
const cache = new Map<number, string>();

/** Folded text for one code point: '' for invisible characters, usually one lower-case letter. */
export function foldCodePoint(cp: number): string {
  if (cp < 128) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  const cached = cache.get(cp);
  if (cached !== undefined) return cached;
  const folded = foldSlow(cp);
  cache.set(cp, folded);
  return folded;
}

/** True when the code point is a combining mark: it belongs to the letter before it. */
export function isCombiningMark(cp: number): boolean {
  return cp >= 0x300 && /\p{M}/u.test(String.fromCodePoint(cp));
}

function foldSlow(cp: number): string {
  const char = String.fromCodePoint(cp);
  if (INVISIBLE.has(cp) || MARK_OR_FORMAT.test(char)) return '';
  const direct = CONFUSABLES.get(cp) ?? enclosedLetter(cp);
  if (direct !== undefined) return direct;
  const decomposed = char.normalize('NFKD').replace(MARKS, '').toLowerCase();
  let out = '';
  for (const part of decomposed) {
    const code = part.codePointAt(0) ?? 0;
    out += CONFUSABLES.get(code) ?? part;
  }
  return out;
}

// Squared, negative circled and negative squared capitals (🄰, 🅐, 🅰) and regional indicators (🇦) have no
// decomposition but are read as letters: 🅵🆄🅲🅺.
const ENCLOSED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1f130, 0x1f149],
  [0x1f150, 0x1f169],
  [0x1f170, 0x1f189],
  [0x1f1e6, 0x1f1ff],
];

function enclosedLetter(cp: number): string | undefined {
  for (const [first, last] of ENCLOSED_RANGES) if (cp >= first && cp <= last) return String.fromCharCode(97 + cp - first);
  return undefined;
}
