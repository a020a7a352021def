// Review of issue 11: what a feedback author learns of the staff's hidden work. The author view hides the assignee and
// the screening, and (fixed) omits `version` and keeps `updatedAt` at the last visible change. Run alone:
// npx vitest run test/security/review11/feedbackAuthorView.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feedback } from '../../../server/contracts/surveys';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createCommunity, createUser, join, setRole } from '../../helpers/factories';
import { socketPool } from '../../helpers/liveClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';

let server: TestServer;
let api: ApiClient;
const pool = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
});

describe('review 11: the feedback author view', () => {
  it('the author view omits version and keeps updatedAt at the last visible change: hidden claims and releases do not show', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const author = await createUser(api);
    await join(api, author, community.slug);
    const sent = await api.request<{ feedback: Feedback }>('POST', `/api/communities/${community.slug}/feedback`, { token: author.token, body: { kind: 'problem', body: 'dasar bangsat kalian semua' } });
    expect(sent.status).toBe(201);
    const id = sent.body.feedback.id;
    const mine = async () => (await api.request<{ feedback: Feedback }>('GET', `/api/feedback/${id}`, { token: author.token })).body.feedback;
    const before = await mine();
    expect((await api.request('PATCH', `/api/feedback/${id}`, { token: owner.token, body: { assignee: 'me' } })).status).toBe(200);
    const claimed = await mine();
    expect((await api.request('PATCH', `/api/feedback/${id}`, { token: owner.token, body: { screening: 'clear' } })).status).toBe(200);
    const released = await mine();
    // Everything the author is shown is unchanged except the counters that betray the hidden changes.
    expect(claimed).toEqual(before);
    expect(released).toEqual(before);
    expect(before).not.toHaveProperty('version');
    expect(before.updatedAt).toBe(before.createdAt);
    // A reply is a visible change: it moves updatedAt to the reply's time.
    expect((await api.request('PATCH', `/api/feedback/${id}`, { token: owner.token, body: { reply: 'We read it.' } })).status).toBe(200);
    const replied = await mine();
    expect(replied.updatedAt).toBe(replied.replies[0]?.createdAt);
    expect(replied).not.toHaveProperty('version');
  });
});

describe('review 11: a staff member\'s own held feedback', () => {
  it('a moderator cannot release their own held feedback (403 own_feedback) and it is not announced; another moderator can; replying to it stays allowed', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const moderator = await createUser(api);
    await join(api, moderator, community.slug);
    await setRole(api, owner, community.slug, moderator.id, 'moderator');
    const ownerSock = await pool.connect(owner.token);
    await ownerSock.join(community.slug);
    const sent = await api.request<{ feedback: Feedback }>('POST', `/api/communities/${community.slug}/feedback`, { token: moderator.token, body: { kind: 'problem', body: 'dasar bangsat kalian semua' } });
    expect(sent.status).toBe(201);
    const id = sent.body.feedback.id;
    const held = await api.request<{ feedback: Feedback }>('GET', `/api/feedback/${id}`, { token: owner.token });
    expect(held.body.feedback.screening).toBe('held');
    const release = await api.request<{ error: { code: string; message: string } }>('PATCH', `/api/feedback/${id}`, { token: moderator.token, body: { screening: 'clear' }, headers: { 'accept-language': 'en' } });
    expect(release.status).toBe(403);
    expect(release.body.error).toMatchObject({ code: 'own_feedback', message: 'Staff do not release or resolve their own feedback.' });
    // Refused even together with other changes, and nothing of the PATCH is written.
    const mixed = await api.request('PATCH', `/api/feedback/${id}`, { token: moderator.token, body: { screening: 'clear', reply: 'Releasing my own' } });
    expect(mixed.status).toBe(403);
    expect((await api.request<{ feedback: Feedback }>('GET', `/api/feedback/${id}`, { token: owner.token })).body.feedback).toMatchObject({ screening: 'held', replyCount: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(ownerSock.received.some((r) => r.event === 'feedback:new')).toBe(false);
    // A reply to one's own feedback is allowed (documented): it judges nothing.
    expect((await api.request('PATCH', `/api/feedback/${id}`, { token: moderator.token, body: { reply: 'Sorry for the words' } })).status).toBe(200);
    const byOwner = await api.request<{ feedback: Feedback }>('PATCH', `/api/feedback/${id}`, { token: owner.token, body: { screening: 'clear' } });
    expect(byOwner.status).toBe(200);
    expect(byOwner.body.feedback.screening).toBe('clear');
    await ownerSock.next('feedback:new', (p: { feedback: { id: string } }) => p.feedback.id === id);
    ownerSock.socket.close();
  });
});
