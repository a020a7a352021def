import type { CalendarFeed } from '../contracts/calendarFeed';

/** The feed's URL for a token under `origin` (no trailing slash), and its webcal: twin. */
export function feedUrls(origin: string, token: string): { url: string; webcalUrl: string } {
  const url = `${origin}/api/calendar/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://') };
}

/** A feed as the contract shows it: with its URLs when the token is at hand (just issued), without otherwise. */
export function presentCalendarFeed(input: { createdAt: Date; origin: string; token: string | null }): CalendarFeed {
  const urls = input.token ? feedUrls(input.origin, input.token) : { url: null, webcalUrl: null };
  return { ...urls, createdAt: input.createdAt.toISOString() };
}
