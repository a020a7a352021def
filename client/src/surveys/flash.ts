// A one-shot confirmation carried from the builder to the survey page it navigates to ("saved", "opened"): the
// router keeps no history state, and a module variable is enough for one tab's next screen.
export type SurveyFlash = 'saved' | 'opened';

let pending: { id: string; flash: SurveyFlash } | null = null;

/** Leaves a message for the next time the page of survey `id` opens. */
export function leaveFlash(id: string, flash: SurveyFlash): void {
  pending = { id, flash };
}

/** The message left for `id`, if any (reading twice is harmless: React may run initialisers twice). */
export function flashFor(id: string): SurveyFlash | null {
  return pending?.id === id ? pending.flash : null;
}

/** Forgets a shown message, so coming back to the page later does not repeat it. */
export function clearFlash(id: string): void {
  if (pending?.id === id) pending = null;
}
