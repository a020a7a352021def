// An SMTP server that is down, then up; one that refuses for now (451), and one that refuses for good (550). E-mail is
// retried with backoff and each member gets exactly one copy once the server takes it; the in-app notifications go
// out meanwhile; /metrics counts the deferred and failed sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit } from '../../../server/deps';
import { sendEventReminder } from '../../../server/commands/sendEventReminder';
import type { Db } from '../../../server/db/client';
import { startSmtpServer, type TestSmtpServer } from '../../helpers/smtpServer';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { waitUntil } from '../support';
import { counterValue, createMailWorld, eventWithGoers, messagesTo, reminderJob, waitForMail, waitForOutboxSettled, type MailWorld } from './support';

describe('SMTP down or refusing', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let db: Db;
  let world: MailWorld;

  const metrics = async () => (await fetch(`${server.baseUrl}/metrics`)).text();
  const remind = async (count: number, title: string) => {
    const { event, members } = await eventWithGoers(db, world, { count, title });
    const deps = server.rukun.deps;
    const result = await sendEventReminder({ db, now: new Date(), emailEnabled: true, afterBatch: (outcome) => afterCommit(deps, outcome) }, reminderJob(event));
    expect(result.sent).toBe(count);
    return { event, members };
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // Short backoff so retries come quickly; many job attempts so none runs out while the test holds the server down.
    server = await startTestServer({ env: { SMTP_URL: smtp.url, MAIL_BACKOFF_MS: '100', MAIL_JOB_ATTEMPTS: '30' } });
    db = server.rukun.deps.db;
    world = await createMailWorld(db);
  }, 60_000);
  afterAll(async () => {
    await server?.rukun.deps.queues.mail.obliterate({ force: true });
    await server?.close();
    await smtp?.dispose();
  });

  it('delivers everything exactly once when a down server comes back, and counts the failures', async () => {
    await smtp.stop();
    const retriedBefore = counterValue(await metrics(), 'rukun_mail_retried_total');
    const { event, members } = await remind(4, 'Kopdar Padam');
    // Members are told in the app at once, whatever the mail server does.
    expect(await db.notification.count({ where: { kind: 'event_reminder', data: { contains: event.id } } })).toBe(4);
    await waitUntil('a mail job to fail against the down server', async () => {
      const text = await metrics();
      return counterValue(text, 'rukun_mail_retried_total') > retriedBefore && counterValue(text, 'rukun_job_failures_total', { queue: 'mail' }) > 0 ? true : undefined;
    });
    expect(await db.mailDelivery.count({ where: { refId: { startsWith: `${event.id}:` }, status: 'sent' } })).toBe(0);
    await smtp.start();
    await waitForMail(smtp, members, 'Kopdar Padam');
    await waitForOutboxSettled(db, event.id);
    for (const member of members) expect(messagesTo(smtp, member.email), member.email).toHaveLength(1);
    const rows = await db.mailDelivery.findMany({ where: { refId: { startsWith: `${event.id}:` } } });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    // An outage is not counted against a message's attempts.
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  }, 60_000);

  it('retries a message refused for now (451) and delivers it once when the server takes it', async () => {
    smtp.setMode('refuse451');
    const retriedBefore = counterValue(await metrics(), 'rukun_mail_retried_total');
    const { event, members } = await remind(2, 'Kopdar Tunda');
    await waitUntil('both messages to be refused at least once', async () => (counterValue(await metrics(), 'rukun_mail_retried_total') >= retriedBefore + 2 ? true : undefined));
    smtp.setMode('accept');
    await waitForMail(smtp, members, 'Kopdar Tunda');
    await waitForOutboxSettled(db, event.id);
    for (const member of members) expect(messagesTo(smtp, member.email)).toHaveLength(1);
    const rows = await db.mailDelivery.findMany({ where: { refId: { startsWith: `${event.id}:` } } });
    expect(rows.every((r) => r.status === 'sent' && r.attempts >= 2)).toBe(true);
  }, 60_000);

  it('gives up on a message refused for good (550) without retrying it, and counts it', async () => {
    smtp.setMode('refuse550');
    const failedBefore = counterValue(await metrics(), 'rukun_mail_failed_total');
    const { event, members } = await remind(1, 'Kopdar Tolak');
    await waitUntil('the message to fail', async () => ((await db.mailDelivery.count({ where: { refId: { startsWith: `${event.id}:` }, status: 'failed' } })) === 1 ? true : undefined));
    smtp.setMode('accept');
    const [row] = await db.mailDelivery.findMany({ where: { refId: { startsWith: `${event.id}:` } } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.lastError).toContain('550');
    expect(counterValue(await metrics(), 'rukun_mail_failed_total')).toBe(failedBefore + 1);
    expect(messagesTo(smtp, members[0]?.email ?? '')).toHaveLength(0);
  }, 60_000);
});
