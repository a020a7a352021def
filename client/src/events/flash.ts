// A one-shot confirmation carried from the event form to the event page it navigates to ("Event created",
// "Changes saved"): the router keeps no history state, and a module variable is enough for one tab's next screen.
export type SavedNotice = 'created' | 'changed' | 'moved';

let pending: { eventId: string; notice: SavedNotice } | null = null;

/** Leaves a notice for the next time this event's page opens. */
export function leaveSavedNotice(eventId: string, notice: SavedNotice): void {
  pending = { eventId, notice };
}

/** The notice left for this event, if any (reading twice is harmless: React may run initialisers twice). */
export function savedNoticeFor(eventId: string): SavedNotice | null {
  return pending?.eventId === eventId ? pending.notice : null;
}

/** Forgets a shown notice, so coming back to the page later does not repeat it. */
export function clearSavedNotice(eventId: string): void {
  if (pending?.eventId === eventId) pending = null;
}
