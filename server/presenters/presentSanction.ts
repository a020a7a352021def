import type { Sanction, SanctionKind } from '../contracts/api';

interface SanctionRow {
  id: string;
  userId: string;
  kind: string;
  reason: string;
  createdById: string;
  createdAt: Date;
  endsAt: Date | null;
  liftedAt: Date | null;
}

/** A sanction as the contract shows it. */
export function presentSanction(row: SanctionRow, communitySlug: string): Sanction {
  return {
    id: row.id,
    communitySlug,
    userId: row.userId,
    kind: row.kind as SanctionKind,
    reason: row.reason,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    liftedAt: row.liftedAt?.toISOString() ?? null,
  };
}
