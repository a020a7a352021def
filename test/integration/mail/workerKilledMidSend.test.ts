// A worker process SIGKILLed in the middle of sending a reminder's e-mails: the SMTP receiver accepts two messages and
// holds every later one unanswered (the worker sends MAIL_CONCURRENCY at once), the worker is killed there. After a
// new worker starts, every going member has exactly one message: the two sent are not sent again, the ones in flight
// (their lease passed) and the rest are sent once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client';
import { enqueueEventJob } from '../../../workers/queues';
import { startSmtpServer, type TestSmtpServer } from '../../helpers/smtpServer';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { startWorkerProcess, type WorkerProcess } from '../../reliability/support/workerProcess';
import { waitUntil } from '../support';
import { createMailWorld, eventWithGoers, messagesTo, reminderJob, waitForMail, waitForOutboxSettled, type MailWorld } from './support';

describe('a mail worker killed mid-send', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let db: Db;
  let world: MailWorld;
  const workers: WorkerProcess[] = [];

  const spawnWorker = async (): Promise<WorkerProcess> => {
    const { DATABASE_URL, REDIS_URL } = server.rukun.deps.config;
    const worker = await startWorkerProcess({
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      prefix: server.prefix,
      stallAt: 'none',
      // A short lease, so the killed worker's message is taken over soon; the retry backoff short to match.
      env: { SMTP_URL: smtp.url, MAIL_LEASE_SECONDS: '2', MAIL_SWEEP_SECONDS: '1', MAIL_BACKOFF_MS: '200', MAIL_JOB_ATTEMPTS: '30', PUBLIC_ORIGINS: 'https://rukun.example.test' },
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // HTTP only in this process: every job runs in a child worker process that the test can kill.
    server = await startTestServer({ process: 'server', env: { SMTP_URL: smtp.url } });
    db = server.rukun.deps.db;
    world = await createMailWorld(db);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => {
    await server?.rukun.deps.queues.mail.obliterate({ force: true });
    await server?.rukun.deps.queues.events.obliterate({ force: true });
    await server?.close();
    await smtp?.dispose();
  });

  it('resumes after a restart without a second copy for anyone and without skipping anyone', async () => {
    const { event, members } = await eventWithGoers(db, world, { count: 8, title: 'Kopdar Tahan' });
    smtp.setMode('hold:2');
    const doomed = await spawnWorker();
    await enqueueEventJob(server.rukun.deps.queues, { queue: 'events', name: 'reminder', data: reminderJob(event) });
    await waitUntil('the third message to be held mid-send', async () => (smtp.held().length >= 1 ? true : undefined), 30_000);
    // The two accepted messages are marked sent right after the server's answer: kill only once both marks are
    // written, so the test kills in one known state (an accepted message not yet marked is the documented window).
    await waitUntil('the two accepted messages to be marked sent', async () => ((await db.mailDelivery.count({ where: { refId: { startsWith: `${event.id}:` }, status: 'sent' } })) >= 2 ? true : undefined), 30_000);
    await doomed.kill();

    const rows = await db.mailDelivery.findMany({ where: { refId: { startsWith: `${event.id}:` } } });
    expect(rows).toHaveLength(8);
    const inFlight = rows.filter((r) => r.status === 'sending').map((r) => r.id);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(inFlight.length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(8 - 2 - inFlight.length);
    expect(smtp.messages().filter((m) => m.subject.includes('Kopdar Tahan'))).toHaveLength(2);

    smtp.setMode('accept');
    await spawnWorker();
    await waitForMail(smtp, members, 'Kopdar Tahan', 45_000);
    await waitForOutboxSettled(db, event.id, 45_000);
    for (const member of members) expect(messagesTo(smtp, member.email), member.email).toHaveLength(1);
    const after = await db.mailDelivery.findMany({ where: { refId: { startsWith: `${event.id}:` } } });
    expect(after.every((r) => r.status === 'sent')).toBe(true);
    // The messages in flight at the kill were claimed twice; the others once.
    for (const row of after) expect(row.attempts, row.id).toBe(inFlight.includes(row.id) ? 2 : 1);
    // Exactly one notification each as well.
    expect(await db.notification.count({ where: { kind: 'event_reminder', data: { contains: event.id } } })).toBe(8);
  }, 90_000);
});
