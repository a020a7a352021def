// Links, e-mail addresses and @mentions found in the ORIGINAL text. The spam phases count them, and the
// normaliser treats links and addresses as opaque: no leetspeak and no joining of spaced letters inside
// them, so "bit.ly/4nj1ng" or "a.s.u@mail.com" never turn into words.

/** A span of the original text. */
export interface Span {
  start: number;
  end: number;
}

/** Links, addresses and mentions of one text. */
export interface TextEntities {
  links: readonly Span[];
  emails: readonly Span[];
  mentions: readonly Span[];
}

/** The entities of a text that has none (shared). */
export const NO_ENTITIES: TextEntities = Object.freeze({ links: [], emails: [], mentions: [] });

const TLDS =
  'com|net|org|id|co|io|me|info|biz|xyz|ly|gg|to|tv|app|dev|site|online|shop|store|link|club|top|ru|cn|uk|us|my|sg|edu|gov|ac|sch|web|ai|in|cc|ws|live|fun|icu|vip|win|bet|click';
// One pass finds all three kinds; the named group tells them apart.
const ENTITY = new RegExp(
  [
    String.raw`(?<email>[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`,
    String.raw`(?<link>(?:https?:\/\/|www\.)[^\s<>"'\x60]+|(?<![\p{L}\p{N}@.-])[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.(?:${TLDS})(?![\p{L}\p{N}-])(?:\/[^\s<>"'\x60]*)?)`,
    String.raw`(?<mention>(?<![\p{L}\p{N}_@.])@[\p{L}\p{N}_][\p{L}\p{N}_.]{0,31})`,
  ].join('|'),
  'giu',
);
// A sentence full stop or closing bracket right after a link is not part of it.
const TRAILING = /[.,;:!?)\]}>'"]+$/u;

/** Finds links, e-mail addresses and mentions in one pass over the original text. */
export function findEntities(text: string): TextEntities {
  // Cheap pre-check: without an '@', a '/' or a dot between letters ("x.com", not "end. Next") there is
  // nothing to find, and most posts stop here.
  if (!mayHaveEntity(text)) return NO_ENTITIES;
  const links: Span[] = [];
  const emails: Span[] = [];
  const mentions: Span[] = [];
  for (const m of text.matchAll(ENTITY)) {
    const start = m.index;
    const groups = m.groups ?? {};
    if (groups.email !== undefined) emails.push({ start, end: start + groups.email.length });
    else if (groups.mention !== undefined) mentions.push({ start, end: start + trimTrailing(groups.mention) });
    else if (groups.link !== undefined) links.push({ start, end: start + trimTrailing(groups.link) });
  }
  return { links, emails, mentions };
}

function trimTrailing(value: string): number {
  const trailing = TRAILING.exec(value);
  return value.length - (trailing ? trailing[0].length : 0);
}

// A plain loop, not a regex: this runs on every post and a Unicode-aware regex cost more than the rest of
// the link scan together.
function mayHaveEntity(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 64 || c === 47) return true;
    if (c === 46 && isWordChar(text.charCodeAt(i - 1)) && isWordChar(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

// ASCII letters and digits, or anything beyond ASCII (the full scan decides); NaN (out of range) is not.
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 128;
}
