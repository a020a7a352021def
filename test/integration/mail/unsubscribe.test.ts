// One-click unsubscribe (RFC 8058) and the e-mail preferences: the List-Unsubscribe URL of a received message, POSTed
// with no session, stops that kind of e-mail from that community for that member only, and the token never reaches
// the log. Garbage into the new routes gets the contract's error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit } from '../../../server/deps';
import { sendEventReminder } from '../../../server/commands/sendEventReminder';
import { createLogger } from '../../../server/logger';
import type { Db } from '../../../server/db/client';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createCommunity, createUser, join, type TestUser } from '../../helpers/factories';
import { startSmtpServer, type TestSmtpServer } from '../../helpers/smtpServer';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { createMailWorld, eventWithGoers, messagesTo, reminderJob, waitForMail, waitForOutboxSettled, type MailWorld } from './support';

interface Preferences {
  emailEnabled: boolean;
  preferences: { community: { slug: string; name: string }; digest: boolean; events: boolean }[];
}

describe('one-click unsubscribe and e-mail preferences', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let api: ApiClient;
  let db: Db;
  let world: MailWorld;
  const logLines: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // The process logger at info, so the access log writes a line for every request.
    const logger = createLogger('info', { write: (line: string) => void logLines.push(line) });
    server = await startTestServer({ logger, env: { SMTP_URL: smtp.url, PUBLIC_ORIGINS: 'https://rukun.example.test' } });
    api = apiClient(server.baseUrl);
    db = server.rukun.deps.db;
    world = await createMailWorld(db);
  }, 60_000);
  afterAll(async () => {
    await server?.rukun.deps.queues.mail.obliterate({ force: true });
    await server?.close();
    await smtp?.dispose();
  });

  /** Sends a reminder of a new event with `count` goers and returns them with their messages' unsubscribe paths. */
  async function remind(count: number, title: string) {
    const { event, members } = await eventWithGoers(db, world, { count, title });
    const deps = server.rukun.deps;
    await sendEventReminder({ db, now: new Date(), emailEnabled: true, afterBatch: (outcome) => afterCommit(deps, outcome) }, reminderJob(event));
    return { event, members };
  }

  it('stops event e-mails from that community for that member only, and never logs the token', async () => {
    const first = await remind(2, 'Kopdar Pertama');
    await waitForMail(smtp, first.members, 'Kopdar Pertama');
    const [leaver, stayer] = first.members;
    if (!leaver || !stayer) throw new Error('two members expected');
    const header = messagesTo(smtp, leaver.email)[0]?.headers['list-unsubscribe'] ?? '';
    const url = new URL(/^<(.+)>$/.exec(header)?.[1] ?? 'https://invalid.test/');
    const token = url.pathname.split('/').at(-1) ?? '';
    expect(url.pathname).toBe(`/api/unsubscribe/${token}`);

    // A browser (or a link scanner) that opens the link gets a question page and changes nothing.
    const page = await fetch(`${server.baseUrl}${url.pathname}`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Berhenti menerima e-mail tentang acara dari Komunitas Surel?');
    const peek = await api.request<{ subscription: { kind: string; enabled: boolean } }>('GET', url.pathname);
    expect(peek.body.subscription).toMatchObject({ kind: 'events', enabled: true, community: { slug: world.slug } });

    // The mail client's one-click POST: no session, the RFC 8058 body.
    const post = await fetch(`${server.baseUrl}${url.pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(post.status).toBe(200);
    expect(await post.json()).toMatchObject({ subscription: { kind: 'events', enabled: false, community: { slug: world.slug } } });
    // Twice is the same as once.
    expect((await fetch(`${server.baseUrl}${url.pathname}`, { method: 'POST' })).status).toBe(200);

    const second = await remind(0, 'Kopdar Kedua');
    for (const member of first.members) await db.eventRsvp.create({ data: { eventId: second.event.id, userId: member.id, status: 'going', code: `K${member.id.slice(-8)}` } });
    const deps = server.rukun.deps;
    await sendEventReminder({ db, now: new Date(), emailEnabled: true, afterBatch: (outcome) => afterCommit(deps, outcome) }, reminderJob(second.event));
    await waitForMail(smtp, [stayer], 'Kopdar Kedua');
    await waitForOutboxSettled(db, second.event.id);
    expect(messagesTo(smtp, leaver.email).filter((m) => m.subject.includes('Kopdar Kedua'))).toHaveLength(0);
    // The in-app notification still reaches the member who left e-mail.
    expect(await db.notification.count({ where: { userId: leaver.id, kind: 'event_reminder', data: { contains: second.event.id } } })).toBe(1);

    const logged = logLines.join('\n');
    expect(logged).toContain('/api/unsubscribe/[Redacted]');
    expect(logged).not.toContain(token);
  }, 60_000);

  it('lists and changes the switches per community for the signed-in member', async () => {
    const user: TestUser = await createUser(api, { locale: 'id' });
    const owner = await createUser(api);
    const first = await createCommunity(api, owner);
    const second = await createCommunity(api, owner);
    await join(api, user, first.slug);
    await join(api, user, second.slug);
    const listed = await api.request<Preferences>('GET', '/api/me/email-preferences', { token: user.token });
    expect(listed.status).toBe(200);
    expect(listed.body.emailEnabled).toBe(true);
    expect(listed.body.preferences).toEqual([
      { community: { slug: first.slug, name: first.name }, digest: true, events: true },
      { community: { slug: second.slug, name: second.name }, digest: true, events: true },
    ]);
    const changed = await api.request<Preferences>('PUT', '/api/me/email-preferences', { token: user.token, body: { preferences: [{ slug: second.slug, digest: false }] } });
    expect(changed.status).toBe(200);
    expect(changed.body.preferences[1]).toEqual({ community: { slug: second.slug, name: second.name }, digest: false, events: true });
    expect(changed.body.preferences[0]).toMatchObject({ digest: true, events: true });
    const back = await api.request<Preferences>('PUT', '/api/me/email-preferences', { token: user.token, body: { preferences: [{ slug: second.slug, digest: true, events: false }] } });
    expect(back.body.preferences[1]).toMatchObject({ digest: true, events: false });
    // A community the member does not belong to: 404, and nothing changes.
    const stranger = await createCommunity(api, owner);
    expectError(await api.request('PUT', '/api/me/email-preferences', { token: user.token, body: { preferences: [{ slug: first.slug, events: false }, { slug: stranger.slug, events: false }] } }), 404, 'not_found');
    expect((await api.request<Preferences>('GET', '/api/me/email-preferences', { token: user.token })).body.preferences[0]).toMatchObject({ events: true });
  });

  it('answers garbage with 4xx in the contract shape and stays up', async () => {
    const user = await createUser(api);
    const put = (body: unknown, raw?: string) => api.request('PUT', '/api/me/email-preferences', { token: user.token, ...(raw !== undefined ? { raw } : { body }) });
    expectError(await put(null, '{"preferences": ['), 400, 'malformed_json');
    for (const body of [{}, { preferences: [] }, { preferences: 'all' }, { preferences: [{ slug: 'x' }] }, { preferences: [{ slug: 'abc', digest: 'no' }] }, { preferences: [{ slug: 'abc', events: true, extra: 1 }] }, { preferences: Array.from({ length: 101 }, () => ({ slug: 'abc', digest: true })) }, [1, 2]]) {
      expectError(await put(body), 422, 'validation_failed');
    }
    expectError(await api.request('GET', '/api/me/email-preferences'), 401, 'unauthenticated');
    expectError(await api.request('PUT', '/api/me/email-preferences', { body: { preferences: [{ slug: 'abc', digest: true }] } }), 401, 'unauthenticated');
    const garbage = ['x', 'a.b', 'a.b.c', `${'A'.repeat(60)}.${'B'.repeat(43)}`, '%00', 'u1|x|y|events', '..', 'x'.repeat(401)];
    for (const token of garbage) {
      const path = `/api/unsubscribe/${encodeURIComponent(token)}`;
      const answer = await api.request('POST', path);
      expect([404, 422], `${token}: ${answer.status}`).toContain(answer.status);
      expectError(answer, answer.status);
      expectError(await api.request('GET', path), answer.status);
    }
    // A token with a valid shape but forged: its payload names a real member, the MAC does not match.
    const [member] = (await eventWithGoers(db, world, { count: 1 })).members;
    const payload = Buffer.from(`u1|${member?.id}|${world.communityId}|events`).toString('base64url');
    expectError(await api.request('POST', `/api/unsubscribe/${payload}.${Buffer.alloc(32).toString('base64url')}`), 404, 'not_found');
    expect((await api.request('GET', '/healthz')).status).toBe(200);
  });
});
