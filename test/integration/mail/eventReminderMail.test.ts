// Event notices by e-mail through a real SMTP server process: a reminder reaches every going member once, in their
// language, with a text and an HTML part and the one-click unsubscribe headers (RFC 8058), however often the
// reminder and the mail jobs run. Cancellation and move notices take the same path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit } from '../../../server/deps';
import { sendEventCancellation } from '../../../server/commands/sendEventCancellation';
import { sendEventMoved } from '../../../server/commands/sendEventMoved';
import { sendEventReminder } from '../../../server/commands/sendEventReminder';
import { sendPendingMail } from '../../../server/commands/sendPendingMail';
import { createMailTransport } from '../../../server/mail/transport';
import { enqueueEventJob, enqueueMailJob } from '../../../workers/queues';
import { eventReminderJobId } from '../../../server/contracts/jobs';
import type { Db } from '../../../server/db/client';
import { startSmtpServer, type TestSmtpServer } from '../../helpers/smtpServer';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { waitUntil } from '../support';
import { counterValue, createMailWorld, eventWithGoers, messagesTo, reminderJob, waitForMail, waitForOutboxSettled, type MailWorld } from './support';

const ORIGIN = 'https://rukun.example.test';

describe('event notices by e-mail', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let db: Db;
  let world: MailWorld;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Rukun Uji <kabar@rukun.example.test>', PUBLIC_ORIGINS: ORIGIN, MAIL_BACKOFF_MS: '100' } });
    db = server.rukun.deps.db;
    world = await createMailWorld(db);
  }, 60_000);
  afterAll(async () => {
    await server?.rukun.deps.queues.mail.obliterate({ force: true });
    await server?.rukun.deps.queues.events.obliterate({ force: true });
    await server?.close();
    await smtp?.dispose();
  });

  it('e-mails a reminder to each going member once, in their language, with unsubscribe headers', async () => {
    const { event, members } = await eventWithGoers(db, world, { count: 4, title: 'Kopdar Pengingat' });
    const outsider = await eventWithGoers(db, world, { count: 0 });
    expect(outsider.members).toHaveLength(0);
    const job = reminderJob(event);
    await enqueueEventJob(server.rukun.deps.queues, { queue: 'events', name: 'reminder', data: job });
    await waitForMail(smtp, members, 'Kopdar Pengingat');
    await waitForOutboxSettled(db, event.id);

    for (const member of members) {
      const received = messagesTo(smtp, member.email);
      expect(received, member.email).toHaveLength(1);
      const [message] = received;
      if (!message) throw new Error('no message');
      expect(message.to).toEqual([member.email]);
      if (member.locale === 'id') {
        expect(message.subject).toBe('Pengingat: Kopdar Pengingat dimulai 1 jam lagi');
        expect(message.text).toContain('dimulai 1 jam lagi');
        expect(message.html).toContain('Lihat acara');
      } else {
        expect(message.subject).toBe('Reminder: Kopdar Pengingat starts in 1 hour');
        expect(message.text).toContain('starts in 1 hour');
        expect(message.html).toContain('View the event');
      }
      expect(message.text).toContain(`${ORIGIN}/events/${event.id}`);
      expect(message.html).toContain(`href="${ORIGIN}/events/${event.id}"`);
      expect(message.headers['list-unsubscribe']).toMatch(new RegExp(`^<${ORIGIN}/api/unsubscribe/[A-Za-z0-9_.-]+>$`));
      expect(message.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(message.headers['message-id']).toMatch(/^<[0-9a-f-]+@rukun\.example\.test>$/);
      expect(message.headers.from).toContain('kabar@rukun.example.test');
    }
    // One notification each as well: e-mail is a copy, not a replacement.
    const notes = await db.notification.findMany({ where: { kind: 'event_reminder', data: { contains: event.id } } });
    expect(notes.map((n) => n.userId).sort()).toEqual(members.map((m) => m.id).sort());

    // The reminder runs again (a retry) and two more mail jobs run: nothing new is written or sent.
    const deps = server.rukun.deps;
    const again = await sendEventReminder({ db, now: new Date(), emailEnabled: true, afterBatch: (outcome) => afterCommit(deps, outcome) }, job);
    expect(again.sent).toBe(0);
    const before = (await deps.queues.mail.getJobCounts('completed')).completed ?? 0;
    await enqueueMailJob(deps.queues, { reason: 'test' });
    await enqueueMailJob(deps.queues, { reason: 'test' });
    await waitUntil('two more mail jobs to complete', async () => (((await deps.queues.mail.getJobCounts('completed')).completed ?? 0) >= before + 2 ? true : undefined));
    for (const member of members) expect(messagesTo(smtp, member.email)).toHaveLength(1);
    expect(await db.mailDelivery.count({ where: { refId: { startsWith: `${event.id}:` }, status: 'sent' } })).toBe(members.length);
    expect(await deps.queues.events.getJobState(eventReminderJobId(job))).toBe('completed');

    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(counterValue(metrics, 'rukun_mail_sent_total', { kind: 'event_reminder' })).toBeGreaterThanOrEqual(members.length);
  }, 60_000);

  it('e-mails a cancellation in the same way', async () => {
    const { event, members } = await eventWithGoers(db, world, { count: 2, title: 'Kopdar Batal' });
    await db.event.update({ where: { id: event.id }, data: { status: 'cancelled', cancelledAt: new Date() } });
    const deps = server.rukun.deps;
    await sendEventCancellation({ db, now: new Date(), emailEnabled: true, afterBatch: (outcome) => afterCommit(deps, outcome) }, { eventId: event.id });
    await waitForMail(smtp, members, 'Kopdar Batal');
    const [id, en] = members;
    expect(messagesTo(smtp, id?.email ?? '')[0]?.subject).toBe('Dibatalkan: Kopdar Batal');
    expect(messagesTo(smtp, en?.email ?? '')[0]?.subject).toBe('Cancelled: Kopdar Batal');
  }, 60_000);

  it('e-mails a move, and three concurrent senders send each message once', async () => {
    const { event, members } = await eventWithGoers(db, world, { count: 6, title: 'Kopdar Pindah' });
    const previous = event.startsAt;
    const moved = await db.event.update({ where: { id: event.id }, data: { startsAt: new Date(previous.getTime() + 3_600_000), endsAt: new Date(previous.getTime() + 3 * 3_600_000), sequence: { increment: 1 } } });
    // No afterBatch: the rows are written but no job is queued, so the three runs below race for all of them.
    const result = await sendEventMoved({ db, now: new Date(), emailEnabled: true }, { eventId: event.id, startsAt: moved.startsAt.toISOString(), previousStartsAt: previous.toISOString(), sequence: moved.sequence });
    expect(result.sent).toBe(6);
    const deps = server.rukun.deps;
    const transports = [0, 1, 2].map(() => createMailTransport(deps.config));
    try {
      const runs = await Promise.all(transports.map((transport) => (transport ? sendPendingMail({ ...deps, transport }) : Promise.reject(new Error('no transport')))));
      expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBeLessThanOrEqual(6);
    } finally {
      for (const transport of transports) transport?.close();
    }
    await waitForMail(smtp, members, 'Kopdar Pindah');
    await waitForOutboxSettled(db, event.id);
    for (const member of members) expect(messagesTo(smtp, member.email), member.email).toHaveLength(1);
    const [id, en] = members;
    expect(messagesTo(smtp, id?.email ?? '')[0]?.subject).toBe('Waktu baru: Kopdar Pindah');
    expect(messagesTo(smtp, en?.email ?? '')[0]?.text).toContain('has moved to');
    expect((await db.mailDelivery.findMany({ where: { refId: { startsWith: `${event.id}:` } } })).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  }, 60_000);
});
