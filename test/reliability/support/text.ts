// Post bodies that the checker publishes and never takes for copies of each other. Its duplicate phase compares
// fingerprints after leet folding and squeezing repeats, so "kabar 1" and "kabar 11" count as the same text;
// consonant-vowel syllables have no digits and no doubled letters.
const CONSONANTS = 'dfkmnprstw';
const VOWELS = 'aeiou';
let next = Math.floor(Math.random() * 1_000_000);

/** A made-up word of four syllables, different on every call in this process. */
export function distinctWord(): string {
  let n = next++;
  let word = '';
  for (let i = 0; i < 4; i++) {
    const digit = n % 50;
    n = Math.floor(n / 50);
    word += `${CONSONANTS[Math.floor(digit / 5)]}${VOWELS[digit % 5]}`;
  }
  return word;
}
