// The term trie: every lexicon entry, generated spelling and word/phrase rule of a rule set in one
// automaton, walked once per token (see findHits.ts). Edges are normalised letter codes; a space (32)
// separates the words of a phrase.
import type { TrieNode } from '../compiledTypes';

/** The edge between the words of a phrase. */
export const SPACE = 32;

/** A fresh, empty trie root. */
export function createTrie(): TrieNode {
  return { code: 0, depth: 0, parent: null, children: null, terms: null };
}

/** Adds a path of letter codes ending in `term`; adding the same term twice on one path is a no-op. */
export function addPath(root: TrieNode, codes: readonly number[], term: number): void {
  let node = root;
  for (const code of codes) {
    node.children ??= new Map();
    let child = node.children.get(code);
    if (child === undefined) {
      child = { code, depth: node.depth + 1, parent: node, children: null, terms: null };
      node.children.set(code, child);
    }
    node = child;
  }
  node.terms ??= [];
  if (!node.terms.includes(term)) node.terms.push(term);
}

/** The spelling that leads from the root to `node` ("fuck" for "fuuuck", "anjing" for "4nj1ng"). */
export function spellingOf(node: TrieNode): string {
  const codes: number[] = new Array<number>(node.depth);
  for (let n: TrieNode | null = node; n !== null && n.depth > 0; n = n.parent) codes[n.depth - 1] = n.code;
  return String.fromCharCode(...codes);
}

/** Converts a normalised string (letters, single spaces between phrase words) to trie codes. */
export function toCodes(text: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) codes.push(text.charCodeAt(i));
  return codes;
}
