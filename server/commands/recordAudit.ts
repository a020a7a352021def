// Every decision, sanction, role, rule and settings change writes one audit entry inside the same transaction
// as the change itself, so the log can never disagree with what happened.
import type { Tx } from '../db/transaction';

export interface AuditInput {
  communityId: string;
  actorId: string | null;
  action: string;
  targetType: 'post' | 'item' | 'user' | 'sanction' | 'rule' | 'community' | 'event' | 'survey' | 'feedback';
  targetId: string;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  now: Date;
}

/** Appends one entry to the community's audit log. */
export async function recordAudit(tx: Pick<Tx, 'auditEntry'>, input: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      communityId: input.communityId,
      actorId: input.actorId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      reason: input.reason ?? null,
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
      createdAt: input.now,
    },
  });
}
