// Suffixes and particles that may follow a lexicon word inside the same token. Indonesian glues
// colloquial verb endings (-in, -an, -kan), possessives and pronouns (-nya, -mu, -ku, -lu, -lo) and
// particles (-lah, -kah, -sih, -dong, -tuh) onto insults: "anjingnya", "kontolmu", "bangsatlah",
// "goblokin". Listing them once is what lets the lexicon hold base words only. They are deliberately
// short and closed: "asu" + "ransi", "memek" + "ik", "cuk" + "up" (cukup) and "bego" + "nia" (begonia)
// are not suffixes, so those words stay clean. They stack only in their natural order (ending, then
// pronoun, then particle: "bangsatannya", "anjingnyalah"), never in any order ("bego" + "lo" + "kan").
const ENDINGS = ['an', 'in', 'kan'];
const PRONOUNS = ['nya', 'mu', 'ku', 'lu', 'lo', 'loe'];
const PARTICLES = ['lah', 'kah', 'tuh', 'nih', 'sih', 'deh', 'dong'];

// English inflections only; "-in" is left out so "cum" never reaches "cumin", "-y" so "cock" never
// reaches "cocky". Most inflected forms are in bad-words' list anyway.
const EN_SUFFIXES = ['s', 'es', 'ed', 'er', 'ers', 'ing', 'ings'];

// Each form also with its last letter doubled ("nyaa", "lahh"): the matcher only collapses letters
// written three or more times, so doubled ones must be listed.
function indonesianSuffixes(): ReadonlySet<string> {
  const set = new Set<string>();
  const add = (suffix: string): void => {
    set.add(suffix);
    set.add(suffix + suffix.slice(-1));
  };
  for (const single of [...ENDINGS, ...PRONOUNS, ...PARTICLES]) add(single);
  for (const ending of ENDINGS) for (const next of [...PRONOUNS, ...PARTICLES]) add(ending + next);
  for (const pronoun of PRONOUNS) for (const particle of PARTICLES) add(pronoun + particle);
  return set;
}

/** Suffixes allowed after Indonesian lexicon words. */
export const INDONESIAN_SUFFIXES: ReadonlySet<string> = indonesianSuffixes();

/** Suffixes allowed after English lexicon words (no stacking, no doubling). */
export const ENGLISH_SUFFIXES: ReadonlySet<string> = new Set(EN_SUFFIXES);
