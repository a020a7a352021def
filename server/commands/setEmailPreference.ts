// A member's e-mail switches per community: set one (the preferences route, or a one-click unsubscribe).
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import type { EmailPreferenceKind } from '../mail/kinds';
import { quiet, type Outcome } from './outcome';

export interface EmailPreferenceChange {
  userId: string;
  communityId: string;
  kind: EmailPreferenceKind;
  enabled: boolean;
}

/** Sets one switch (idempotent: the same answer twice changes nothing). */
export async function setEmailPreference(deps: { db: Db; now: Date }, change: EmailPreferenceChange): Promise<Outcome<null>> {
  const key = { userId: change.userId, communityId: change.communityId, kind: change.kind };
  const write = () =>
    deps.db.emailPreference.upsert({
      where: { userId_communityId_kind: key },
      create: { ...key, enabled: change.enabled, updatedAt: deps.now },
      update: { enabled: change.enabled, updatedAt: deps.now },
    });
  try {
    await write();
  } catch (err) {
    // Two first writes at once (two clicks): the second create meets the first's row; updating it settles both.
    if (!isUniqueViolation(err)) throw err;
    await write();
  }
  return quiet(null);
}
