// Exactly-once delivery of an event notice (a reminder or a cancellation) to the members it is owed to, in batches.
//
// Each batch is one transaction that re-reads the event, takes the next page of RSVPs, keeps the members still owed
// the notice (active members of the community with no EventReminderDelivery row for this notice), and inserts their
// delivery rows and notifications together. A worker killed between batches leaves every committed batch delivered
// and the rest untouched: the job's retry walks the pages again, finds the deliveries and sends only what is missing.
//
// Why select-then-insert and not an insert that skips duplicates: Prisma's `createMany({ skipDuplicates })` is not
// supported on SQLite, and hand-written `INSERT ... ON CONFLICT DO NOTHING` would tie the command to one dialect.
// On SQLite the transaction takes the write lock with its first statement (inWriteTransaction), so two runs of the
// same notice cannot interleave there. On PostgreSQL (READ COMMITTED) two runs can both see "not delivered yet"; the
// unique key (eventId, kind, offsetMinutes, startsAt, userId) then makes the second insert fail with P2002, which
// aborts that transaction (PostgreSQL refuses further statements in it), so the whole batch is rolled back and run
// again: its new select sees the other run's rows and sends nobody a second copy.
import type { NotificationKind } from '../contracts/api';
import type { Db } from '../db/client';
import type { Event } from '../db/generated/client';
import { isUniqueViolation } from '../db/errors';
import { inWriteTransaction, type Tx } from '../db/transaction';
import { newId } from '../lib/ids';
import { recordEventNoticeEmails } from './eventNoticeEmails';
import type { DomainEvent, JobRequest } from './outcome';

/** Members per transaction: small enough to keep the write lock briefly, large enough to need few round trips. */
export const NOTICE_BATCH_SIZE = 200;

/** A unique violation means another run delivered part of the batch meanwhile; a few re-runs always settle it. */
const MAX_BATCH_ATTEMPTS = 5;

/** The event row as each batch re-reads it. */
export type NoticeEvent = Event;

export interface NoticeDeps {
  db: Db;
  now: Date;
  /** Overrides NOTICE_BATCH_SIZE (tests use small batches to cross batch boundaries with a few members). */
  batchSize?: number;
  /**
   * Runs after each batch commits with what it caused (its notifications, to announce live). A failure here stops
   * the run: the batches committed so far stay delivered, and a re-run continues from there.
   */
  afterBatch?: (outcome: { events: DomainEvent[]; jobs: JobRequest[] }) => Promise<void>;
  /** Whether e-mail is configured (SMTP_URL): each batch then writes outbox rows and asks for a mail job. */
  emailEnabled?: boolean;
}

export interface NoticeSpec<Reason extends string> {
  eventId: string;
  kind: 'reminder' | 'cancelled' | 'moved';
  offsetMinutes: number;
  startsAt: Date;
  /** RSVP statuses that are owed the notice. */
  statuses: readonly string[];
  notificationKind: NotificationKind;
  /** Why the notice is no longer owed (checked again in every batch's transaction), or null to go on. */
  skipReason(event: NoticeEvent | null): Reason | null;
  /** The notification's data: the client words it in each reader's language. */
  data(event: NoticeEvent): Record<string, unknown>;
}

/** How a delivery run ended: how many notifications it wrote, and why it stopped early if it did. */
export interface NoticeResult<Reason extends string> {
  sent: number;
  skipped: Reason | null;
}

type BatchResult<Reason extends string> =
  | { done: true; skipped: Reason | null; sent: number; mailed: number; events: DomainEvent[] }
  | { done: false; sent: number; mailed: number; events: DomainEvent[]; cursor: string };

/** Delivers a notice to every member owed it, at most once each, batch by batch. */
export async function deliverEventNotice<Reason extends string>(deps: NoticeDeps, spec: NoticeSpec<Reason>): Promise<NoticeResult<Reason>> {
  const batchSize = deps.batchSize ?? NOTICE_BATCH_SIZE;
  let cursor = '';
  let sent = 0;
  for (;;) {
    const batch = await runBatchWithRetry(deps, spec, { cursor, batchSize });
    sent += batch.sent;
    const jobs: JobRequest[] = batch.mailed ? [{ queue: 'mail', name: 'send', data: { reason: `${spec.kind}:${spec.eventId}` } }] : [];
    if ((batch.events.length || jobs.length) && deps.afterBatch) await deps.afterBatch({ events: batch.events, jobs });
    if (batch.done) return { sent, skipped: batch.skipped };
    cursor = batch.cursor;
  }
}

async function runBatchWithRetry<Reason extends string>(deps: NoticeDeps, spec: NoticeSpec<Reason>, page: { cursor: string; batchSize: number }): Promise<BatchResult<Reason>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inWriteTransaction(deps.db, (tx) => runBatch(tx, { now: deps.now, emailEnabled: deps.emailEnabled === true }, spec, page));
    } catch (err) {
      // "Already delivered" by a concurrent run: the rolled-back batch is selected again (see the file comment).
      if (!isUniqueViolation(err) || attempt >= MAX_BATCH_ATTEMPTS) throw err;
    }
  }
}

/** One page of RSVPs (by user id, after `cursor`): the owed members among them get their delivery and notification. */
async function runBatch<Reason extends string>(tx: Tx, context: { now: Date; emailEnabled: boolean }, spec: NoticeSpec<Reason>, page: { cursor: string; batchSize: number }): Promise<BatchResult<Reason>> {
  const { now } = context;
  const event = await tx.event.findUnique({ where: { id: spec.eventId } });
  const skipped = spec.skipReason(event);
  if (skipped !== null || !event) return { done: true, skipped, sent: 0, mailed: 0, events: [] };
  const rsvps = await tx.eventRsvp.findMany({
    where: { eventId: event.id, status: { in: [...spec.statuses] }, userId: { gt: page.cursor } },
    orderBy: { userId: 'asc' },
    take: page.batchSize,
    select: { userId: true },
  });
  const last = rsvps.at(-1);
  if (!last) return { done: true, skipped: null, sent: 0, mailed: 0, events: [] };
  const userIds = rsvps.map((r) => r.userId);
  // Still a member and not banned, at send time: a member who left or was banned keeps an RSVP row but hears nothing.
  const members = await tx.membership.findMany({
    where: { communityId: event.communityId, userId: { in: userIds }, status: 'active' },
    select: { userId: true, user: { select: { locale: true } } },
  });
  const key = { eventId: event.id, kind: spec.kind, offsetMinutes: spec.offsetMinutes, startsAt: spec.startsAt };
  const delivered = await tx.eventReminderDelivery.findMany({ where: { ...key, userId: { in: members.map((m) => m.userId) } }, select: { userId: true } });
  const done = new Set(delivered.map((d) => d.userId));
  const owed = members.filter((m) => !done.has(m.userId)).map((m) => ({ userId: m.userId, locale: m.user.locale, notificationId: newId() }));
  let mailed = 0;
  if (owed.length) {
    // Deliveries first: a concurrent run's rows make this fail before any notification is written.
    await tx.eventReminderDelivery.createMany({ data: owed.map((o) => ({ ...key, userId: o.userId, notificationId: o.notificationId, createdAt: now })) });
    const data = spec.data(event);
    const text = JSON.stringify(data);
    await tx.notification.createMany({
      data: owed.map((o) => ({ id: o.notificationId, userId: o.userId, communityId: event.communityId, kind: spec.notificationKind, data: text, createdAt: now })),
    });
    const refId = `${event.id}:${spec.kind}:${spec.offsetMinutes}:${spec.startsAt.getTime()}`;
    mailed = await recordEventNoticeEmails(tx, { kind: spec.notificationKind, refId, communityId: event.communityId, data, recipients: owed, now }, { emailEnabled: context.emailEnabled });
  }
  const events: DomainEvent[] = owed.map((o) => ({ type: 'notification', userId: o.userId, notificationId: o.notificationId }));
  if (rsvps.length < page.batchSize) return { done: true, skipped: null, sent: owed.length, mailed, events };
  return { done: false, sent: owed.length, mailed, events, cursor: last.userId };
}
