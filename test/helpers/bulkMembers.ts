// Many members at once, written straight to the database: registering 1,000 users through the API hashes 1,000
// passwords (seconds of CPU each batch) and is not what the concurrency suites test. Rows are what register, join and
// login would write, so the HTTP app treats these members like any other.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/db/client';
import { hashToken, newToken } from '../../server/lib/tokens';
import type { TestUser } from './factories';

/** Inserts `count` users, each an active member of the community with a session valid for a year; returns them in order. */
export async function insertMembers(db: Db, input: { communitySlug: string; count: number; now?: Date }): Promise<TestUser[]> {
  const community = await db.community.findUniqueOrThrow({ where: { slug: input.communitySlug }, select: { id: true } });
  const now = input.now ?? new Date();
  const batch = randomBytes(3).toString('hex');
  const members = Array.from({ length: input.count }, (_, i) => {
    const handle = `b${batch}_${i}`;
    return { handle, token: newToken(), i };
  });
  const users = await db.user.createManyAndReturn({
    data: members.map((m) => ({ handle: m.handle, email: `${m.handle}@example.test`, displayName: `Anggota ${m.i}`, passwordHash: 'x', locale: 'en', createdAt: now })),
    select: { id: true, handle: true },
  });
  const idByHandle = new Map(users.map((u) => [u.handle, u.id]));
  const withIds = members.map((m) => ({ ...m, id: idByHandle.get(m.handle) ?? '' }));
  await db.membership.createMany({ data: withIds.map((m) => ({ communityId: community.id, userId: m.id, joinedAt: now })) });
  await db.session.createMany({
    data: withIds.map((m) => ({ userId: m.id, tokenHash: hashToken(m.token), createdAt: now, expiresAt: new Date(now.getTime() + 365 * 86_400_000) })),
  });
  return withIds.map((m) => ({ id: m.id, handle: m.handle, token: m.token }));
}
