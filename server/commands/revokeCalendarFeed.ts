// Revoking a member's calendar feed: the row goes, so its token (the credential in the URL) matches nothing.
import type { Db } from '../db/client';
import { quiet, type Outcome } from './outcome';

/** Removes the user's feed token; its URL answers 404 from now on. Revoking when there is none is not an error. */
export async function revokeCalendarFeed(deps: { db: Db }, input: { userId: string }): Promise<Outcome<{ revoked: boolean }>> {
  const { count } = await deps.db.calendarFeed.deleteMany({ where: { userId: input.userId } });
  return quiet({ revoked: count > 0 });
}
