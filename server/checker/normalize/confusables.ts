// Look-alike letters folded to the Latin letter they imitate. Keys are code points as written (upper and
// lower case both listed, since e.g. Greek capital Eta looks like H but its lower case looks like n).
// Only letters that are used to dodge filters are here; NFKD already handles full-width and
// mathematical letters (ｆ, 𝐟) and accents.
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Cyrillic capitals
  ['А', 'a'], ['В', 'b'], ['Е', 'e'], ['Ё', 'e'], ['З', '3'], ['І', 'i'], ['Ї', 'i'], ['Ј', 'j'], ['К', 'k'],
  ['М', 'm'], ['Н', 'h'], ['О', 'o'], ['Р', 'p'], ['С', 'c'], ['Ѕ', 's'], ['Т', 't'], ['У', 'y'], ['Х', 'x'],
  ['Ү', 'y'], ['Һ', 'h'], ['Ԁ', 'd'], ['Ԛ', 'q'], ['Ԝ', 'w'], ['Ӏ', 'l'],
  // Cyrillic small letters
  ['а', 'a'], ['в', 'b'], ['г', 'r'], ['е', 'e'], ['ё', 'e'], ['з', '3'], ['і', 'i'], ['ї', 'i'], ['ј', 'j'],
  ['к', 'k'], ['м', 'm'], ['н', 'h'], ['о', 'o'], ['п', 'n'], ['р', 'p'], ['с', 'c'], ['ѕ', 's'], ['т', 't'],
  ['у', 'y'], ['х', 'x'], ['ь', 'b'], ['ү', 'y'], ['һ', 'h'], ['ԁ', 'd'], ['ԛ', 'q'], ['ԝ', 'w'], ['ӏ', 'l'],
  // Greek capitals
  ['Α', 'a'], ['Β', 'b'], ['Ε', 'e'], ['Ζ', 'z'], ['Η', 'h'], ['Ι', 'i'], ['Κ', 'k'], ['Μ', 'm'], ['Ν', 'n'],
  ['Ο', 'o'], ['Ρ', 'p'], ['Τ', 't'], ['Υ', 'y'], ['Χ', 'x'],
  // Greek small letters
  ['α', 'a'], ['β', 'b'], ['γ', 'y'], ['ε', 'e'], ['η', 'n'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'], ['ο', 'o'],
  ['ρ', 'p'], ['σ', 'o'], ['ς', 'c'], ['τ', 't'], ['υ', 'u'], ['χ', 'x'], ['ω', 'w'],
  // Latin letters without a decomposition, IPA and small capitals
  ['ı', 'i'], ['ȷ', 'j'], ['ł', 'l'], ['Ł', 'l'], ['ø', 'o'], ['Ø', 'o'], ['đ', 'd'], ['Đ', 'd'], ['ð', 'd'],
  ['ƒ', 'f'], ['ß', 'ss'], ['æ', 'ae'], ['Æ', 'ae'], ['œ', 'oe'], ['Œ', 'oe'], ['ɑ', 'a'], ['ɡ', 'g'],
  ['ɩ', 'i'], ['ʀ', 'r'], ['ᴀ', 'a'], ['ʙ', 'b'], ['ᴄ', 'c'], ['ᴅ', 'd'], ['ᴇ', 'e'], ['ɢ', 'g'], ['ʜ', 'h'],
  ['ɪ', 'i'], ['ᴊ', 'j'], ['ᴋ', 'k'], ['ʟ', 'l'], ['ᴍ', 'm'], ['ɴ', 'n'], ['ᴏ', 'o'], ['ᴘ', 'p'], ['ꜱ', 's'],
  ['ᴛ', 't'], ['ᴜ', 'u'], ['ᴠ', 'v'], ['ᴡ', 'w'], ['ʏ', 'y'], ['ᴢ', 'z'],
  // Armenian letters that pass for Latin ones
  ['ս', 'u'], ['օ', 'o'], ['հ', 'h'], ['ո', 'n'], ['ց', 'g'], ['ք', 'p'],
  // Symbols that stand in for letters and survive NFKD
  ['€', 'e'], ['¡', '!'], ['×', 'x'],
];

/** Code point -> folded Latin text for look-alike characters. */
export const CONFUSABLES: ReadonlyMap<number, string> = new Map(
  PAIRS.map(([from, to]) => [from.codePointAt(0) ?? 0, to] as const),
);
