// The table of names the security tests and the unit tests share: what real people are called (accepted, with the
// form stored) and what only hides, blanks or reorders text (refused, with the reason). Not a test file itself.
import type { NameProblem } from '../../server/lib/names';

export interface AcceptedName {
  label: string;
  input: string;
  stored: string;
}

export interface RefusedName {
  label: string;
  input: string;
  reason: NameProblem;
}

export const ACCEPTED_NAMES: AcceptedName[] = [
  { label: 'a plain Indonesian name', input: 'Budi Santoso', stored: 'Budi Santoso' },
  { label: 'a single letter', input: 'A', stored: 'A' },
  { label: 'spaces around and inside, collapsed', input: '  Siti   Nurhaliza  ', stored: 'Siti Nurhaliza' },
  { label: 'a tab and a newline, as spaces', input: 'Budi\tSantoso\n', stored: 'Budi Santoso' },
  { label: 'no-break and ideographic spaces, as spaces', input: 'Made\u00A0Wirawan\u3000Putra', stored: 'Made Wirawan Putra' },
  { label: 'diacritics typed precomposed', input: 'Nguyễn Thị Minh Khai', stored: 'Nguyễn Thị Minh Khai' },
  { label: 'diacritics typed decomposed, stored as NFC', input: 'Nguye\u0302\u0303n Prame\u0301sti', stored: 'Nguy\u1EC5n Pram\u00E9sti' },
  { label: 'an apostrophe and a hyphen', input: "Dewi O'Neil-Ayu", stored: "Dewi O'Neil-Ayu" },
  { label: 'Arabic script (right to left)', input: 'محمد عبدالله', stored: 'محمد عبدالله' },
  { label: 'Arabic with Latin', input: 'Ahmad أحمد', stored: 'Ahmad أحمد' },
  { label: 'Hebrew with vowel points', input: 'שָׁלוֹם', stored: 'שָׁלוֹם'.normalize('NFC') },
  { label: 'Persian with a ZWNJ between letters', input: 'می\u200Cرود', stored: 'می\u200Cرود' },
  { label: 'Devanagari with a ZWJ after a virama', input: 'क्\u200Dष', stored: 'क्\u200Dष' },
  { label: 'Javanese script', input: 'ꦧꦸꦢꦶ', stored: 'ꦧꦸꦢꦶ' },
  { label: 'Korean', input: '김민준', stored: '김민준' },
  { label: 'Japanese', input: '山田 太郎', stored: '山田 太郎' },
  { label: 'an emoji family (ZWJ sequence)', input: '👨\u200D👩\u200D👧 Keluarga', stored: '👨\u200D👩\u200D👧 Keluarga' },
  { label: 'a rainbow flag (VS16 then ZWJ)', input: 'Pelangi 🏳\uFE0F\u200D🌈', stored: 'Pelangi 🏳\uFE0F\u200D🌈' },
  { label: 'a coder with a skin tone (ZWJ)', input: '🧑🏽\u200D💻 Rina', stored: '🧑🏽\u200D💻 Rina' },
  { label: 'a heart with VS16', input: 'Ani ❤\uFE0F', stored: 'Ani ❤\uFE0F' },
  { label: "England's flag (tag characters)", input: '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} Fan', stored: '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} Fan' },
  { label: 'only an emoji', input: '🦉', stored: '🦉' },
];

export const REFUSED_NAMES: RefusedName[] = [
  { label: 'empty', input: '', reason: 'blank' },
  { label: 'only spaces', input: '   ', reason: 'blank' },
  { label: 'only ideographic spaces', input: '\u3000\u3000', reason: 'blank' },
  { label: 'a zero-width space', input: '\u200B', reason: 'blank' },
  { label: 'zero-width space, non-joiner and joiner', input: '\u200B\u200C\u200D', reason: 'blank' },
  { label: 'a word joiner', input: '\u2060', reason: 'blank' },
  { label: 'a byte-order mark', input: '\uFEFF', reason: 'blank' },
  { label: 'the Mongolian vowel separator', input: '\u180E', reason: 'blank' },
  { label: 'the Hangul filler', input: '\u3164', reason: 'blank' },
  { label: 'the Hangul choseong filler', input: '\u115F\u115F', reason: 'blank' },
  { label: 'the halfwidth Hangul filler', input: '\uFFA0', reason: 'blank' },
  { label: 'combining marks alone', input: '\u0301\u0308', reason: 'blank' },
  { label: 'a variation selector alone', input: '\uFE0F', reason: 'blank' },
  { label: 'a soft hyphen', input: '\u00AD', reason: 'blank' },
  { label: 'the blank Braille cell', input: '\u2800', reason: 'blank' },
  { label: 'a right-to-left override', input: 'Budi\u202Etrela', reason: 'bidi_control' },
  { label: 'a left-to-right override', input: '\u202DBudi', reason: 'bidi_control' },
  { label: 'an embedding with its pop', input: '\u202BBudi\u202C', reason: 'bidi_control' },
  { label: 'a right-to-left isolate', input: '\u2067Budi\u2069', reason: 'bidi_control' },
  { label: 'a first-strong isolate', input: 'Budi\u2068', reason: 'bidi_control' },
  { label: 'a left-to-right mark', input: '\u200EBudi', reason: 'bidi_control' },
  { label: 'a right-to-left mark', input: 'محمد\u200F', reason: 'bidi_control' },
  { label: 'an Arabic letter mark', input: '\u061Cمحمد', reason: 'bidi_control' },
  { label: 'only a right-to-left override', input: '\u202E', reason: 'blank' },
  { label: 'a bell', input: 'Budi\u0007', reason: 'control' },
  { label: 'NUL', input: 'Bu\u0000di', reason: 'control' },
  { label: 'an escape sequence', input: '\u001B[31mBudi', reason: 'control' },
  { label: 'a C1 control', input: 'Budi\u009B', reason: 'control' },
  { label: 'DEL', input: 'Budi\u007F', reason: 'control' },
  { label: 'a zero-width space inside', input: 'ad\u200Bmin', reason: 'invisible_character' },
  { label: 'a zero-width space at the end', input: 'Budi\u200B', reason: 'invisible_character' },
  { label: 'a word joiner inside', input: 'Bu\u2060di', reason: 'invisible_character' },
  { label: 'a byte-order mark at the start', input: '\uFEFFBudi', reason: 'invisible_character' },
  { label: 'a Hangul filler inside', input: 'Bu\u3164di', reason: 'invisible_character' },
  { label: 'a soft hyphen inside', input: 'Bu\u00ADdi', reason: 'invisible_character' },
  { label: 'a blank Braille cell as a space', input: 'Budi\u2800Santoso', reason: 'invisible_character' },
  { label: 'a joiner at the end', input: 'Budi\u200D', reason: 'invisible_character' },
  { label: 'a joiner at the start', input: '\u200DBudi', reason: 'invisible_character' },
  { label: 'a joiner between spaces', input: 'Budi \u200D Santoso', reason: 'invisible_character' },
  { label: 'two joiners in a row', input: '👨\u200D\u200D👩', reason: 'invisible_character' },
  { label: 'a variation selector after a space', input: 'Budi \uFE0FSantoso', reason: 'invisible_character' },
];
