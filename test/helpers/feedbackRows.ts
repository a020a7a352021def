// Feedback written straight to the database, for suites that need items in given states (or from callers who can
// no longer send) without going through the send route (its own suite covers that).
import type { Db } from '../../server/db/client';
import type { FeedbackKind, FeedbackStatus } from '../../server/contracts/surveys';

export interface FeedbackRowInput {
  communitySlug: string;
  authorId: string;
  kind?: FeedbackKind;
  body?: string;
  status?: FeedbackStatus;
  screening?: 'clear' | 'held';
  createdAt?: Date;
}

/** Inserts one feedback item (a clear, new question by default) and returns its row. */
export async function insertFeedback(db: Db, input: FeedbackRowInput) {
  const community = await db.community.findUniqueOrThrow({ where: { slug: input.communitySlug }, select: { id: true } });
  const at = input.createdAt ?? new Date();
  return db.feedback.create({
    data: {
      communityId: community.id,
      authorId: input.authorId,
      kind: input.kind ?? 'question',
      body: input.body ?? 'Kapan kopdar berikutnya?',
      status: input.status ?? 'new',
      screening: input.screening ?? 'clear',
      createdAt: at,
      updatedAt: at,
    },
  });
}
