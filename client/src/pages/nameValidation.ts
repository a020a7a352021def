// Names other people see (display name, community name): the server's rules (server/lib/names.ts) checked in the
// form, and the server's own verdict put back on the field it concerns.
import { nameProblem, normalizeName, type NameProblem } from '../../../server/lib/names';
import { ApiRequestError } from '../api/errors';
import type { PlainKey } from '../i18n/types';

const PROBLEM_KEYS: Record<NameProblem, PlainKey> = {
  blank: 'validation.nameBlank',
  bidi_control: 'validation.nameBidi',
  control: 'validation.nameControl',
  invisible_character: 'validation.nameInvisible',
};

function isNameProblem(reason: unknown): reason is NameProblem {
  return typeof reason === 'string' && Object.hasOwn(PROBLEM_KEYS, reason);
}

/** The message key for what is wrong with a typed name, or null when the server will accept it. */
export function nameError(raw: string): PlainKey | null {
  const problem = nameProblem(normalizeName(raw));
  if (!problem) return null;
  // Nothing typed at all reads better as "please fill this in" than as a rule about visible characters.
  return problem === 'blank' && raw.trim() === '' ? 'validation.required' : PROBLEM_KEYS[problem];
}

/** Field messages from a 422 whose details carry a name `reason`, keyed by the body field ("displayName", "name"). */
export function nameErrorsFromServer(error: unknown): Record<string, PlainKey> {
  if (!(error instanceof ApiRequestError) || error.status !== 422 || !Array.isArray(error.details)) return {};
  const found: Record<string, PlainKey> = {};
  for (const entry of error.details as unknown[]) {
    if (typeof entry !== 'object' || entry === null || !('path' in entry) || !('reason' in entry)) continue;
    const { path, reason } = entry;
    if (typeof path !== 'string' || !path.startsWith('body.') || !isNameProblem(reason)) continue;
    found[path.slice('body.'.length)] = PROBLEM_KEYS[reason];
  }
  return found;
}
