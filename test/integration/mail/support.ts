// What the mail suites share: a community with members who are going to an event, written straight to the database
// (the RSVP and event routes have suites of their own), and waits on the outbox and the SMTP receiver.
import type { Db } from '../../../server/db/client';
import { insertEvent } from '../../helpers/eventRows';
import { unique } from '../../helpers/factories';
import type { ReceivedMessage, TestSmtpServer } from '../../helpers/smtpServer';
import { waitUntil } from '../support';

export interface MailWorld {
  communityId: string;
  slug: string;
  ownerId: string;
}

export interface Member {
  id: string;
  email: string;
  locale: 'id' | 'en';
}

/** A community with an owner. */
export async function createMailWorld(db: Db): Promise<MailWorld> {
  const owner = await createMember(db, null, 'id');
  const slug = `mail-${unique()}`;
  const community = await db.community.create({ data: { slug, name: 'Komunitas Surel' } });
  await db.membership.create({ data: { communityId: community.id, userId: owner.id, role: 'owner' } });
  return { communityId: community.id, slug, ownerId: owner.id };
}

/** A user, and an active member of `communityId` unless it is null. */
export async function createMember(db: Db, communityId: string | null, locale: 'id' | 'en'): Promise<Member> {
  const handle = `m_${unique()}`;
  const email = `${handle}@example.test`;
  const user = await db.user.create({ data: { handle, email, displayName: handle, passwordHash: 'x', locale } });
  if (communityId) await db.membership.create({ data: { communityId, userId: user.id } });
  return { id: user.id, email, locale };
}

/** An event starting `minutesAhead` from now with a reminder at `reminder` minutes, and `count` going members (alternating id/en). */
export async function eventWithGoers(db: Db, world: MailWorld, options: { count: number; minutesAhead?: number; reminder?: number; title?: string }) {
  const startsAt = new Date(Date.now() + (options.minutesAhead ?? 60) * 60_000);
  const event = await insertEvent(db, { communitySlug: world.slug, createdById: world.ownerId, title: options.title ?? 'Kopdar Surel', startsAt, reminders: [options.reminder ?? 60] });
  const members: Member[] = [];
  for (let i = 0; i < options.count; i++) {
    const member = await createMember(db, world.communityId, i % 2 ? 'en' : 'id');
    await db.eventRsvp.create({ data: { eventId: event.id, userId: member.id, status: 'going', code: `R${unique()}` } });
    members.push(member);
  }
  return { event, members };
}

/** The reminder job of `event` at its first offset. */
export const reminderJob = (event: { id: string; startsAt: Date; sequence: number }, offsetMinutes = 60) => ({
  eventId: event.id,
  offsetMinutes,
  startsAt: event.startsAt.toISOString(),
  sequence: event.sequence,
});

/** The messages the receiver accepted for `email`. */
export function messagesTo(smtp: TestSmtpServer, email: string): ReceivedMessage[] {
  return smtp.messages().filter((m) => m.to.includes(email));
}

/** Waits until every member has at least one message whose subject contains `needle`. */
export function waitForMail(smtp: TestSmtpServer, members: Member[], needle: string, timeoutMs = 30_000): Promise<true> {
  return waitUntil(
    `mail containing "${needle}" for ${members.length} members`,
    async () => (members.every((m) => messagesTo(smtp, m.email).some((msg) => msg.subject.includes(needle))) ? true : undefined),
    timeoutMs,
  );
}

/** Waits until no outbox row of `refPrefix` is pending or sending. */
export function waitForOutboxSettled(db: Db, eventId: string, timeoutMs = 30_000): Promise<true> {
  return waitUntil(
    `the outbox of event ${eventId} to settle`,
    async () => ((await db.mailDelivery.count({ where: { refId: { startsWith: `${eventId}:` }, status: { in: ['pending', 'sending'] } } })) === 0 ? true : undefined),
    timeoutMs,
  );
}

/** A counter's value in Prometheus text, summed over its label sets matching `labels` (0 when absent). */
export function counterValue(metrics: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_]+)(\{[^}]*\})?\s+([0-9.e+-]+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const set = match[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => set.includes(`${k}="${v}"`))) total += Number(match[3]);
  }
  return total;
}
