// A member's private calendar feed: the token in its URL is the credential (256 random bits), only its SHA-256 is
// stored. Issuing again rotates it: the one row per user (userId is unique) gets the new hash, so the old URL stops
// working in the same write.
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { hashToken, newToken } from '../lib/tokens';
import { quiet, type Outcome } from './outcome';

export interface IssuedFeed {
  /** The token, shown to its owner once; the database keeps only its hash. */
  token: string;
  createdAt: Date;
}

/** Creates the user's feed token, or replaces the one they had; returns the new token. */
export async function issueCalendarFeed(deps: { db: Db; now: Date }, input: { userId: string }): Promise<Outcome<IssuedFeed>> {
  const token = newToken();
  const data = { tokenHash: hashToken(token), createdAt: deps.now };
  const write = () => deps.db.calendarFeed.upsert({ where: { userId: input.userId }, create: { userId: input.userId, ...data }, update: data });
  try {
    await write();
  } catch (err) {
    // Two first issues at once: where the upsert is not one statement, the second create meets the first's row.
    // Running it again finds that row and updates it; the last writer's token is the one that works.
    if (!isUniqueViolation(err, 'userId')) throw err;
    await write();
  }
  return quiet({ token, createdAt: deps.now });
}
