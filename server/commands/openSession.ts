import type { Db } from '../db/client';
import { hashToken, newToken } from '../lib/tokens';

/** Starts a session for a user and returns the token; only its hash is stored. */
export async function openSession(deps: { db: Db; now: Date; sessionTtlDays: number }, userId: string): Promise<string> {
  const token = newToken();
  await deps.db.session.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      createdAt: deps.now,
      expiresAt: new Date(deps.now.getTime() + deps.sessionTtlDays * 86_400_000),
    },
  });
  return token;
}
