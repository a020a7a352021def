// Sanctions: what warn, mute, suspend and ban stop, how they end (by time on a fake clock, or lifted), who is told,
// and the audit trail every sanction and lift leaves behind.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse, Post, Sanction } from '../../../server/contracts/api';
import { apiClient, type ApiClient } from '../../helpers/api';
import { unique, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { auditLog, cast, fakeClock, MINUTE, notifications, publishedPost, socketPool } from './support';

const clock = fakeClock();
let server: TestServer;
let api: ApiClient;
const pool = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer({ now: clock.now });
  api = apiClient(server.baseUrl);
});
afterEach(() => pool.closeAll());
afterAll(async () => {
  await server.close();
});

async function sanction(actor: TestUser, slug: string, target: TestUser, body: { kind: string; reason: string; durationMinutes?: number }) {
  return api.request<{ sanction: Sanction }>('POST', `/api/communities/${slug}/members/${target.id}/sanctions`, { token: actor.token, body });
}

async function sanctioned(actor: TestUser, slug: string, target: TestUser, body: { kind: string; reason: string; durationMinutes?: number }): Promise<Sanction> {
  const res = await sanction(actor, slug, target, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.sanction;
}

/** What the member may do right now in the community, as status codes and error codes. */
async function abilities(user: TestUser, slug: string, target: Post) {
  const code = (res: { status: number; body: unknown }) => (res.status < 300 ? res.status : `${res.status} ${(res.body as { error?: { code?: string } }).error?.code}`);
  const post = await api.request('POST', `/api/communities/${slug}/posts`, { token: user.token, body: { body: `Kabar baru ${unique()}` } });
  const reply = await api.request('POST', `/api/communities/${slug}/posts`, { token: user.token, body: { body: `Setuju ${unique()}`, parentId: target.id } });
  const react = await api.request('POST', `/api/posts/${target.id}/reactions`, { token: user.token, body: { kind: 'like' } });
  // Take the reaction back so the next round starts from the same place.
  if (react.status === 201) await api.request('DELETE', `/api/posts/${target.id}/reactions?kind=like`, { token: user.token });
  const read = await api.request('GET', `/api/communities/${slug}/posts`, { token: user.token });
  return { post: code(post), reply: code(reply), react: code(react), read: code(read) };
}

/** Whether the user may report a post (each check uses a fresh post, since one report per member is allowed). */
async function reportCode(user: TestUser, slug: string, by: TestUser) {
  const target = await publishedPost(api, by, slug);
  const res = await api.request('POST', `/api/posts/${target.id}/reports`, { token: user.token, body: { reason: 'spam' } });
  return res.status < 300 ? res.status : `${res.status} ${(res.body as { error?: { code?: string } }).error?.code}`;
}

describe('mute', () => {
  it('stops posting and replying until it runs out, and nothing else', async () => {
    const { community, moderator, author, members } = await cast(api);
    const [other] = members as [TestUser];
    const target = await publishedPost(api, other, community.slug);
    const mute = await sanctioned(moderator, community.slug, author, { kind: 'mute', reason: 'Debat kasar', durationMinutes: 30 });
    expect(mute).toMatchObject({ kind: 'mute', userId: author.id, reason: 'Debat kasar', communitySlug: community.slug, liftedAt: null });
    expect(Date.parse(mute.endsAt ?? '') - Date.parse(mute.createdAt)).toBe(30 * MINUTE);

    expect(await abilities(author, community.slug, target)).toEqual({ post: '403 muted', reply: '403 muted', react: 201, read: 200 });
    expect(await reportCode(author, community.slug, other)).toBe(201);

    clock.advance(29 * MINUTE);
    expect((await abilities(author, community.slug, target)).post).toBe('403 muted');
    clock.advance(1 * MINUTE + 1_000);
    expect(await abilities(author, community.slug, target)).toEqual({ post: 201, reply: 201, react: 201, read: 200 });
  });
});

describe('suspend', () => {
  it('stops posting, replying, reacting and reporting until it runs out, but not reading', async () => {
    const { community, moderator, author, members } = await cast(api);
    const [other] = members as [TestUser];
    const target = await publishedPost(api, other, community.slug);
    await sanctioned(moderator, community.slug, author, { kind: 'suspend', reason: 'Spam berulang', durationMinutes: 24 * 60 });

    expect(await abilities(author, community.slug, target)).toEqual({ post: '403 suspended', reply: '403 suspended', react: '403 suspended', read: 200 });
    expect(await reportCode(author, community.slug, other)).toBe('403 suspended');
    expect((await api.request('GET', `/api/posts/${target.id}`, { token: author.token })).status).toBe(200);

    clock.advance(23 * 60 * MINUTE);
    expect((await abilities(author, community.slug, target)).react).toBe('403 suspended');
    clock.advance(60 * MINUTE + 1_000);
    expect(await abilities(author, community.slug, target)).toEqual({ post: 201, reply: 201, react: 201, read: 200 });
    expect(await reportCode(author, community.slug, other)).toBe(201);
  });

  it('without a duration lasts until it is lifted', async () => {
    const { community, moderator, author, members } = await cast(api);
    const [other] = members as [TestUser];
    const target = await publishedPost(api, other, community.slug);
    const suspension = await sanctioned(moderator, community.slug, author, { kind: 'suspend', reason: 'Menunggu klarifikasi' });
    expect(suspension.endsAt).toBeNull();

    clock.advance(7 * 24 * 60 * MINUTE);
    expect((await abilities(author, community.slug, target)).post).toBe('403 suspended');
    expect((await api.request(`DELETE`, `/api/sanctions/${suspension.id}`, { token: moderator.token })).status).toBe(204);
    expect(await abilities(author, community.slug, target)).toEqual({ post: 201, reply: 201, react: 201, read: 200 });
    const lifted = (await notifications(api, author)).find((n) => n.kind === 'sanction_lifted');
    expect(lifted?.data).toMatchObject({ kind: 'suspend' });
  });
});

describe('warn', () => {
  it('changes nothing the member may do, but tells them why', async () => {
    const { community, moderator, author, members } = await cast(api);
    const [other] = members as [TestUser];
    const target = await publishedPost(api, other, community.slug);
    const warning = await sanctioned(moderator, community.slug, author, { kind: 'warn', reason: 'Tolong jaga bahasa', durationMinutes: 60 });
    expect(warning).toMatchObject({ kind: 'warn', endsAt: null });

    expect(await abilities(author, community.slug, target)).toEqual({ post: 201, reply: 201, react: 201, read: 200 });
    expect(await reportCode(author, community.slug, other)).toBe(201);
    const note = (await notifications(api, author)).find((n) => n.kind === 'sanctioned');
    expect(note).toMatchObject({ communitySlug: community.slug, data: { kind: 'warn', reason: 'Tolong jaga bahasa', endsAt: null } });
  });
});

describe('ban', () => {
  it('is for managers: it ends the membership, refuses rejoining, and lifting it lets the user back in', async () => {
    const { community, moderator, manager, author, members } = await cast(api);
    const [other] = members as [TestUser];
    const target = await publishedPost(api, other, community.slug);
    expectError(await sanction(moderator, community.slug, author, { kind: 'ban', reason: 'Penipuan' }), 403, 'forbidden');

    const ban = await sanctioned(manager, community.slug, author, { kind: 'ban', reason: 'Penipuan' });
    expect(ban).toMatchObject({ kind: 'ban', endsAt: null, liftedAt: null });
    const me = await api.request<MeResponse>('GET', '/api/me', { token: author.token });
    expect(me.body.memberships.find((m) => m.community.slug === community.slug)?.status).toBe('banned');
    expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body: { body: `Halo ${unique()}` } }), 403, 'banned');
    expectError(await api.request('POST', `/api/posts/${target.id}/reactions`, { token: author.token, body: { kind: 'like' } }), 404);
    expectError(await api.request('POST', `/api/communities/${community.slug}/join`, { token: author.token }), 403, 'banned');
    const socket = await pool.connect(author.token);
    expect(await socket.socket.timeout(5000).emitWithAck('community:join', { slug: community.slug })).toMatchObject({ ok: false, error: { code: 'banned' } });
    expect((await notifications(api, author)).find((n) => n.kind === 'sanctioned')?.data).toMatchObject({ kind: 'ban', reason: 'Penipuan' });

    expectError(await api.request('DELETE', `/api/sanctions/${ban.id}`, { token: moderator.token }), 403, 'forbidden');
    expect((await api.request('DELETE', `/api/sanctions/${ban.id}`, { token: manager.token })).status).toBe(204);
    expectError(await api.request('DELETE', `/api/sanctions/${ban.id}`, { token: manager.token }), 409, 'sanction_lifted');
    expect((await api.request('POST', `/api/communities/${community.slug}/join`, { token: author.token })).status).toBe(201);
    expect((await api.request('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body: { body: `Saya kembali ${unique()}` } })).status).toBe(201);
  });

  it('refuses sanctions on someone of the same rank or above, and on non-members', async () => {
    const { community, owner, moderator, moderator2, manager } = await cast(api);
    expectError(await sanction(moderator, community.slug, moderator2, { kind: 'mute', reason: 'x' }), 403, 'forbidden');
    expectError(await sanction(moderator, community.slug, manager, { kind: 'warn', reason: 'x' }), 403, 'forbidden');
    expectError(await sanction(manager, community.slug, owner, { kind: 'ban', reason: 'x' }), 403, 'forbidden');
    const stranger = (await cast(api)).author;
    expectError(await sanction(moderator, community.slug, stranger, { kind: 'warn', reason: 'x' }), 404, 'not_found');
  });
});

describe('the audit log', () => {
  it('records every sanction and every lift with actor, target, reason, before and after', async () => {
    const { community, moderator, manager, author, members } = await cast(api);
    const [other] = members as [TestUser];
    const warn = await sanctioned(moderator, community.slug, author, { kind: 'warn', reason: 'Peringatan pertama' });
    const mute = await sanctioned(moderator, community.slug, author, { kind: 'mute', reason: 'Masih kasar', durationMinutes: 90 });
    const suspend = await sanctioned(moderator, community.slug, other, { kind: 'suspend', reason: 'Spam', durationMinutes: 60 });
    const ban = await sanctioned(manager, community.slug, other, { kind: 'ban', reason: 'Spam lagi' });
    expect((await api.request('DELETE', `/api/sanctions/${mute.id}`, { token: moderator.token })).status).toBe(204);
    expect((await api.request('DELETE', `/api/sanctions/${ban.id}`, { token: manager.token })).status).toBe(204);

    const log = await auditLog(api, moderator, community.slug);
    const entries = log.filter((e) => e.action.startsWith('sanction.'));
    expect(entries.map((e) => e.action)).toEqual(['sanction.lift', 'sanction.lift', 'sanction.ban', 'sanction.suspend', 'sanction.mute', 'sanction.warn']);
    for (const entry of entries) {
      // expect.any(Object) would also take null: ask for a real object on both sides.
      expect(entry.before !== null && typeof entry.before === 'object', `${entry.action} before: ${JSON.stringify(entry.before)}`).toBe(true);
      expect(entry.after !== null && typeof entry.after === 'object', `${entry.action} after: ${JSON.stringify(entry.after)}`).toBe(true);
      expect(entry.createdAt).toEqual(expect.any(String));
    }

    const byAction = (action: string, targetId: string) => entries.find((e) => e.action === action && e.target.id === targetId);
    expect(byAction('sanction.warn', author.id)).toMatchObject({ actor: { id: moderator.id }, target: { type: 'user' }, reason: 'Peringatan pertama', after: { sanctionId: warn.id, kind: 'warn', endsAt: null } });
    expect(byAction('sanction.mute', author.id)).toMatchObject({ actor: { id: moderator.id }, reason: 'Masih kasar', after: { sanctionId: mute.id, kind: 'mute', endsAt: mute.endsAt } });
    expect(byAction('sanction.suspend', other.id)).toMatchObject({ actor: { id: moderator.id }, reason: 'Spam', after: { sanctionId: suspend.id, kind: 'suspend' } });
    // A ban ends the membership: before and after say so.
    expect(byAction('sanction.ban', other.id)).toMatchObject({ actor: { id: manager.id }, reason: 'Spam lagi', before: { status: 'active' }, after: { sanctionId: ban.id, kind: 'ban', status: 'banned' } });

    const muteLift = byAction('sanction.lift', mute.id);
    expect(muteLift).toMatchObject({ actor: { id: moderator.id }, target: { type: 'sanction', id: mute.id }, before: { kind: 'mute', userId: author.id, liftedAt: null }, after: { kind: 'mute', userId: author.id, liftedAt: expect.any(String) } });
    expect(byAction('sanction.lift', ban.id)).toMatchObject({ actor: { id: manager.id }, before: { kind: 'ban', userId: other.id }, after: { kind: 'ban', liftedAt: expect.any(String) } });
  });
});
