// Working a feedback item: a reply is appended, sets firstResponseAt once, moves new to in_progress unless a status
// is given, and notifies the author (kind feedback_reply, worded in their language, live and in the list); status,
// resolvedAt, assignment, stale versions (409 with the current feedback), audit entries; what the author sees (no
// assignee) in GET /api/feedback/:id and GET /api/me/feedback across communities.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../../server/contracts/api';
import type { NotificationPayload } from '../../../server/contracts/events';
import type { Feedback } from '../../../server/contracts/surveys';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createCommunity, join, type TestUser } from '../../helpers/factories';
import { socketPool } from '../../helpers/liveClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { cast, feedbackCalls } from './feedbackSupport';

const START = new Date('2026-12-05T02:00:00.000Z');
const MINUTE = 60_000;
let clock = START;
let server: TestServer;
let api: ApiClient;
let calls: ReturnType<typeof feedbackCalls>;
const pool = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  api = apiClient(server.baseUrl);
  calls = feedbackCalls(api);
});
beforeEach(() => {
  clock = START;
});
afterEach(() => pool.closeAll());
afterAll(async () => {
  await server?.close();
});

const later = (minutes: number) => {
  clock = new Date(START.getTime() + minutes * MINUTE);
  return clock.toISOString();
};

async function notificationsOf(user: TestUser): Promise<Notification[]> {
  const res = await api.request<{ items: Notification[] }>('GET', '/api/me/notifications', { token: user.token });
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('replying', () => {
  it('appends the reply, sets firstResponseAt once, moves new to in_progress, and tells the author in Indonesian', async () => {
    const { moderator, manager, memberId, community } = await cast(api);
    const authorSocket = await pool.connect(memberId.token);
    const sent = await calls.sent(memberId, community.slug, { kind: 'question', body: 'Kapan iuran bulanan dibayar?' });

    const firstAt = later(30);
    const first = await calls.patch(moderator, sent.id, { reply: 'Paling lambat tanggal 10 setiap bulan.' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // Every write of the PATCH takes the injected clock, updatedAt included.
    expect(first.body.feedback).toMatchObject({ status: 'in_progress', firstResponseAt: firstAt, replyCount: 1, version: 1, updatedAt: firstAt });
    expect(first.body.feedback.replies).toEqual([{ id: expect.any(String), body: 'Paling lambat tanggal 10 setiap bulan.', author: expect.objectContaining({ id: moderator.id }), createdAt: firstAt }]);

    const live = await authorSocket.next<NotificationPayload>('notification', (p) => p.notification.kind === 'feedback_reply');
    expect(live.notification).toMatchObject({
      kind: 'feedback_reply',
      communitySlug: community.slug,
      data: {
        feedbackId: sent.id,
        feedbackKind: 'question',
        communityName: community.name,
        replyId: first.body.feedback.replies[0]?.id,
        excerpt: 'Paling lambat tanggal 10 setiap bulan.',
        locale: 'id',
        message: `${community.name} membalas masukan Anda.`,
      },
    });

    later(90);
    const second = await calls.patch(manager, sent.id, { reply: 'Bisa lewat transfer juga.' });
    expect(second.body.feedback).toMatchObject({ status: 'in_progress', firstResponseAt: firstAt, replyCount: 2, version: 2 });
    expect(second.body.feedback.replies.map((r) => r.body)).toEqual(['Paling lambat tanggal 10 setiap bulan.', 'Bisa lewat transfer juga.']);
    const listed = (await notificationsOf(memberId)).filter((n) => n.kind === 'feedback_reply');
    expect(listed).toHaveLength(2);
  });

  it('words the notification in English for an English reader; a given status wins over in_progress', async () => {
    const { moderator, member, community } = await cast(api);
    const sent = await calls.sent(member, community.slug, { kind: 'problem', body: 'The event page shows the wrong time' });
    const res = await calls.patch(moderator, sent.id, { reply: 'Fixed, thank you!', status: 'resolved' });
    expect(res.body.feedback).toMatchObject({ status: 'resolved', resolvedAt: START.toISOString(), firstResponseAt: START.toISOString() });
    const [notification] = (await notificationsOf(member)).filter((n) => n.kind === 'feedback_reply');
    expect(notification?.data).toMatchObject({ locale: 'en', message: `${community.name} replied to your feedback.`, feedbackId: sent.id });
  });

  it('audits status, assignment and replies; reopening clears resolvedAt', async () => {
    const { moderator, member, community } = await cast(api);
    const sent = await calls.sent(member, community.slug, { kind: 'suggestion', body: 'Tambah kanal diskusi buku' });
    expect((await calls.patch(moderator, sent.id, { assignee: 'me' })).status).toBe(200);
    expect((await calls.patch(moderator, sent.id, { reply: 'Kami pertimbangkan.' })).status).toBe(200);
    later(10);
    expect((await calls.patch(moderator, sent.id, { status: 'resolved' })).body.feedback.resolvedAt).toBe(clock.toISOString());
    const reopened = await calls.patch(moderator, sent.id, { status: 'in_progress', assignee: null });
    expect(reopened.body.feedback).toMatchObject({ status: 'in_progress', resolvedAt: null, assignee: null, version: 4 });
    const audit = await server.rukun.deps.db.auditEntry.findMany({ where: { targetType: 'feedback', targetId: sent.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['feedback.assign', moderator.id],
      ['feedback.reply', moderator.id],
      ['feedback.status', moderator.id],
      ['feedback.status', moderator.id],
      ['feedback.assign', moderator.id],
    ]);
    expect(audit.map((a) => JSON.parse(a.after ?? 'null'))).toEqual([
      { assigneeId: moderator.id },
      { replyId: expect.any(String) },
      { status: 'resolved' },
      { status: 'in_progress' },
      { assigneeId: null },
    ]);
  });
});

describe('versions and claims', () => {
  it('a stale version is 409 version_conflict with the current feedback, and nothing is written', async () => {
    const { moderator, manager, member, community } = await cast(api);
    const sent = await calls.sent(member, community.slug, { kind: 'question', body: 'Boleh bawa teman ke kopdar?' });
    expect((await calls.patch(moderator, sent.id, { status: 'in_progress', version: 0 })).status).toBe(200);
    const stale = await calls.patch(manager, sent.id, { reply: 'Boleh!', status: 'resolved', version: 0 });
    const body = expectError(stale, 409, 'version_conflict');
    expect(body.error.details).toMatchObject({ feedback: { id: sent.id, status: 'in_progress', version: 1, replies: [] } });
    const now = await calls.read(manager, sent.id);
    expect(now.body.feedback).toMatchObject({ status: 'in_progress', version: 1, replyCount: 0, replies: [] });
    expect(await server.rukun.deps.db.feedbackReply.count({ where: { feedbackId: sent.id } })).toBe(0);
  });

  it('claiming what someone else holds is 409 already_claimed without a version, and a takeover with the current one', async () => {
    const { moderator, manager, member, community } = await cast(api);
    const sent = await calls.sent(member, community.slug, { kind: 'problem', body: 'Tidak bisa unggah foto' });
    expect((await calls.patch(moderator, sent.id, { assignee: 'me' })).body.feedback.assignee).toMatchObject({ id: moderator.id });
    // Claiming again what is already mine is fine.
    expect((await calls.patch(moderator, sent.id, { assignee: 'me' })).status).toBe(200);
    const refused = expectError(await calls.patch(manager, sent.id, { assignee: 'me' }), 409, 'already_claimed');
    expect(refused.error.details).toMatchObject({ feedback: { id: sent.id, assignee: { id: moderator.id }, version: 2 } });
    const takeover = await calls.patch(manager, sent.id, { assignee: 'me', version: 2 });
    expect(takeover.body.feedback).toMatchObject({ assignee: { id: manager.id }, version: 3 });
  });
});

describe('what the author sees', () => {
  it('GET /api/feedback/:id shows the replies with their writers but never who on staff holds it', async () => {
    const { moderator, member, memberId, community } = await cast(api);
    const sent = await calls.sent(member, community.slug, { kind: 'question', body: 'Siapa admin acara?' });
    await calls.patch(moderator, sent.id, { assignee: 'me', reply: 'Saya yang pegang, silakan tanya.' });
    const own = await calls.read(member, sent.id);
    expect(own.status).toBe(200);
    expect(own.body.feedback).toMatchObject({ assignee: null, status: 'in_progress', replies: [{ body: 'Saya yang pegang, silakan tanya.', author: { id: moderator.id } }] });
    expect(JSON.stringify(own.body)).not.toContain('"email"');
    expect((await calls.read(moderator, sent.id)).body.feedback.assignee).toMatchObject({ id: moderator.id });
    // Another member may not know it exists; the author may not work it.
    expectError(await calls.read(memberId, sent.id), 404, 'not_found');
    expectError(await calls.patch(memberId, sent.id, { status: 'resolved' }), 404, 'not_found');
    expectError(await calls.patch(member, sent.id, { status: 'resolved' }), 403, 'forbidden');
    expectError(await calls.read(member, '0190a0b0-0000-7000-8000-000000000000'), 404, 'not_found');
  });

  it('GET /api/me/feedback lists my own across communities, newest first, with replies, paged; held ones as sent', async () => {
    const { owner, moderator, member, community } = await cast(api);
    const elsewhere = await createCommunity(api, owner);
    await join(api, member, elsewhere.slug);
    const items: Feedback[] = [];
    items.push(await calls.sent(member, community.slug, { kind: 'question', body: 'Pertanyaan satu' }));
    later(1);
    items.push(await calls.sent(member, elsewhere.slug, { kind: 'suggestion', body: 'Saran dua' }));
    later(2);
    items.push(await calls.sent(member, community.slug, { kind: 'problem', body: 'Dasar bangsat, fiturnya rusak' }));
    later(3);
    await calls.patch(moderator, items[0]?.id ?? '', { reply: 'Jawaban untuk satu' });

    const all = await calls.mine(member);
    expect(all.status).toBe(200);
    expect(all.body.items.map((f) => f.id)).toEqual(items.map((f) => f.id).reverse());
    expect(all.body.items.map((f) => f.communitySlug)).toEqual([community.slug, elsewhere.slug, community.slug]);
    expect(all.body.items[0]).toMatchObject({ screening: 'clear', body: 'Dasar bangsat, fiturnya rusak' });
    expect(all.body.items[0]).not.toHaveProperty('reasons');
    expect(all.body.items[2]).toMatchObject({ replies: [{ body: 'Jawaban untuk satu' }], assignee: null });

    const first = await calls.mine(member, '?limit=2');
    expect(first.body.items.map((f) => f.id)).toEqual([items[2]?.id, items[1]?.id]);
    const rest = await calls.mine(member, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((f) => f.id)).toEqual([items[0]?.id]);
    expect(rest.body.nextCursor).toBeNull();
    expect((await calls.mine(moderator)).body.items).toEqual([]);
  });
});
