import type { AffixMode } from '../compiledTypes';
import type { LexiconCategory, Severity } from '../types';

/** One lexicon entry as curated data: a normalised term (letters; spaces between phrase words). */
export interface LexiconEntry {
  term: string;
  severity: Severity;
  category: LexiconCategory;
  /** Defaults: Indonesian entries take suffixes (-nya, -mu, -lah ...), English ones -s/-ed/-er/-ing. */
  affix?: AffixMode;
  /** Neighbouring words that make the word literal (animals: "anjing laut", "daging babi"). */
  literal?: { before?: readonly string[]; after?: readonly string[]; insultBefore?: readonly string[] };
  /** May be found written in two pieces ("kon tol", "fu ck"); only for words no two ordinary words spell. */
  join?: boolean;
  /** Generate dropped-vowel, consonant-skeleton and final-consonant spellings (default: strong and severe). */
  variants?: boolean;
}

/** A lexicon of one language. */
export interface Lexicon {
  lang: 'en' | 'id';
  entries: readonly LexiconEntry[];
}
