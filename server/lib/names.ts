// Names other people see (display names, community names): what we store and what we refuse. Pure and free of
// Node APIs, so the web client checks its forms with the same rules the server enforces.
//
// Real names need letters with diacritics, Arabic and Hebrew script (right-to-left text is fine), Indic scripts
// (which use ZWJ/ZWNJ between letters) and emoji sequences (ZWJ, variation selectors, tag characters). What they
// never need is a name that renders as nothing, characters that reorder the text around them (a display name is
// shown inside sentences: "Budi ‮ reported ..." would flip the rest of the line), control characters, or an
// invisible character standing alone where it can pad or split a name so it looks like somebody else's.

/** Why a name was refused; the key of its message in both languages. */
export type NameProblem = 'blank' | 'bidi_control' | 'control' | 'invisible_character';

/** The reasons in English and Bahasa Indonesia, as sent in a 422's details. */
export const NAME_PROBLEM_MESSAGES: Record<NameProblem, { en: string; id: string }> = {
  blank: {
    en: 'must contain visible letters, digits or symbols',
    id: 'harus berisi huruf, angka atau simbol yang terlihat',
  },
  bidi_control: {
    en: 'must not contain text-direction control characters',
    id: 'tidak boleh berisi karakter pengatur arah teks',
  },
  control: { en: 'must not contain control characters', id: 'tidak boleh berisi karakter kontrol' },
  invisible_character: {
    en: 'must not contain invisible characters',
    id: 'tidak boleh berisi karakter tak terlihat',
  },
};

// Explicit embeddings/overrides/isolates and the implicit marks (LRM, RLM, ALM): each can reorder what follows.
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /\p{Cc}/u;
const WHITE_SPACE_RUN = /\p{White_Space}+/gu;
// Invisible characters with a legitimate place inside a name, each only attached to what precedes it:
// ZWNJ/ZWJ (Indic and Persian shaping, emoji sequences), the combining grapheme joiner, variation selectors
// (text/emoji presentation, Mongolian free variation selectors), the Mongolian vowel separator, and tag characters
// (subdivision flags such as England's).
const JOINER = /^[\u200C\u200D]$/u;
const ATTACHED = /^[\u034F\u180B-\u180F\uFE00-\uFE0F\u{E0020}-\u{E007F}\u{E0100}-\u{E01EF}]$/u;
// Everything that draws nothing: default-ignorable code points (ZWSP, word joiner, BOM, Hangul fillers, soft
// hyphen, ...), white space, combining marks with no base, and the blank Braille cell often used as a fake space.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const DRAWS_NOTHING = /[\p{Default_Ignorable_Code_Point}\p{White_Space}\p{M}\u2800]/gu;

/** NFC, every run of white space (tabs, newlines, no-break and ideographic spaces) as one space, trimmed. */
export function normalizeName(raw: string): string {
  return raw.normalize('NFC').replace(WHITE_SPACE_RUN, ' ').replace(/^ | $/g, '');
}

/** The first problem of an already normalised name, or null when it may be stored. */
export function nameProblem(name: string): NameProblem | null {
  if (name.replace(DRAWS_NOTHING, '') === '') return 'blank';
  if (BIDI_CONTROL.test(name)) return 'bidi_control';
  if (CONTROL.test(name)) return 'control';
  const chars = [...name];
  return chars.some((c, i) => !invisibleCharacterFits(c, chars[i - 1], chars[i + 1])) ? 'invisible_character' : null;
}

/** Whether `c` is visible, or an invisible character that sits where a script or an emoji sequence needs it. */
function invisibleCharacterFits(c: string, before: string | undefined, after: string | undefined): boolean {
  if (c === '\u2800') return false;
  if (!IGNORABLE.test(c)) return true;
  const attachedToSomething = before !== undefined && before !== ' ';
  if (ATTACHED.test(c)) return attachedToSomething;
  // A joiner joins two things: never at an edge, next to a space or next to another joiner.
  if (JOINER.test(c)) return attachedToSomething && !JOINER.test(before ?? '') && after !== undefined && after !== ' ' && !IGNORABLE.test(after);
  return false;
}
