// Splits a post body into text and hashtag pieces, so hashtags can be rendered as feed filters.
export type BodyPiece = { kind: 'text'; text: string } | { kind: 'tag'; text: string; tag: string };

// A hashtag starts after a non-word character (not inside "a#b") and runs over letters, digits and underscores.
const HASHTAG = /(?<![\p{L}\p{N}_])#([\p{L}\p{N}_]+)/gu;

/** The pieces of `body`; only tags the server recognised (`known`, lower-case) become links. */
export function splitHashtags(body: string, known: readonly string[]): BodyPiece[] {
  const pieces: BodyPiece[] = [];
  let last = 0;
  for (const match of body.matchAll(HASHTAG)) {
    const tag = (match[1] ?? '').toLowerCase();
    if (!known.includes(tag)) continue;
    if (match.index > last) pieces.push({ kind: 'text', text: body.slice(last, match.index) });
    pieces.push({ kind: 'tag', text: match[0], tag });
    last = match.index + match[0].length;
  }
  if (last < body.length) pieces.push({ kind: 'text', text: body.slice(last) });
  return pieces;
}
