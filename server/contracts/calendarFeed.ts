// The personal calendar feed as the API shows it (GET/POST /api/me/calendar-feed).

/**
 * A member's private iCalendar feed. `url` and `webcalUrl` hold the secret token, so they are known only in the
 * answer to POST /api/me/calendar-feed that made it (only the token's hash is stored): GET answers them as null,
 * and a member who lost the link makes a new one (which also stops the old one).
 */
export interface CalendarFeed {
  /** https URL of the feed (`<origin>/api/calendar/<token>.ics`), for Google Calendar's "From URL"; null after creation. */
  url: string | null;
  /** The same with the webcal: scheme, which opens Apple Calendar and Outlook's subscribe dialog; null after creation. */
  webcalUrl: string | null;
  createdAt: string;
}
