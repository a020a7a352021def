// The QR code on a going member's event page is a link to the check-in screen with her code in the query, so a
// moderator's ordinary phone camera app opens the screen with the code filled in; the screen reads it back here.
import { eventPath } from './routes';

/** The link a QR code carries: <origin>/events/:id/checkin?code=ABCD2345. */
export function checkInLink(origin: string, eventId: string, code: string): string {
  return `${origin}${eventPath(eventId, 'checkin')}?code=${encodeURIComponent(code)}`;
}

/** The code in a location's query (?code=abcd-2345 -> ABCD2345), reduced to the code's characters; '' when none. */
export function codeFromSearch(search: string): string {
  const raw = new URLSearchParams(search).get('code') ?? '';
  return raw.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 16);
}
