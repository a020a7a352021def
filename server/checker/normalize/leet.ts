// Leetspeak readings of digits and symbols. A digit keeps itself as the last alternative so rules with
// digits ("slot88") still match; which tokens get these readings at all is decided in tokens.ts.

/** Sentinel alternative meaning "any letter" ('*' inside a word: f*ck, sh*t). */
export const WILDCARD = -1;

const LEET: Readonly<Record<string, string>> = {
  '0': 'o0',
  '1': 'il1',
  '3': 'e3',
  '4': 'a4',
  '5': 's5',
  '6': 'g6',
  '7': 't7',
  '8': 'b8',
  '9': 'g9',
  '!': 'il',
  '|': 'li',
  '+': 't',
  '@': 'a',
  '$': 's',
};

/** Reading of one leet character: the primary letter and up to two packed alternatives. */
export interface LeetReading {
  primary: number;
  alt: number;
}

const READINGS = new Map<number, LeetReading>(
  Object.entries(LEET).map(([char, letters]) => [char.charCodeAt(0), packReading(letters)] as const),
);

function packReading(letters: string): LeetReading {
  const alt1 = letters.length > 1 ? letters.charCodeAt(1) : 0;
  const alt2 = letters.length > 2 ? letters.charCodeAt(2) : 0;
  return { primary: letters.charCodeAt(0), alt: alt1 | (alt2 << 16) };
}

/** The leet reading of a character code, or undefined when it has none ('2' reads as itself). */
export function leetReading(code: number): LeetReading | undefined {
  return READINGS.get(code);
}

/** Letters that are also written for another letter: v for u (fvck, cvnt). */
export function letterAlternative(code: number): number {
  return code === 118 ? 117 : 0;
}
