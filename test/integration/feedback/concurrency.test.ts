// Staff working one feedback item at the same moment, through HTTP on real SQLite: two claims (one wins, the other
// 409 already_claimed), two replies (both kept, firstResponseAt the earlier one's time), and 50 PATCHes
// with the same version (exactly one 200, 49 version_conflict). The clock is injected and ticks one second per read,
// so every request has its own time and nothing waits on a real clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateFeedback } from '../../../server/commands/updateFeedback';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createUser, join, setRole, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { loadActor } from '../../../server/queries/actor';
import { expectError } from '../support';
import { cast, feedbackCalls } from './feedbackSupport';

const BASE = new Date('2026-12-05T04:00:00.000Z').getTime();
let tick = 0;
let server: TestServer;
let api: ApiClient;
let calls: ReturnType<typeof feedbackCalls>;

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(BASE + tick++ * 1000) });
  api = apiClient(server.baseUrl);
  calls = feedbackCalls(api);
});
afterAll(async () => {
  await server?.close();
});

describe('at the same moment', () => {
  it('two staff claim one item: one wins, the other gets 409 already_claimed', async () => {
    for (let round = 0; round < 5; round++) {
      const { moderator, manager, member, community } = await cast(api);
      const sent = await calls.sent(member, community.slug, { kind: 'problem', body: `Tidak bisa masuk, percobaan ${round}` });
      const [a, b] = await Promise.all([calls.patch(moderator, sent.id, { assignee: 'me' }), calls.patch(manager, sent.id, { assignee: 'me' })]);
      const statuses = [a.status, b.status].sort();
      expect(statuses, JSON.stringify([a.body, b.body])).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 200 ? moderator : manager;
      expectError(loser, 409, 'already_claimed');
      const row = await server.rukun.deps.db.feedback.findUniqueOrThrow({ where: { id: sent.id } });
      expect(row).toMatchObject({ assigneeId: winner.id, version: 1 });
      expect(await server.rukun.deps.db.auditEntry.count({ where: { targetId: sent.id, action: 'feedback.assign' } })).toBe(1);
    }
  });

  it('two replies at once are both kept; firstResponseAt is the earlier reply\'s time', async () => {
    const { moderator, manager, member, community } = await cast(api);
    const sent = await calls.sent(member, community.slug, { kind: 'question', body: 'Kapan pendaftaran dibuka?' });
    const [a, b] = await Promise.all([calls.patch(moderator, sent.id, { reply: 'Senin depan.' }), calls.patch(manager, sent.id, { reply: 'Mulai Senin, pukul 09.00 WIB.' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const read = await calls.read(moderator, sent.id);
    const { feedback } = read.body;
    expect(feedback.replies.map((r) => r.body).sort()).toEqual(['Mulai Senin, pukul 09.00 WIB.', 'Senin depan.']);
    expect(feedback).toMatchObject({ replyCount: 2, version: 2, status: 'in_progress' });
    const earliest = feedback.replies.map((r) => r.createdAt).sort()[0];
    expect(feedback.firstResponseAt).toBe(earliest);
    expect(await server.rukun.deps.db.notification.count({ where: { userId: member.id, kind: 'feedback_reply' } })).toBe(2);
  });

  it('a reply that commits later but was written earlier still sets the first response (no read decides the write)', async () => {
    const { moderator, member, community } = await cast(api);
    const sent = await calls.sent(member, community.slug, { kind: 'question', body: 'Boleh minta daftar anggota?' });
    const { db, sql } = server.rukun.deps;
    const row = await db.feedback.findUniqueOrThrow({ where: { id: sent.id } });
    const actor = await loadActor(sql, { communityId: row.communityId, userId: moderator.id, now: new Date(BASE) });
    const input = { actor, feedback: { id: row.id, communityId: row.communityId, authorId: row.authorId, kind: row.kind }, community: { name: community.name } };
    const early = new Date(BASE + 10 * 60_000);
    const late = new Date(BASE + 20 * 60_000);
    await updateFeedback({ db, now: late }, { ...input, patch: { reply: 'Ditulis belakangan, masuk duluan.' } });
    await updateFeedback({ db, now: early }, { ...input, patch: { reply: 'Ditulis duluan, masuk belakangan.' } });
    const after = await db.feedback.findUniqueOrThrow({ where: { id: sent.id } });
    expect(after.firstResponseAt?.toISOString()).toBe(early.toISOString());
    expect(after.replyCount).toBe(2);
    // A third, later reply leaves it alone.
    await updateFeedback({ db, now: new Date(BASE + 30 * 60_000) }, { ...input, patch: { reply: 'Yang ketiga.' } });
    expect((await db.feedback.findUniqueOrThrow({ where: { id: sent.id } })).firstResponseAt?.toISOString()).toBe(early.toISOString());
  });

  it('50 PATCHes with the same version: exactly one 200, the other 49 get 409 version_conflict', async () => {
    const { owner, member, community } = await cast(api);
    const staff: TestUser[] = await Promise.all(Array.from({ length: 5 }, () => createUser(api)));
    for (const user of staff) {
      await join(api, user, community.slug);
      await setRole(api, owner, community.slug, user.id, 'moderator');
    }
    const sent = await calls.sent(member, community.slug, { kind: 'suggestion', body: 'Buat grup belajar bareng' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => calls.patch(staff[i % staff.length] as TestUser, sent.id, { version: 0, status: i % 2 ? 'resolved' : 'in_progress', reply: `Balasan nomor ${i}`, assignee: 'me' })),
    );
    const ok = answers.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const res of answers.filter((r) => r.status !== 200)) expectError(res, 409, 'version_conflict');
    const row = await server.rukun.deps.db.feedback.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ version: 1, replyCount: 1, status: ok[0]?.body.feedback.status, assigneeId: ok[0]?.body.feedback.assignee?.id });
    expect(await server.rukun.deps.db.feedbackReply.count({ where: { feedbackId: sent.id } })).toBe(1);
    expect(await server.rukun.deps.db.notification.count({ where: { userId: member.id, kind: 'feedback_reply' } })).toBe(1);
    expect(await server.rukun.deps.db.auditEntry.count({ where: { targetId: sent.id } })).toBe(3);
  });
});
