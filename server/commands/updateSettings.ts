import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import { presentSettings } from '../presenters/presentCommunity';
import { recordAudit } from './recordAudit';

export interface SettingsPatch {
  moderationMode?: 'auto' | 'pre';
  reportThreshold?: number;
  digest?: { cadence: 'off' | 'daily' | 'weekly'; hour: number; weekday?: number | null; timezone: string };
  lexiconActions?: Partial<Record<'mild' | 'strong' | 'severe', 'publish' | 'flag' | 'hold' | 'censor'>>;
}

/** Applies a partial settings change, audited with before and after, and returns the updated community. */
export async function updateSettings(deps: { db: Db; now: Date }, input: { communityId: string; actorId: string; patch: SettingsPatch }) {
  const { patch } = input;
  return inWriteTransaction(deps.db, async (tx) => {
    const before = await tx.community.findUniqueOrThrow({ where: { id: input.communityId } });
    const after = await tx.community.update({
      where: { id: input.communityId },
      data: {
        ...(patch.moderationMode !== undefined ? { moderationMode: patch.moderationMode } : {}),
        ...(patch.reportThreshold !== undefined ? { reportThreshold: patch.reportThreshold } : {}),
        ...(patch.digest
          ? {
              digestCadence: patch.digest.cadence,
              digestHour: patch.digest.hour,
              digestWeekday: patch.digest.weekday ?? null,
              digestTimezone: patch.digest.timezone,
            }
          : {}),
        // Lexicon actions change what the checker does: a new rule version recompiles the rule set once.
        ...(patch.lexiconActions ? { lexiconActions: JSON.stringify(patch.lexiconActions), ruleVersion: { increment: 1 } } : {}),
      },
    });
    await recordAudit(tx, {
      communityId: input.communityId,
      actorId: input.actorId,
      action: 'settings.update',
      targetType: 'community',
      targetId: input.communityId,
      before: { ...presentSettings(before), lexiconActions: before.lexiconActions },
      after: { ...presentSettings(after), lexiconActions: after.lexiconActions },
      now: deps.now,
    });
    return after;
  });
}
