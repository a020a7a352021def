import type { Community, Role } from '../contracts/api';
import type { Db } from '../db/client';
import { fromSqlDate, type SqlLane } from '../db/sqlLane';
import { fail } from '../errors';
import { presentCommunity, type CommunityRow } from '../presenters/presentCommunity';
import { asRole } from '../policies/roles';

export type CommunityRecord = CommunityRow & { ruleVersion: number };

const BY_SLUG = `SELECT id, slug, name, description, locale, moderationMode, reportThreshold, digestCadence, digestHour, digestWeekday,
  digestTimezone, lexiconActions, ruleVersion, createdAt FROM "Community" WHERE slug = ?`;

/** A community by slug, or 404. Every community route starts here, so it skips Prisma (server/db/sqlLane.ts). */
export async function findCommunityOr404(sql: SqlLane, slug: string): Promise<CommunityRecord> {
  const row = await sql.read((q) => q.get<Omit<CommunityRecord, 'createdAt'> & { createdAt: string }>(BY_SLUG, slug));
  return row ? { ...row, createdAt: fromSqlDate(row.createdAt) } : fail('not_found');
}

/** A community's slug by id (socket payloads name communities by slug); undefined when it is gone. */
export async function findCommunitySlug(sql: SqlLane, communityId: string): Promise<string | undefined> {
  return sql.read((q) => q.get<{ slug: string }>('SELECT slug FROM "Community" WHERE id = ?', communityId)?.slug);
}

/** Presents communities with member counts and the viewer's role in a fixed number of queries. */
export async function presentCommunities(db: Db, rows: CommunityRow[], viewerId: string | null): Promise<Community[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [counts, mine] = await Promise.all([
    db.membership.groupBy({ by: ['communityId'], where: { communityId: { in: ids }, status: 'active' }, _count: { _all: true } }),
    viewerId ? db.membership.findMany({ where: { communityId: { in: ids }, userId: viewerId, status: 'active' } }) : Promise.resolve([]),
  ]);
  const countBy = new Map(counts.map((c) => [c.communityId, c._count._all]));
  const roleBy = new Map<string, Role>(mine.map((m) => [m.communityId, asRole(m.role)]));
  return rows.map((r) => presentCommunity(r, { memberCount: countBy.get(r.id) ?? 0, myRole: roleBy.get(r.id) ?? null }));
}
