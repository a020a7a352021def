// The built-in lexicons prepared once per process: each entry with the trie paths of its own spelling
// and of its generated variants. compileRuleSet only copies these into a community's automaton.
import { englishEntries } from './en';
import { INDONESIAN_ENTRIES } from './id';
import type { LexiconEntry } from './types';
import { spellingVariants } from './variants';

/** A lexicon entry with its language and generated spellings. */
export interface PreparedEntry extends LexiconEntry {
  lang: 'en' | 'id';
  variantSpellings: readonly string[];
}

let prepared: readonly PreparedEntry[] | null = null;

/** All built-in entries, English then Indonesian, prepared on first use. */
export function builtinEntries(): readonly PreparedEntry[] {
  prepared ??= [
    ...englishEntries().map((entry) => prepare(entry, 'en')),
    ...INDONESIAN_ENTRIES.map((entry) => prepare(entry, 'id')),
  ];
  return prepared;
}

function prepare(entry: LexiconEntry, lang: 'en' | 'id'): PreparedEntry {
  const wantsVariants = entry.variants ?? entry.severity !== 'mild';
  return { ...entry, lang, variantSpellings: wantsVariants ? spellingVariants(entry.term, lang) : [] };
}
