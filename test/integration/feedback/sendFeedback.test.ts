// Sending feedback through the HTTP app: the 201 answer, the checker (clear, held by a community word rule of action
// hold and by a strong Indonesian insult of the built-in lexicon, never refused), held feedback kept out of the
// inbox and shown in the "held" view with its reasons, its author seeing it as sent; feedback:new reaching the
// moderators' and managers' sockets and not a member's; releasing held feedback announcing it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackPayload } from '../../../server/contracts/events';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createUser, join, unique } from '../../helpers/factories';
import { socketPool } from '../../helpers/liveClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { cast, feedbackCalls } from './feedbackSupport';

const NOW = new Date('2026-12-05T03:00:00.000Z');
let server: TestServer;
let api: ApiClient;
let calls: ReturnType<typeof feedbackCalls>;
const pool = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  api = apiClient(server.baseUrl);
  calls = feedbackCalls(api);
});
afterEach(() => pool.closeAll());
afterAll(async () => {
  await server?.close();
});

const forFeedback = (id: string) => (p: FeedbackPayload) => p.feedback.id === id;

describe('sending', () => {
  it('answers 201 with the feedback as its author sees it, stored clear and new', async () => {
    const { member, community } = await cast(api);
    const res = await calls.send(member, community.slug, { kind: 'suggestion', body: '  Bagaimana kalau ada kopdar di Bandung?  ' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.feedback).toEqual({
      id: expect.any(String),
      communitySlug: community.slug,
      kind: 'suggestion',
      body: 'Bagaimana kalau ada kopdar di Bandung?',
      status: 'new',
      screening: 'clear',
      author: expect.objectContaining({ id: member.id, handle: member.handle }),
      assignee: null,
      replies: [],
      replyCount: 0,
      firstResponseAt: null,
      resolvedAt: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const row = await server.rukun.deps.db.feedback.findUniqueOrThrow({ where: { id: res.body.feedback.id } });
    expect(row).toMatchObject({ screening: 'clear', checkReasons: '[]', status: 'new', authorId: member.id });
  });

  it('a suspended or muted member still sends (the inbox is where they ask why); a banned one and a stranger do not', async () => {
    const { owner, member, memberId, community } = await cast(api);
    const stranger = await createUser(api);
    const banned = await createUser(api);
    await join(api, banned, community.slug);
    for (const [user, kind] of [[member, 'suspend'], [memberId, 'mute'], [banned, 'ban']] as const) {
      const res = await api.request('POST', `/api/communities/${community.slug}/members/${user.id}/sanctions`, { token: owner.token, body: { kind, reason: 'uji' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    await calls.sent(member, community.slug, { kind: 'problem', body: 'Kenapa akun saya diskors?' });
    await calls.sent(memberId, community.slug, { kind: 'question', body: 'Sampai kapan saya dibisukan?' });
    expectError(await calls.send(banned, community.slug, { kind: 'question', body: 'Halo?' }), 403, 'banned');
    expectError(await calls.send(stranger, community.slug, { kind: 'question', body: 'Halo?' }), 403, 'not_a_member');
    expectError(await calls.send(member, 'tidak-ada-komunitas', { kind: 'question', body: 'Halo?' }), 404, 'not_found');
  });
});

describe('the checker', () => {
  it('holds feedback that hits a word rule of action hold: stored with the reasons, out of the inbox, sent as far as its author knows', async () => {
    const { owner, moderator, member, community } = await cast(api);
    const word = `zzlarang${unique()}`;
    const rule = await api.request('POST', `/api/communities/${community.slug}/word-rules`, { token: owner.token, body: { pattern: word, match: 'word', action: 'hold' } });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);

    const body = `Admin di sini ${word} semua`;
    const sent = await calls.sent(member, community.slug, { kind: 'problem', body });
    // Nothing tells the author it was held: nothing is refused and nothing is lost.
    expect(sent).toMatchObject({ screening: 'clear', body, status: 'new' });
    expect(sent).not.toHaveProperty('reasons');

    const row = await server.rukun.deps.db.feedback.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.screening).toBe('held');
    const stored = JSON.parse(row.checkReasons) as { match: string; action: string; kind: string }[];
    expect(stored).toEqual([expect.objectContaining({ match: word, action: 'hold', kind: 'word_rule' })]);

    const inbox = await calls.inbox(moderator, community.slug);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((f) => f.id)).not.toContain(sent.id);
    expect(inbox.body.counts).toEqual({ new: 0, in_progress: 0, resolved: 0, held: 1 });

    const held = await calls.inbox(moderator, community.slug, '?screening=held');
    expect(held.body.items).toHaveLength(1);
    expect(held.body.items[0]).toMatchObject({ id: sent.id, screening: 'held', reasons: [expect.objectContaining({ match: word, entry: word, action: 'hold', start: body.indexOf(word), end: body.indexOf(word) + word.length })] });

    const staffView = await calls.read(moderator, sent.id);
    expect(staffView.body.feedback).toMatchObject({ screening: 'held', reasons: [expect.objectContaining({ match: word })] });
    const authorView = await calls.read(member, sent.id);
    expect(authorView.body.feedback).toMatchObject({ screening: 'clear', body });
    expect(authorView.body.feedback).not.toHaveProperty('reasons');
    const mine = await calls.mine(member);
    expect(mine.body.items).toEqual([authorView.body.feedback]);
  });

  it('holds, never refuses, feedback that hits a block rule (a post with it would get 422 content_blocked)', async () => {
    const { owner, moderator, member, community } = await cast(api);
    const word = `zzblokir${unique()}`;
    expect((await api.request('POST', `/api/communities/${community.slug}/word-rules`, { token: owner.token, body: { pattern: word, match: 'word', action: 'block' } })).status).toBe(201);
    const post = await api.request('POST', `/api/communities/${community.slug}/posts`, { token: member.token, body: { body: `Ini ${word}` } });
    expectError(post, 422, 'content_blocked');
    const sent = await calls.sent(member, community.slug, { kind: 'problem', body: `Kenapa kiriman berisi ${word} ditolak?` });
    const held = await calls.inbox(moderator, community.slug, '?screening=held');
    expect(held.body.items).toEqual([expect.objectContaining({ id: sent.id, screening: 'held', reasons: [expect.objectContaining({ match: word, action: 'block' })] })]);
  });

  it('holds a strong Indonesian insult of the built-in lexicon, like a post; a mild word or a clean text stays clear', async () => {
    const { moderator, member, community } = await cast(api);
    const insult = await calls.sent(member, community.slug, { kind: 'problem', body: 'Dasar bangsat kamu, moderatornya' });
    const clean = await calls.sent(member, community.slug, { kind: 'question', body: 'Mohon info jadwal kopdar bulan depan' });
    const mild = await calls.sent(member, community.slug, { kind: 'question', body: 'Anjir, kopdarnya seru banget kemarin' });
    const held = await calls.inbox(moderator, community.slug, '?screening=held');
    expect(held.body.items.map((f) => f.id)).toEqual([insult.id]);
    expect(held.body.items[0]?.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ match: 'bangsat', source: 'lexicon', action: 'hold' })]));
    const inbox = await calls.inbox(moderator, community.slug);
    expect(inbox.body.items.map((f) => f.id)).toEqual([clean.id, mild.id]);
  });
});

describe('feedback:new', () => {
  it('reaches the moderators and managers of the community live, never a member', async () => {
    const { owner, manager, moderator, member, memberId, community } = await cast(api);
    const [modSocket, managerSocket, ownerSocket, memberSocket] = await Promise.all([pool.connect(moderator.token), pool.connect(manager.token), pool.connect(owner.token), pool.connect(memberId.token)]);
    for (const s of [modSocket, managerSocket, ownerSocket, memberSocket]) await s.join(community.slug);

    const sent = await calls.sent(member, community.slug, { kind: 'question', body: 'Bagaimana cara jadi moderator?' });
    for (const s of [modSocket, managerSocket, ownerSocket]) {
      const payload = await s.next<FeedbackPayload>('feedback:new', forFeedback(sent.id));
      expect(payload).toMatchObject({ communitySlug: community.slug, feedback: { id: sent.id, body: 'Bagaimana cara jadi moderator?', screening: 'clear', status: 'new', author: { id: member.id } } });
    }
    // A post published after it reaches the member; anything about the feedback would have arrived before.
    const post = await api.request<{ post: { id: string } }>('POST', `/api/communities/${community.slug}/posts`, { token: owner.token, body: { body: `Selamat pagi ${unique()}` } });
    expect(post.status).toBe(201);
    await memberSocket.next('post:published', (p: { post: { id: string } }) => p.post.id === post.body.post.id);
    expect(memberSocket.received.map((r) => r.event)).not.toContain('feedback:new');
    expect(JSON.stringify(memberSocket.received)).not.toContain(sent.id);
  });

  it('held feedback is not announced; releasing it (PATCH screening clear) announces it once and puts it in the inbox', async () => {
    const { moderator, member, community } = await cast(api);
    const modSocket = await pool.connect(moderator.token);
    await modSocket.join(community.slug);
    const held = await calls.sent(member, community.slug, { kind: 'problem', body: 'Dasar bangsat kamu' });
    const clear = await calls.sent(member, community.slug, { kind: 'question', body: 'Kapan rapat pengurus?' });
    // feedback:new events come in commit order: once the clear one is heard, the held one would have been too.
    await modSocket.next<FeedbackPayload>('feedback:new', forFeedback(clear.id));
    expect(modSocket.received.filter((r) => r.event === 'feedback:new' && (r.payload as FeedbackPayload).feedback.id === held.id)).toEqual([]);

    const released = await calls.patch(moderator, held.id, { screening: 'clear' });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body.feedback).toMatchObject({ id: held.id, screening: 'clear', version: 1 });
    expect(released.body.feedback).not.toHaveProperty('reasons');
    const heard = await modSocket.next<FeedbackPayload>('feedback:new', forFeedback(held.id));
    expect(heard.feedback).toMatchObject({ id: held.id, screening: 'clear' });

    // Releasing again changes nothing more and announces nothing more.
    const again = await calls.patch(moderator, held.id, { screening: 'clear' });
    expect(again.status).toBe(200);
    const later = await calls.sent(member, community.slug, { kind: 'question', body: 'Satu pertanyaan lagi' });
    await modSocket.next<FeedbackPayload>('feedback:new', forFeedback(later.id));
    expect(modSocket.received.filter((r) => r.event === 'feedback:new' && (r.payload as FeedbackPayload).feedback.id === held.id)).toHaveLength(1);

    const inbox = await calls.inbox(moderator, community.slug);
    expect(inbox.body.items.map((f) => f.id)).toContain(held.id);
    expect(inbox.body.counts.held).toBe(0);
    const audit = await server.rukun.deps.db.auditEntry.findMany({ where: { targetType: 'feedback', targetId: held.id } });
    expect(audit.map((a) => a.action)).toEqual(['feedback.release']);
  });
});
