// A one-time message carried from the builder to the survey page it navigates to ("saved", "opened").
const KEY = 'rukun:survey-flash';

export type SurveyFlash = 'saved' | 'opened';

/** Leaves a message for the survey page of `id`. */
export function leaveFlash(id: string, flash: SurveyFlash): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ id, flash }));
  } catch {
    // Private mode without storage: the page simply shows no message.
  }
}

/** Takes the message left for `id`, if any (it is shown once). */
export function takeFlash(id: string): SurveyFlash | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { id?: unknown; flash?: unknown };
    if (parsed.id !== id) return null;
    sessionStorage.removeItem(KEY);
    return parsed.flash === 'opened' || parsed.flash === 'saved' ? parsed.flash : null;
  } catch {
    return null;
  }
}
