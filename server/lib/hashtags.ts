// Hashtags: letters (any script), digits and underscores after '#', stored lower-cased without the '#'.
const HASHTAG = /(^|[^\p{L}\p{N}_&#/])#([\p{L}\p{N}_]{1,50})/gu;
// A '#' inside a link is a fragment, not a topic.
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;

/** Extracts the distinct hashtags of a text (at most 20), lower-cased and NFKC-normalised. */
export function parseHashtags(text: string): string[] {
  const tags = new Set<string>();
  for (const m of text.replace(URL, ' ').matchAll(HASHTAG)) {
    const tag = (m[2] ?? '').normalize('NFKC').toLowerCase();
    // A tag of digits only ("#1") is a number, not a topic.
    if (tag && !/^\d+$/.test(tag)) tags.add(tag);
    if (tags.size >= 20) break;
  }
  return [...tags];
}
