// Writing to the e-mail outbox (MailDelivery in prisma/schema.prisma), inside the transaction of what the e-mail is
// about, so a message is owed exactly when that write commits. Only rows are written here; the mail worker
// (server/commands/sendPendingMail.ts) sends them after the commit.
//
// For digests: inside the transaction that creates the digest, call recordMail with kind `digest`, refId the digest's
// id and the members it goes to, return `{queue: 'mail', name: 'send'}` among the command's jobs when it wrote rows,
// and word the message in server/mail/render.ts (renderMail fails `digest` rows until then). The `digest` switch
// (EmailPreference) is already honoured here and at send time, and the unsubscribe link names it.
import type { Tx } from '../db/transaction';
import { newId } from '../lib/ids';
import { preferenceKindOf, type MailKind } from './kinds';

export interface MailRecipient {
  userId: string;
  locale: string;
}

export interface OutboxInput {
  kind: MailKind;
  /** Unique per kind and recipient: a second write of the same message fails on the unique key. */
  refId: string;
  communityId: string;
  recipients: readonly MailRecipient[];
  /** What the template needs; the community's slug and name are added here. */
  data: Record<string, unknown>;
  now: Date;
}

/**
 * Writes one pending row per recipient who has not switched this kind of e-mail off for the community, and returns
 * how many it wrote (the caller enqueues a mail job after commit when it is more than 0).
 */
export async function recordMail(tx: Tx, input: OutboxInput): Promise<number> {
  if (!input.recipients.length) return 0;
  const off = await tx.emailPreference.findMany({
    where: { communityId: input.communityId, kind: preferenceKindOf(input.kind), enabled: false, userId: { in: input.recipients.map((r) => r.userId) } },
    select: { userId: true },
  });
  const optedOut = new Set(off.map((p) => p.userId));
  const recipients = input.recipients.filter((r) => !optedOut.has(r.userId));
  if (!recipients.length) return 0;
  const community = await tx.community.findUniqueOrThrow({ where: { id: input.communityId }, select: { slug: true, name: true } });
  const data = JSON.stringify({ ...input.data, communitySlug: community.slug, communityName: community.name });
  await tx.mailDelivery.createMany({
    data: recipients.map((r) => ({
      id: newId(),
      kind: input.kind,
      refId: input.refId,
      userId: r.userId,
      communityId: input.communityId,
      locale: r.locale === 'en' ? 'en' : 'id',
      data,
      createdAt: input.now,
      updatedAt: input.now,
    })),
  });
  return recipients.length;
}
