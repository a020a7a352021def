// A member's e-mail switches, one entry per community they belong to (no row means the default: on).
import type { Db } from '../db/client';
import { EMAIL_PREFERENCE_KINDS, type EmailPreferenceKind } from '../mail/kinds';

export interface CommunityEmailPreferences {
  community: { slug: string; name: string };
  digest: boolean;
  events: boolean;
}

/** The switches of every community `userId` is an active member of, oldest membership first. */
export async function listEmailPreferences(db: Db, userId: string): Promise<CommunityEmailPreferences[]> {
  const memberships = await db.membership.findMany({
    where: { userId, status: 'active' },
    orderBy: { joinedAt: 'asc' },
    select: { communityId: true, community: { select: { slug: true, name: true } } },
  });
  const rows = await db.emailPreference.findMany({ where: { userId, communityId: { in: memberships.map((m) => m.communityId) } }, select: { communityId: true, kind: true, enabled: true } });
  const stored = new Map(rows.map((r) => [`${r.communityId}|${r.kind}`, r.enabled]));
  const value = (communityId: string, kind: EmailPreferenceKind) => stored.get(`${communityId}|${kind}`) ?? true;
  return memberships.map((m) => ({
    community: m.community,
    ...(Object.fromEntries(EMAIL_PREFERENCE_KINDS.map((kind) => [kind, value(m.communityId, kind)])) as Record<EmailPreferenceKind, boolean>),
  }));
}
