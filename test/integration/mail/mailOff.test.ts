// With no SMTP_URL, e-mail is off: event notices write no outbox rows (nothing piles up to be sent later), no mail
// worker runs, and the preferences say so. Members still get their in-app notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventReminderJobId } from '../../../server/contracts/jobs';
import type { Db } from '../../../server/db/client';
import { enqueueEventJob } from '../../../workers/queues';
import { apiClient } from '../../helpers/api';
import { createUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { waitUntil } from '../support';
import { createMailWorld, eventWithGoers, reminderJob } from './support';

describe('e-mail off (no SMTP_URL)', () => {
  let server: TestServer;
  let db: Db;

  beforeAll(async () => {
    server = await startTestServer();
    db = server.rukun.deps.db;
  }, 60_000);
  afterAll(async () => {
    await server?.rukun.deps.queues.events.obliterate({ force: true });
    await server?.close();
  });

  it('writes and sends nothing, while the notifications go out', async () => {
    expect(server.rukun.workers?.mail).toBeNull();
    const world = await createMailWorld(db);
    const { event, members } = await eventWithGoers(db, world, { count: 3 });
    const job = reminderJob(event);
    await enqueueEventJob(server.rukun.deps.queues, { queue: 'events', name: 'reminder', data: job });
    await waitUntil('the reminder job to complete', async () => ((await server.rukun.deps.queues.events.getJobState(eventReminderJobId(job))) === 'completed' ? true : undefined));
    expect(await db.notification.count({ where: { kind: 'event_reminder', data: { contains: event.id } } })).toBe(members.length);
    expect(await db.mailDelivery.count()).toBe(0);
    expect(await server.rukun.deps.queues.mail.count()).toBe(0);
    const user = await createUser(apiClient(server.baseUrl));
    const res = await apiClient(server.baseUrl).request<{ emailEnabled: boolean }>('GET', '/api/me/email-preferences', { token: user.token });
    expect(res.body.emailEnabled).toBe(false);
  });
});
