// Scheduled posts against real SQLite and real Redis with an injected clock: published on time through the flagging
// worker (never early), moved later and earlier, cancelled, never published twice under a retried job or two racing
// checks, audited when a manager plans someone else's post, and garbage refused in the contract's error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPostCheck } from '../../../server/commands/applyPostCheck';
import type { Community, Post } from '../../../server/contracts/api';
import { flagJobId } from '../../../server/contracts/jobs';
import { apiClient, type ApiClient } from '../../helpers/api';
import { socketPool } from '../../helpers/liveClient';
import { createCommunity, createPost, createUser, join, setRole, unique, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { auditLog } from '../moderation/support';
import { expectError, waitUntil } from '../support';

const HOUR = 3_600_000;
let server: TestServer;
let api: ApiClient;
// The server's clock: tests move it; Redis's timers for delayed jobs keep real time.
let clock = new Date();
const sockets = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer({ now: () => clock, sweepGraceMs: 0 });
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await sockets.closeAll();
  await server.close();
});

interface Cast {
  owner: TestUser;
  manager: TestUser;
  moderator: TestUser;
  author: TestUser;
  reader: TestUser;
  community: Community;
}

async function cast(): Promise<Cast> {
  const [owner, manager, moderator, author, reader] = await Promise.all([createUser(api), createUser(api), createUser(api), createUser(api), createUser(api)]);
  const community = await createCommunity(api, owner);
  for (const user of [manager, moderator, author, reader]) await join(api, user, community.slug);
  await setRole(api, owner, community.slug, manager.id, 'manager');
  await setRole(api, owner, community.slug, moderator.id, 'moderator');
  return { owner, manager, moderator, author, reader, community };
}

const text = () => `Pengumuman terjadwal ${unique()} untuk warga`;
const later = (ms: number) => new Date(clock.getTime() + ms).toISOString();

async function getPost(user: TestUser, id: string): Promise<Post> {
  const res = await api.request<{ post: Post }>('GET', `/api/posts/${id}`, { token: user.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.post;
}

async function move(user: TestUser, id: string, publishAt: string): Promise<Post> {
  const res = await api.request<{ post: Post }>('PATCH', `/api/posts/${id}`, { token: user.token, body: { publishAt } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.post;
}

/** Lets the timers of every delayed job of this post's revisions fire now, as Redis would once they are due. */
async function fireTimers(postId: string, revisions: number): Promise<void> {
  for (let revision = 1; revision <= revisions; revision += 1) {
    const job = await server.rukun.deps.queues.flagging.getJob(flagJobId({ postId, revision }));
    if (job && (await job.isDelayed())) await job.promote();
  }
  // Every one of them has run (and, when not due, gone back to waiting) once none is waiting or active.
  await waitUntil('the promoted jobs to run', async () => {
    const counts = await server.rukun.deps.queues.flagging.getJobCounts('waiting', 'active', 'prioritized');
    return (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0) === 0 ? true : undefined;
  });
}

async function sweep(): Promise<void> {
  await server.rukun.workers?.sweeper.runOnce();
}

describe('scheduled posts', () => {
  it('is published on time through the flagging worker, announced live, and not a moment before', async () => {
    const { author, reader, community } = await cast();
    const live = await sockets.connect(reader.token);
    await live.join(community.slug);
    const publishAt = later(2 * HOUR);
    const created = await createPost(api, author, community.slug, { body: text(), publishAt });
    expect(created.status).toBe('scheduled');

    // Its job's timer fires early (promoted by hand) and a sweep runs a minute before the time: still scheduled.
    clock = new Date(Date.parse(publishAt) - 60_000);
    await fireTimers(created.id, 1);
    await sweep();
    expect((await getPost(author, created.id)).status).toBe('scheduled');

    clock = new Date(Date.parse(publishAt) + 1000);
    await sweep();
    const published = await live.next<{ post: Post }>('post:published', (p) => p.post.id === created.id);
    expect(published.post.status).toBe('published');
    const post = await getPost(reader, created.id);
    expect(post.status).toBe('published');
    expect(Date.parse(post.publishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(publishAt));
  });

  it('moved later, earlier and later again: published once, at the last time, as its last revision', async () => {
    const { author, reader, community } = await cast();
    const created = await createPost(api, author, community.slug, { body: text(), publishAt: later(HOUR) });
    const times = [later(5 * HOUR), later(30 * 60_000), later(3 * HOUR)];
    for (const publishAt of times) expect((await move(author, created.id, publishAt)).publishAt).toBe(publishAt);

    // Every earlier plan's time passes and its timer fires: nothing is published.
    clock = new Date(Date.parse(later(HOUR)) + 60_000);
    await fireTimers(created.id, 4);
    await sweep();
    expect((await getPost(author, created.id)).status).toBe('scheduled');

    clock = new Date(Date.parse(times[2] ?? '') + 1000);
    await sweep();
    // Polled as the author: a member gets 404 until the post is published.
    await waitUntil('published', async () => ((await getPost(author, created.id)).status === 'published' ? true : undefined));
    const post = await getPost(reader, created.id);
    expect(post.publishedAt).toBe(clock.toISOString());
    // Late timers of the stale plans change nothing.
    await fireTimers(created.id, 4);
    expect((await getPost(reader, created.id)).publishedAt).toBe(post.publishedAt);
  });

  it('a time in the past publishes it now, checked like any post', async () => {
    const { author, reader, community } = await cast();
    const created = await createPost(api, author, community.slug, { body: text(), publishAt: later(HOUR) });
    const moved = await move(author, created.id, new Date(clock.getTime() - 1000).toISOString());
    expect(moved.status === 'pending' || moved.status === 'published').toBe(true);
    await waitUntil('published', async () => ((await getPost(author, created.id)).status === 'published' ? true : undefined));
    expect((await getPost(reader, created.id)).status).toBe('published');
  });

  it('cancelled: deleted, never published, even when its time comes and its timer fires', async () => {
    const { author, community } = await cast();
    const created = await createPost(api, author, community.slug, { body: text(), publishAt: later(HOUR) });
    const res = await api.request<{ post: Post }>('POST', `/api/posts/${created.id}/cancel-schedule`, { token: author.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.post.status).toBe('deleted');
    clock = new Date(clock.getTime() + 2 * HOUR);
    await fireTimers(created.id, 2);
    await sweep();
    expect((await getPost(author, created.id)).status).toBe('deleted');
    // Cancelled already: a second cancel and a move are refused.
    expectError(await api.request('POST', `/api/posts/${created.id}/cancel-schedule`, { token: author.token }), 409, 'post_not_editable');
    expectError(await api.request('PATCH', `/api/posts/${created.id}`, { token: author.token, body: { publishAt: later(HOUR) } }), 409, 'post_not_editable');
  });

  it('never published twice: two racing checks and a retried job apply it once', async () => {
    const { author, community } = await cast();
    const created = await createPost(api, author, community.slug, { body: text(), publishAt: later(HOUR) });
    const { db, sql } = server.rukun.deps;
    const due = new Date(clock.getTime() + HOUR + 1000);
    const job = { postId: created.id, revision: 1 };
    const [a, b] = await Promise.all([applyPostCheck({ db, sql, now: due }, job), applyPostCheck({ db, sql, now: due }, job)]);
    const kinds = [a.value.kind, b.value.kind].sort();
    expect(kinds).toEqual(['applied', 'skipped']);
    expect([...a.events, ...b.events].filter((e) => e.type === 'post:published')).toHaveLength(1);
    const first = await getPost(author, created.id);
    const retried = await applyPostCheck({ db, sql, now: new Date(due.getTime() + HOUR) }, { ...job, retried: true });
    expect(retried.value.kind).toBe('skipped');
    const after = await getPost(author, created.id);
    expect(after.publishedAt).toBe(first.publishedAt);
    expect(after.status).toBe('published');
    // Published already: it can no longer be moved or cancelled.
    expectError(await api.request('PATCH', `/api/posts/${created.id}`, { token: author.token, body: { publishAt: later(HOUR) } }), 409, 'post_not_editable');
  });

  it('a check of the revision before a move does not publish it early', async () => {
    const { author, community } = await cast();
    const created = await createPost(api, author, community.slug, { body: text(), publishAt: later(HOUR) });
    await move(author, created.id, later(4 * HOUR));
    const { db, sql } = server.rukun.deps;
    const outcome = await applyPostCheck({ db, sql, now: new Date(clock.getTime() + 2 * HOUR) }, { postId: created.id, revision: 1 });
    expect(outcome.value.kind).toBe('skipped');
    const notYet = await applyPostCheck({ db, sql, now: new Date(clock.getTime() + 2 * HOUR) }, { postId: created.id, revision: 2 });
    expect(notYet.value.kind).toBe('not_due');
    expect((await getPost(author, created.id)).status).toBe('scheduled');
  });

  it('a manager moves and cancels a member\'s scheduled post, audited; a moderator and other members may not', async () => {
    const { owner, manager, moderator, author, reader, community } = await cast();
    const created = await createPost(api, author, community.slug, { body: text(), publishAt: later(HOUR) });
    const publishAt = later(2 * HOUR);
    await move(manager, created.id, publishAt);
    expectError(await api.request('PATCH', `/api/posts/${created.id}`, { token: moderator.token, body: { publishAt: later(3 * HOUR) } }), 403, 'forbidden');
    expectError(await api.request('POST', `/api/posts/${created.id}/cancel-schedule`, { token: moderator.token }), 403, 'forbidden');
    // A member who is not the author does not see it at all.
    expectError(await api.request('PATCH', `/api/posts/${created.id}`, { token: reader.token, body: { publishAt: later(3 * HOUR) } }), 404, 'not_found');
    expectError(await api.request('POST', `/api/posts/${created.id}/cancel-schedule`, { token: reader.token }), 404, 'not_found');
    // The manager may move the time, not rewrite the member's text.
    expectError(await api.request('PATCH', `/api/posts/${created.id}`, { token: manager.token, body: { body: 'Teks lain' } }), 403, 'forbidden');
    const calendar = await api.request<{ scheduledPosts: Post[] }>('GET', `/api/communities/${community.slug}/calendar?from=${encodeURIComponent(later(0))}&to=${encodeURIComponent(later(24 * HOUR))}`, { token: manager.token });
    expect(calendar.body.scheduledPosts.map((p) => [p.id, p.publishAt])).toEqual([[created.id, publishAt]]);
    expect((await api.request('POST', `/api/posts/${created.id}/cancel-schedule`, { token: manager.token })).status).toBe(200);
    const log = await auditLog(api, owner, community.slug);
    const actions = log.filter((e) => e.target.id === created.id).map((e) => e.action);
    expect(actions.sort()).toEqual(['post.cancel_schedule', 'post.reschedule']);
  });

  it('the author edits text and time together; garbage gets 4xx in the contract\'s shape and the server stays up', async () => {
    const { author, community } = await cast();
    const created = await createPost(api, author, community.slug, { body: text(), publishAt: later(HOUR) });
    const publishAt = later(6 * HOUR);
    const res = await api.request<{ post: Post }>('PATCH', `/api/posts/${created.id}`, { token: author.token, body: { body: 'Teks baru yang lebih rapi', publishAt } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.post).toMatchObject({ status: 'scheduled', publishAt, body: 'Teks baru yang lebih rapi' });
    for (const body of [{}, { publishAt: 'besok pagi' }, { publishAt: 1893456000000 }, { publishAt: '2030-02-30T10:00:00Z' }, { publishAt: null }, { title: 'Judul saja' }, { body: '' }, []]) {
      expectError(await api.request('PATCH', `/api/posts/${created.id}`, { token: author.token, body }), 422);
    }
    expectError(await api.request('PATCH', `/api/posts/${created.id}`, { token: author.token, raw: '{"publishAt":' }), 400, 'malformed_json');
    expectError(await api.request('POST', `/api/posts/no-such-post-${unique()}/cancel-schedule`, { token: author.token }), 404, 'not_found');
    expectError(await api.request('POST', `/api/posts/${created.id}/cancel-schedule`, {}), 401);
    expect((await getPost(author, created.id)).status).toBe('scheduled');
  });
});
