// Spellings people use to slip past a list, generated from each strong or severe word instead of being
// listed by hand:
// - a dropped vowel ("bjingan", "kontl", "asshle"), for words of six letters or more only, because shorter
//   words lose too much ("tolol" -> "toll", "penis" -> "pens");
// - the consonant skeleton ("kntl", "gblk", "jnck", "btch"), kept only at four letters or more so chat
//   abbreviations such as "cnt", "whr", "tts" are never produced;
// - for Indonesian, the final consonant swapped the way it is spoken and texted (goblok/goblog/gobloq,
//   bangsat/bangsad, ngentot/ngentod, anjing/anjink).
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
// Generated spellings that are ordinary words in English or Indonesian (found by reviewing every
// generated spelling of the built-in lexicons): biatch -> batch, beaner -> bener ("right"), baner
// ("banner"), goatse -> goats, niiger -> niger, toket -> toked.
const ORDINARY_WORDS = new Set(['batch', 'bener', 'baner', 'goats', 'niger', 'toked']);
const FINAL_SWAPS: Readonly<Record<string, readonly string[]>> = {
  k: ['g', 'q'],
  g: ['k'],
  q: ['k', 'g'],
  t: ['d'],
  d: ['t'],
};

/** Extra spellings of one single-word term (never including the term itself). */
export function spellingVariants(term: string, lang: 'en' | 'id'): string[] {
  if (term.includes(' ')) return [];
  const bases = [term];
  if (lang === 'id' && term.length >= 4) {
    const last = term[term.length - 1] ?? '';
    for (const swap of FINAL_SWAPS[last] ?? []) bases.push(term.slice(0, -1) + swap);
  }
  const out = new Set<string>(bases);
  for (const base of bases) {
    for (const dropped of droppedVowels(base)) out.add(dropped);
    const skeleton = consonantSkeleton(base);
    if (skeleton.length >= 4) out.add(skeleton);
  }
  out.delete(term);
  return [...out].filter((spelling) => !ORDINARY_WORDS.has(spelling));
}

function droppedVowels(word: string): string[] {
  if (word.length < 6) return [];
  const out: string[] = [];
  for (let i = 1; i < word.length; i++) {
    if (VOWELS.has(word[i] ?? '')) out.push(word.slice(0, i) + word.slice(i + 1));
  }
  return out;
}

function consonantSkeleton(word: string): string {
  let out = word[0] ?? '';
  for (let i = 1; i < word.length; i++) if (!VOWELS.has(word[i] ?? '')) out += word[i];
  return out;
}
