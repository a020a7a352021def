// Community regex rules run on RE2 semantics (re2js: linear time in the input, no backtracking), so no
// pattern can stall the server. On top of that, patterns are refused up front when they could not run
// on a backtracking engine either (nested quantifiers such as (a+)+ or (\w+\s?)*), when they use
// features a linear engine cannot offer (backreferences, lookaround), when they repeat a piece so often
// that the compiled program explodes, or when they match empty text (every position would be a hit).
// Linear time is not cheap time: re2js costs about 25-110 ns per (program instruction x character) in
// the worst case (measured on the 2-core dev machine), so a 200-character program on a 10,000-character
// post took a second per call. The program is therefore capped (MAX_PROGRAM_SIZE), and the phase feeds
// the engine windows of at most CELLS_PER_CALL / instructions characters, so no single call exceeds a
// few milliseconds; the shared budget is then checked between calls that are all short.
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { RE2JS } from 're2js';
import type { RuleErrorCode } from './ruleError';

const MAX_REPEAT = 100;
/** Largest program (compiled instructions, or the pattern's size with its repeats expanded) a rule may have. */
export const MAX_PROGRAM_SIZE = 100;
/** Instructions x characters one engine call may cover: about 2.5-11 ms at the measured 25-110 ns per cell. */
export const CELLS_PER_CALL = 100_000;

/** A reason to refuse a regex pattern; `messages` carries it in both languages when it is the manager's to fix. */
export interface RegexProblem {
  code: RuleErrorCode;
  message: string;
  messages?: { en: string; id: string };
  limit?: number;
}

/** How much text one engine call may see: windows of `length` characters, each `overlap` into the last. */
export interface RegexWindow {
  length: number;
  overlap: number;
}

/** A pattern compiled for the linear-time engine (with a literal every match contains, when there is
 * one, and the window the phase feeds it), or why it was refused. */
export type RegexCompilation = { ok: true; engine: RE2JS; literal: string | null; window: RegexWindow } | { ok: false; problem: RegexProblem };

/** Checks a pattern statically and compiles it for re2js (case-insensitive). */
export function compileSafeRegex(pattern: string): RegexCompilation {
  const parsed = parsePattern(pattern);
  if ('problem' in parsed) return { ok: false, problem: parsed.problem };
  const problem = findStaticProblem(parsed.ast);
  if (problem !== null) return { ok: false, problem };
  // Checked before compiling, so a pattern that would expand hugely is never even built.
  const expanded = expandedSize(parsed.ast);
  if (expanded > MAX_PROGRAM_SIZE) return { ok: false, problem: tooLarge(expanded) };
  let engine: RE2JS;
  try {
    engine = RE2JS.compile(RE2JS.translateRegExp(pattern), RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    return { ok: false, problem: { code: 'unsupported_regex', message: `The regex engine refused the pattern: ${describe(error)}` } };
  }
  const instructions = engine.re2().numberOfInstructions();
  if (instructions > MAX_PROGRAM_SIZE) return { ok: false, problem: tooLarge(instructions) };
  if (engine.test('')) {
    return { ok: false, problem: { code: 'invalid_regex', message: 'The pattern matches empty text, so it would match every post.' } };
  }
  return { ok: true, engine, literal: requiredLiteral(parsed.ast), window: windowFor(instructions, maxMatchLength(parsed.ast)) };
}

function tooLarge(size: number): RegexProblem {
  const en =
    `The pattern is too large to check quickly: it expands to about ${size} steps per character, and the limit is ${MAX_PROGRAM_SIZE}. ` +
    'Repeat counts multiply (.{10}.{10} counts 20, (ab){30} counts 60): use fewer or smaller repeats, or split it into several rules.';
  const id =
    `Pola ini terlalu besar untuk diperiksa dengan cepat: pola ini setara dengan sekitar ${size} langkah per karakter, batasnya ${MAX_PROGRAM_SIZE}. ` +
    'Jumlah pengulangan ikut dikalikan (.{10}.{10} dihitung 20, (ab){30} dihitung 60): kurangi atau perkecil pengulangan, atau pecah menjadi beberapa aturan.';
  return { code: 'regex_too_complex', message: en, messages: { en, id }, limit: MAX_PROGRAM_SIZE };
}

// The window keeps one call within CELLS_PER_CALL. Consecutive windows overlap by the longest possible
// match plus a character of context on each side (for \b, ^ and $), so a match of bounded length is
// always seen whole in some window; a pattern with unbounded repeats gets half a window of overlap.
function windowFor(instructions: number, longestMatch: number): RegexWindow {
  const length = Math.floor(CELLS_PER_CALL / Math.max(1, instructions));
  return { length, overlap: Math.min(longestMatch + 2, Math.floor(length / 2)) };
}

// The pattern's size with every repeat written out, as the compiler will write it: x{n,m} costs m copies
// of x (n + 1 when unbounded), and repeats inside repeats multiply.
function expandedSize(node: AST.Node): number {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives.reduce((sum, alternative) => sum + expandedSize(alternative), node.alternatives.length - 1);
    case 'Alternative':
      return node.elements.reduce((sum, element) => sum + expandedSize(element), 0);
    case 'Quantifier':
      return expandedSize(node.element) * (node.max === Infinity ? node.min + 1 : node.max) + 1;
    default:
      return 1;
  }
}

// The longest text a match can span, in UTF-16 code units (two per character, as a character may be a
// surrogate pair); Infinity with an unbounded repeat.
function maxMatchLength(node: AST.Node): number {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      return Math.max(0, ...node.alternatives.map(maxMatchLength));
    case 'Alternative':
      return node.elements.reduce((sum, element) => sum + maxMatchLength(element), 0);
    case 'Quantifier':
    {
      const inner = maxMatchLength(node.element);
      return inner === 0 || node.max === 0 ? 0 : inner * node.max;
    }
    case 'Assertion':
      return 0;
    default:
      return 2;
  }
}

// The longest run of plain characters every match must contain ("wa.me/" in wa\.me/\d+), lower-cased,
// or null. The phase skips the engine for posts that lack it: a substring search is far cheaper.
// ASCII only, so that lower-casing agrees with the engine's case folding.
function requiredLiteral(ast: AST.Pattern): string | null {
  const [only] = ast.alternatives;
  if (ast.alternatives.length !== 1 || only === undefined) return null;
  let best = '';
  let run = '';
  for (const element of only.elements) {
    if (element.type === 'Character' && element.value < 128) {
      run += String.fromCharCode(element.value).toLowerCase();
      if (run.length > best.length) best = run;
    } else {
      run = '';
    }
  }
  return best.length >= 2 ? best : null;
}

function parsePattern(pattern: string): { ast: AST.Pattern } | { problem: RegexProblem } {
  try {
    return { ast: new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern, 0, pattern.length, { unicode: true }) };
  } catch (error) {
    return { problem: { code: 'invalid_regex', message: `Invalid regular expression: ${describe(error)}` } };
  }
}

function findStaticProblem(ast: AST.Pattern): RegexProblem | null {
  let problem: RegexProblem | null = null;
  visitRegExpAST(ast, {
    onBackreferenceEnter: () => {
      problem ??= unsupported('backreferences (\\1, \\k<name>)');
    },
    onAssertionEnter: (node) => {
      if (node.kind === 'lookahead' || node.kind === 'lookbehind') problem ??= unsupported('lookahead and lookbehind');
    },
    onQuantifierEnter: (node) => {
      problem ??= quantifierProblem(node);
    },
  });
  return problem;
}

function quantifierProblem(node: AST.Quantifier): RegexProblem | null {
  if (node.min > MAX_REPEAT || (node.max !== Infinity && node.max > MAX_REPEAT)) {
    return { code: 'regex_too_complex', message: `Repetition counts above ${MAX_REPEAT} are not allowed (${node.raw}).` };
  }
  if (node.max > 1 && repeatsInside(node.element)) {
    return {
      code: 'catastrophic_regex',
      message: `Nested repetition ${node.raw} can take exponential time; repeat the inner part only once (e.g. (ab)+ instead of (a+b)+).`,
    };
  }
  return null;
}

// Does anything inside this element repeat more than once? ((a+)+ yes, (ab?)+ no.)
function repeatsInside(node: AST.Node): boolean {
  switch (node.type) {
    case 'Quantifier':
      return node.max > 1 || repeatsInside(node.element);
    case 'Group':
    case 'CapturingGroup':
      return node.alternatives.some((alternative) => alternative.elements.some(repeatsInside));
    default:
      return false;
  }
}

function unsupported(feature: string): RegexProblem {
  return { code: 'unsupported_regex', message: `Regex rules cannot use ${feature}: they run on a linear-time engine.` };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
