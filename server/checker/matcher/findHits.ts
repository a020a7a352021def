// Walks the term trie over the tokens of a normalised text. The walk is a small NFA simulation: a slot may
// offer several letters (leetspeak: '1' is i or l), '*' offers every letter, and a letter may repeat
// without leaving its trie node: freely when written three or more times ("fuuuck", "anjiiing"), but a
// letter written exactly twice is ordinary spelling too often (assess/asses, Shiite/shite, Shiites/shit+es),
// so a match that needed such a collapse ("anjiing", "goblokk", "kontoll") must be a whole word and a
// strong or severe entry, and a doubled consonant collapses only at the word's end. Matches start at a token's first letter and must
// end at its last one unless the term allows a suffix ("anjingnya") or is a safe compound head
// ("fuckyou"); that is what keeps asuransi, santai, memekik, Scunthorpe and assassin clean.
import type { CompiledTerm, TrieNode } from '../compiledTypes';
import { WILDCARD } from '../normalize/leet';
import type { NormalizedText } from '../normalize/normalizeText';
import type { Token } from '../normalize/tokens';
import { mayJoin } from './joins';
import { spellingOf, SPACE } from './trie';

/** One term found in the text; `first`/`last` are positions in `norm.seq`. */
export interface Hit {
  term: number;
  /** Index of the token the match starts in. */
  token: number;
  first: number;
  last: number;
  normalized: string;
  /** Read across two tokens written apart ("kon tol"). */
  joined: boolean;
}

// The active states of the walk: trie nodes with flags, kept in two reusable parallel arrays per check
// (no object per state: this loop runs for every letter of every post).
const JOINED = 1;
/** Collapsed a letter written exactly twice (allowed once per match: "jinggaan" is not "jingan"). */
const LENIENT = 2;

interface StateSet {
  nodes: TrieNode[];
  flags: number[];
  size: number;
}

interface Walk {
  norm: NormalizedText;
  terms: readonly CompiledTerm[];
  root: TrieNode;
  hits: Hit[];
  current: StateSet;
  next: StateSet;
  /** The token and seq position being read. */
  token: Token | undefined;
  pos: number;
}

/** Every term occurrence in the text, in token order (overlaps included; phases pick what they need). */
export function findHits(norm: NormalizedText, root: TrieNode, terms: readonly CompiledTerm[]): Hit[] {
  const walk: Walk = { norm, terms, root, hits: [], current: newSet(), next: newSet(), token: undefined, pos: 0 };
  if (root.children === null) return walk.hits;
  for (let t = 0; t < norm.tokens.length; t++) {
    const token = norm.tokens[t];
    if (token === undefined) continue;
    if (token.split) {
      for (let p = token.from; p < token.to; p++) walkFrom(walk, t, p);
    } else {
      if (mayStart(walk, token.from)) walkFrom(walk, t, token.from);
      if (token.lead && token.to - token.from > 1) walkFrom(walk, t, token.from + 1);
    }
  }
  return walk.hits;
}

// Checking the root's edges before setting up a walk skips tokens no term can start (digits, other
// scripts, rare first letters).
function mayStart(walk: Walk, pos: number): boolean {
  const slot = walk.norm.seq[pos] ?? 0;
  const alt = walk.norm.alt[slot] ?? 0;
  const edges = walk.root.children;
  if (edges === null) return false;
  if (alt !== 0) return true;
  return edges.has(walk.norm.code[slot] ?? 0);
}

function newSet(): StateSet {
  return { nodes: [], flags: [], size: 0 };
}

function add(set: StateSet, node: TrieNode, flags: number): void {
  for (let i = 0; i < set.size; i++) if (set.nodes[i] === node && set.flags[i] === flags) return;
  set.nodes[set.size] = node;
  set.flags[set.size] = flags;
  set.size++;
}

function swap(walk: Walk): void {
  const current = walk.next;
  walk.next = walk.current;
  walk.current = current;
  walk.next.size = 0;
}

// Most words leave the trie within a few letters without reaching any term. This walk follows plain
// letters only, allocates nothing, and hands over to the full walk (from the start) as soon as anything
// needs it: a term reached, a leet or wildcard slot, a repeated letter, or a word that ends inside the trie
// (a phrase or a split word may continue into the next one).
function walkFrom(walk: Walk, startToken: number, startPos: number): void {
  const { norm } = walk;
  const token = norm.tokens[startToken];
  if (token === undefined) return;
  let node = walk.root;
  for (let pos = startPos; pos < token.to; pos++) {
    const slot = norm.seq[pos] ?? 0;
    const code = norm.code[slot] ?? 0;
    if (norm.alt[slot] !== 0 || (node.code === code && node !== walk.root)) break;
    const child = node.children?.get(code);
    if (child === undefined) return;
    node = child;
    if (node.terms !== null || (pos === token.to - 1 && node.children !== null)) break;
    if (pos === token.to - 1) return;
  }
  walkFully(walk, startToken, startPos);
}

function walkFully(walk: Walk, startToken: number, startPos: number): void {
  const { norm } = walk;
  walk.current.size = 0;
  walk.next.size = 0;
  add(walk.current, walk.root, 0);
  let t = startToken;
  let token = norm.tokens[t];
  let pos = startPos;
  while (token !== undefined) {
    walk.token = token;
    walk.pos = pos;
    step(walk);
    if (walk.next.size === 0) return;
    swap(walk);
    const atEnd = pos === token.to - 1;
    const states = walk.current;
    for (let i = 0; i < states.size; i++) {
      const node = states.nodes[i];
      const flags = states.flags[i] ?? 0;
      if (node?.terms != null) accept(walk, { startToken, startPos, token, pos, atEnd, node, flags });
    }
    if (!atEnd) {
      pos++;
      continue;
    }
    const following = token.split || t + 1 >= norm.wordCount ? undefined : norm.tokens[t + 1];
    if (following === undefined) return;
    crossInto(walk, token, following);
    if (walk.next.size === 0) return;
    swap(walk);
    t++;
    token = following;
    pos = following.from;
  }
}

// At a token's end a phrase continues through its space edge, and a joinable word may continue straight
// into the next token (at most once).
function crossInto(walk: Walk, token: Token, following: Token): void {
  const { current, next } = walk;
  let joinable: boolean | undefined;
  for (let i = 0; i < current.size; i++) {
    const node = current.nodes[i];
    const flags = current.flags[i] ?? 0;
    if (node === undefined) continue;
    const spaced = node.children?.get(SPACE);
    if (spaced !== undefined) add(next, spaced, flags);
    if ((flags & JOINED) !== 0 || node.children === null) continue;
    joinable ??= mayJoin(walk.norm, token, following);
    if (joinable) add(next, node, flags | JOINED);
  }
}

// Moves every current state over the slot at walk.pos into walk.next.
function step(walk: Walk): void {
  const { norm, current } = walk;
  const slot = norm.seq[walk.pos] ?? 0;
  const code = norm.code[slot] ?? 0;
  const alt = norm.alt[slot] ?? 0;
  for (let i = 0; i < current.size; i++) {
    if (alt === WILDCARD) {
      stepWildcard(walk, i);
      continue;
    }
    advance(walk, i, code);
    if (alt !== 0) {
      advance(walk, i, alt & 0xffff);
      if (alt >>> 16 !== 0) advance(walk, i, alt >>> 16);
    }
  }
}

// Current state i reads letter `code`: follow its edge, or stay on a repeated letter.
function advance(walk: Walk, i: number, code: number): void {
  const node = walk.current.nodes[i];
  const flags = walk.current.flags[i] ?? 0;
  if (node === undefined) return;
  const child = node.children?.get(code);
  if (child !== undefined) add(walk.next, child, flags);
  if (node.code !== code || node === walk.root) return;
  const run = runLength(walk, code);
  if (run >= 3) add(walk.next, node, flags);
  else if (run === 2 && (flags & LENIENT) === 0 && (isVowel(code) || atWordEnd(walk))) add(walk.next, node, flags | LENIENT);
}

function isVowel(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117;
}

// A doubled consonant collapses only at the end of a word ("goblokk", "kontoll"), never inside one
// (Pollak is a surname, not "polak").
function atWordEnd(walk: Walk): boolean {
  return walk.token !== undefined && walk.pos === walk.token.to - 1;
}

function stepWildcard(walk: Walk, i: number): void {
  const node = walk.current.nodes[i];
  const flags = walk.current.flags[i] ?? 0;
  if (node === undefined) return;
  if (node.children !== null) {
    for (const [code, child] of node.children) if (code !== SPACE) add(walk.next, child, flags);
  }
  if (node !== walk.root) add(walk.next, node, flags);
}

// How many times the letter at walk.pos is written in a row (counting stops at 3).
function runLength(walk: Walk, code: number): number {
  const { norm, token, pos } = walk;
  if (token === undefined) return 1;
  let run = 1;
  for (let p = pos - 1; p >= token.from && run < 3 && norm.code[norm.seq[p] ?? 0] === code; p--) run++;
  for (let p = pos + 1; p < token.to && run < 3 && norm.code[norm.seq[p] ?? 0] === code; p++) run++;
  return run;
}

/** A trie node reached at a position, with where its match started. */
interface Position {
  startToken: number;
  startPos: number;
  token: Token;
  pos: number;
  atEnd: boolean;
  node: TrieNode;
  flags: number;
}

function accept(walk: Walk, at: Position): void {
  for (const index of at.node.terms ?? []) {
    const term = walk.terms[index];
    if (term === undefined) continue;
    const last = acceptedEnd(walk, term, at);
    if (last < 0) continue;
    const joined = (at.flags & JOINED) !== 0;
    walk.hits.push({ term: index, token: at.startToken, first: at.startPos, last, normalized: spellingOf(at.node), joined });
  }
}

// Where an accepted match ends (a seq position), or -1 when the term may not end here.
function acceptedEnd(walk: Walk, term: CompiledTerm, at: Position): number {
  const { node, flags } = at;
  const lenient = (flags & LENIENT) !== 0;
  if (lenient && !(at.atEnd && term.role === 'lexicon' && term.severity !== 'mild' && !term.variant)) return -1;
  if (at.token.split) return node.depth >= at.token.minMatch ? at.pos : -1;
  if ((flags & JOINED) !== 0) return term.joinable && at.atEnd ? at.pos : -1;
  if (at.atEnd) return at.pos;
  if (term.affix === 'compound') return at.token.to - 1;
  if (term.affix === 'suffix' && term.suffixes !== null) {
    // A rest that starts with the letter just matched is a doubled letter, not a suffix (assess != asses+s).
    const rest = remainder(walk.norm, at.pos + 1, at.token.to);
    return rest.charCodeAt(0) !== node.code && term.suffixes.has(rest) ? at.token.to - 1 : -1;
  }
  return -1;
}

// The rest of the token, letters written three or more times collapsed ("nyaaa" -> "nya"; "ss" stays).
function remainder(norm: NormalizedText, from: number, to: number): string {
  let out = '';
  let run = 0;
  for (let p = from; p < to; p++) {
    const code = norm.code[norm.seq[p] ?? 0] ?? 0;
    run = p > from && norm.code[norm.seq[p - 1] ?? 0] === code ? run + 1 : 1;
    out += String.fromCharCode(code);
    // On the third copy, drop the two already written: the run counts once.
    if (run === 3) out = out.slice(0, -2);
    else if (run > 3) out = out.slice(0, -1);
  }
  return out;
}
