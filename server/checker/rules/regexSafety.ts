// Community regex rules run on RE2 semantics (re2js: linear time in the input, no backtracking), so no
// pattern can stall the server. On top of that, patterns are refused up front when they could not run
// on a backtracking engine either (nested quantifiers such as (a+)+ or (\w+\s?)*), when they use
// features a linear engine cannot offer (backreferences, lookaround), when they repeat a piece so often
// that the compiled program explodes, or when they match empty text (every position would be a hit).
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { RE2JS } from 're2js';
import type { RuleErrorCode } from './ruleError';

const MAX_REPEAT = 100;
const MAX_INSTRUCTIONS = 20_000;

/** A reason to refuse a regex pattern. */
export interface RegexProblem {
  code: RuleErrorCode;
  message: string;
}

/** A pattern compiled for the linear-time engine (with a literal every match contains, when there is
 * one), or why it was refused. */
export type RegexCompilation = { ok: true; engine: RE2JS; literal: string | null } | { ok: false; problem: RegexProblem };

/** Checks a pattern statically and compiles it for re2js (case-insensitive). */
export function compileSafeRegex(pattern: string): RegexCompilation {
  const parsed = parsePattern(pattern);
  if ('problem' in parsed) return { ok: false, problem: parsed.problem };
  const problem = findStaticProblem(parsed.ast);
  if (problem !== null) return { ok: false, problem };
  let engine: RE2JS;
  try {
    engine = RE2JS.compile(RE2JS.translateRegExp(pattern), RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    return { ok: false, problem: { code: 'unsupported_regex', message: `The regex engine refused the pattern: ${describe(error)}` } };
  }
  if (engine.re2().numberOfInstructions() > MAX_INSTRUCTIONS) {
    return { ok: false, problem: { code: 'regex_too_complex', message: 'The pattern compiles to too large a program; simplify it.' } };
  }
  if (engine.test('')) {
    return { ok: false, problem: { code: 'invalid_regex', message: 'The pattern matches empty text, so it would match every post.' } };
  }
  return { ok: true, engine, literal: requiredLiteral(parsed.ast) };
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
