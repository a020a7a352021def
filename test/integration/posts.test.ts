// Posts: the check pipeline, replies, hashtags, paging, edits, deletion, reactions, visibility, holds and schedules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Community, Post } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, setRole, unique, waitForPost, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { expectError, waitUntil } from './support';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

type Page = { items: Post[]; nextCursor: string | null };

interface Cast {
  owner: TestUser;
  moderator: TestUser;
  author: TestUser;
  reader: TestUser;
  community: Community;
}

/** A community with an owner, a moderator and two members (an author and a reader). */
async function cast(): Promise<Cast> {
  const [owner, moderator, author, reader] = await Promise.all([createUser(api), createUser(api), createUser(api), createUser(api)]);
  const community = await createCommunity(api, owner);
  for (const user of [moderator, author, reader]) await join(api, user, community.slug);
  await setRole(api, owner, community.slug, moderator.id, 'moderator');
  return { owner, moderator, author, reader, community };
}

/** Text that passes the checker and never repeats (the duplicate phase holds copies). */
function cleanText(prefix = 'Kabar warga'): string {
  return `${prefix} ${unique()} hari ini`;
}

async function publish(user: TestUser, slug: string, body: Record<string, unknown> = {}): Promise<Post> {
  const post = await createPost(api, user, slug, { body: cleanText(), ...body });
  return waitForPost(api, user, post.id, (p) => p.status === 'published');
}

function feed(user: TestUser, slug: string, query = ''): Promise<Page> {
  return api.request<Page>('GET', `/api/communities/${slug}/posts${query}`, { token: user.token }).then((r) => {
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  });
}

async function setModeration(owner: TestUser, slug: string, moderationMode: 'auto' | 'pre'): Promise<void> {
  const res = await api.request('PATCH', `/api/communities/${slug}/settings`, { token: owner.token, body: { moderationMode } });
  expect(res.status).toBe(200);
}

/** The moderation item of a post, straight from the database (the queue routes are another area). */
function moderationItem(postId: string) {
  return server.rukun.deps.db.moderationItem.findUnique({ where: { postId }, include: { reasons: true } });
}

describe('creating a post', () => {
  it('starts pending/checking, then the worker publishes it into the feed', async () => {
    const { author, reader, community } = await cast();
    const body = cleanText('Selamat pagi semua');
    const res = await api.request<{ post: Post }>('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body: { title: 'Sapaan', body } });
    expect(res.status).toBe(201);
    expect(res.body.post).toMatchObject({
      communitySlug: community.slug,
      author: { id: author.id, handle: author.handle },
      title: 'Sapaan',
      body,
      status: 'pending',
      review: 'checking',
      parentId: null,
      replyCount: 0,
      reactions: { like: 0, love: 0, insightful: 0, funny: 0 },
      publishedAt: null,
    });
    const published = await waitForPost(api, author, res.body.post.id, (p) => p.status === 'published');
    expect(published.review).toBeNull();
    expect(published.publishedAt).toEqual(expect.any(String));

    const items = (await feed(reader, community.slug)).items;
    expect(items.map((p) => p.id)).toEqual([published.id]);
    expect(items[0]).toMatchObject({ body, title: 'Sapaan', status: 'published' });
    expect((await api.request('GET', `/api/posts/${published.id}`, { token: reader.token })).status).toBe(200);
  });

  it('refuses an empty or over-long body with 422', async () => {
    const { author, community } = await cast();
    for (const body of [{ body: '' }, { body: '   ' }, { body: 'x'.repeat(10_001) }, {}, { body: 'ok', title: 'x'.repeat(201) }]) {
      expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body }), 422, 'validation_failed');
    }
    expect((await api.request('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body: { body: `${'y'.repeat(9_990)} ${unique()}`.slice(0, 10_000) } })).status).toBe(201);
  });
});

describe('replies', () => {
  it('counts a published reply on its parent and lists it under ?parentId=, not in the top-level feed', async () => {
    const { author, reader, community } = await cast();
    const parent = await publish(author, community.slug);
    const reply = await publish(reader, community.slug, { parentId: parent.id, body: cleanText('Setuju') });
    expect(reply.parentId).toBe(parent.id);

    const parentNow = await waitForPost(api, reader, parent.id, (p) => p.replyCount === 1);
    expect(parentNow.replyCount).toBe(1);
    expect((await feed(author, community.slug, `?parentId=${parent.id}`)).items.map((p) => p.id)).toEqual([reply.id]);
    expect((await feed(author, community.slug)).items.map((p) => p.id)).toEqual([parent.id]);
  });

  it('refuses a reply to an unknown or unpublished post with 422 invalid_parent', async () => {
    const { author, community } = await cast();
    const scheduled = await createPost(api, author, community.slug, { body: cleanText(), publishAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(scheduled.status).toBe('scheduled');
    for (const parentId of [`no-such-post-${unique()}`, scheduled.id]) {
      const res = await api.request('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body: { body: cleanText(), parentId } });
      expectError(res, 422, 'invalid_parent');
    }
  });

  it('refuses a reply to a post of another community with 422 invalid_parent', async () => {
    const a = await cast();
    const elsewhere = await publish(a.author, a.community.slug);
    const otherCommunity = await createCommunity(api, a.author);
    const res = await api.request('POST', `/api/communities/${otherCommunity.slug}/posts`, { token: a.author.token, body: { body: cleanText(), parentId: elsewhere.id } });
    expectError(res, 422, 'invalid_parent');
  });
});

describe('hashtags', () => {
  it('parses tags from title and body and filters the feed by ?tag=', async () => {
    const { author, reader, community } = await cast();
    const tagged = await publish(author, community.slug, { title: 'Acara #KopDar', body: `Ayo kumpul di #Bandung minggu ini ${unique()}` });
    expect(tagged.tags).toEqual(['bandung', 'kopdar']);
    const untagged = await publish(author, community.slug);
    expect(untagged.tags).toEqual([]);

    for (const tag of ['kopdar', 'KOPDAR', '%23kopdar', 'bandung']) {
      expect((await feed(reader, community.slug, `?tag=${tag}`)).items.map((p) => p.id), `?tag=${tag}`).toEqual([tagged.id]);
    }
    expect((await feed(reader, community.slug, '?tag=jakarta')).items).toEqual([]);
    expect((await feed(reader, community.slug)).items.map((p) => p.id)).toEqual([untagged.id, tagged.id]);
  });
});

describe('paging the feed', () => {
  it('returns each of 45 posts exactly once, newest first, 20 at a time', async () => {
    const { author, reader, community } = await cast();
    const created: Post[] = [];
    for (let batch = 0; batch < 45; batch += 15) {
      created.push(...(await Promise.all(Array.from({ length: 15 }, () => createPost(api, author, community.slug, { body: cleanText('Catatan') })))));
    }
    const ids = new Set(created.map((p) => p.id));
    expect(ids.size).toBe(45);
    await waitUntil('45 published posts', async () => {
      const res = await api.request<Page>('GET', `/api/communities/${community.slug}/posts?status=pending`, { token: author.token });
      return res.body.items.length === 0 ? true : undefined;
    });

    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=20&cursor=${encodeURIComponent(cursor)}` : '?limit=20';
      pages.push(await feed(reader, community.slug, query));
      cursor = pages[pages.length - 1]?.nextCursor ?? null;
    } while (cursor && pages.length < 10);

    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages[2]?.nextCursor).toBeNull();
    const seen = pages.flatMap((p) => p.items);
    expect(new Set(seen.map((p) => p.id))).toEqual(ids);
    expect(seen).toHaveLength(45);
    // Newest first: by publication time, ties broken by id, as the cursor pages.
    const order = [...seen].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.id.localeCompare(a.id));
    expect(seen.map((p) => p.id)).toEqual(order.map((p) => p.id));

    // The default page is 20; a limit of 100 takes them all.
    expect((await feed(reader, community.slug)).items).toHaveLength(20);
    const all = await feed(reader, community.slug, '?limit=100');
    expect(all.items.map((p) => p.id)).toEqual(seen.map((p) => p.id));
    expect(all.nextCursor).toBeNull();
  });

  it.each(['cursor=garbage', 'cursor=%7B%7D', `cursor=${Buffer.from('["not a date","x"]').toString('base64url')}`, 'limit=0', 'limit=101', 'limit=abc', 'limit=2.5', 'status=bogus'])(
    'answers 400 to ?%s',
    async (query) => {
      const { reader, community } = await cast();
      expectError(await api.request('GET', `/api/communities/${community.slug}/posts?${query}`, { token: reader.token }), 400, 'bad_request');
    },
  );
});

describe('editing', () => {
  it('sends the post back to pending, out of the members\' feed, until it is published again', async () => {
    const { owner, author, reader, community } = await cast();
    const post = await publish(author, community.slug, { body: cleanText('Versi pertama') });
    // Hold every post for a human, so the edited revision cannot slip back before we look.
    await setModeration(owner, community.slug, 'pre');

    const newBody = cleanText('Versi kedua');
    const edit = await api.request<{ post: Post }>('PATCH', `/api/posts/${post.id}`, { token: author.token, body: { body: newBody } });
    expect(edit.status).toBe(200);
    expect(edit.body.post).toMatchObject({ id: post.id, status: 'pending', body: newBody, revision: 2 });
    expect(edit.body.post.editedAt).toEqual(expect.any(String));

    expect((await feed(reader, community.slug)).items).toEqual([]);
    expectError(await api.request('GET', `/api/posts/${post.id}`, { token: reader.token }), 404, 'not_found');
    await waitForPost(api, author, post.id, (p) => p.review === 'awaiting_review');
    expect((await feed(reader, community.slug)).items).toEqual([]);

    // Back to automatic checking: the next edit is checked and published again.
    await setModeration(owner, community.slug, 'auto');
    const finalBody = cleanText('Versi ketiga');
    expect((await api.request('PATCH', `/api/posts/${post.id}`, { token: author.token, body: { body: finalBody } })).status).toBe(200);
    await waitForPost(api, author, post.id, (p) => p.status === 'published' && p.revision === 3);
    const items = (await feed(reader, community.slug)).items;
    expect(items.map((p) => [p.id, p.body])).toEqual([[post.id, finalBody]]);
  });

  it('is for the author only: others who can see it get 403, the post is unchanged', async () => {
    const { moderator, author, reader, community } = await cast();
    const post = await publish(author, community.slug);
    for (const user of [reader, moderator]) {
      expectError(await api.request('PATCH', `/api/posts/${post.id}`, { token: user.token, body: { body: 'Diubah orang lain' } }), 403, 'forbidden');
    }
    const read = await api.request<{ post: Post }>('GET', `/api/posts/${post.id}`, { token: reader.token });
    expect(read.body.post).toMatchObject({ body: post.body, revision: 1, status: 'published' });
  });

  it('re-parses hashtags on edit', async () => {
    const { author, reader, community } = await cast();
    const post = await publish(author, community.slug, { body: `Rapat #rt05 ${unique()}` });
    await api.request('PATCH', `/api/posts/${post.id}`, { token: author.token, body: { body: `Rapat #rw02 ${unique()}` } });
    await waitForPost(api, author, post.id, (p) => p.status === 'published' && p.revision === 2);
    expect((await feed(reader, community.slug, '?tag=rw02')).items.map((p) => p.id)).toEqual([post.id]);
    expect((await feed(reader, community.slug, '?tag=rt05')).items).toEqual([]);
  });
});

describe('deleting', () => {
  it('by its author: deleted, and gone from the feed', async () => {
    const { author, reader, community } = await cast();
    const post = await publish(author, community.slug);
    expect((await api.request('DELETE', `/api/posts/${post.id}`, { token: author.token })).status).toBe(204);
    const mine = await api.request<{ post: Post }>('GET', `/api/posts/${post.id}`, { token: author.token });
    expect(mine.body.post.status).toBe('deleted');
    expect((await feed(reader, community.slug)).items).toEqual([]);
    expectError(await api.request('GET', `/api/posts/${post.id}`, { token: reader.token }), 404, 'not_found');
  });

  it('by a moderator: removed; a member cannot delete someone else\'s post (403)', async () => {
    const { moderator, author, reader, community } = await cast();
    const post = await publish(author, community.slug);
    expectError(await api.request('DELETE', `/api/posts/${post.id}`, { token: reader.token }), 403, 'forbidden');
    expect((await feed(reader, community.slug)).items.map((p) => p.id)).toEqual([post.id]);

    expect((await api.request('DELETE', `/api/posts/${post.id}`, { token: moderator.token })).status).toBe(204);
    const seen = await api.request<{ post: Post }>('GET', `/api/posts/${post.id}`, { token: moderator.token });
    expect(seen.body.post.status).toBe('removed');
    expect((await feed(reader, community.slug)).items).toEqual([]);
  });

  it('takes a deleted reply off its parent\'s count', async () => {
    const { author, reader, community } = await cast();
    const parent = await publish(author, community.slug);
    const reply = await publish(reader, community.slug, { parentId: parent.id });
    await waitForPost(api, author, parent.id, (p) => p.replyCount === 1);
    await api.request('DELETE', `/api/posts/${reply.id}`, { token: reader.token });
    const after = await api.request<{ post: Post }>('GET', `/api/posts/${parent.id}`, { token: author.token });
    expect(after.body.post.replyCount).toBe(0);
    expect((await feed(author, community.slug, `?parentId=${parent.id}`)).items).toEqual([]);
  });
});

describe('reactions', () => {
  it('adds (201 with counts), is idempotent, and removes by ?kind= (204)', async () => {
    const { owner, author, reader, community } = await cast();
    const post = await publish(author, community.slug);
    const path = `/api/posts/${post.id}/reactions`;

    const first = await api.request<{ post: Post }>('POST', path, { token: reader.token, body: { kind: 'like' } });
    expect(first.status).toBe(201);
    expect(first.body.post.reactions).toEqual({ like: 1, love: 0, insightful: 0, funny: 0 });
    expect(first.body.post.myReactions).toEqual(['like']);

    const again = await api.request<{ post: Post }>('POST', path, { token: reader.token, body: { kind: 'like' } });
    expect(again.status).toBe(201);
    expect(again.body.post.reactions.like).toBe(1);

    await api.request('POST', path, { token: reader.token, body: { kind: 'love' } });
    const ownerLike = await api.request<{ post: Post }>('POST', path, { token: owner.token, body: { kind: 'like' } });
    expect(ownerLike.body.post.reactions).toEqual({ like: 2, love: 1, insightful: 0, funny: 0 });
    expect(ownerLike.body.post.myReactions).toEqual(['like']);

    expect((await api.request('DELETE', `${path}?kind=like`, { token: reader.token })).status).toBe(204);
    const read = await api.request<{ post: Post }>('GET', `/api/posts/${post.id}`, { token: reader.token });
    expect(read.body.post.reactions).toEqual({ like: 1, love: 1, insightful: 0, funny: 0 });
    expect(read.body.post.myReactions).toEqual(['love']);
    // Removing what is not there is harmless.
    expect((await api.request('DELETE', `${path}?kind=funny`, { token: reader.token })).status).toBe(204);
  });

  it('refuses an unknown kind (422 in the body, 400 in the query) and a post the caller cannot see (404)', async () => {
    const { owner, author, reader, community } = await cast();
    const post = await publish(author, community.slug);
    expectError(await api.request('POST', `/api/posts/${post.id}/reactions`, { token: reader.token, body: { kind: 'angry' } }), 422, 'validation_failed');
    expectError(await api.request('DELETE', `/api/posts/${post.id}/reactions?kind=angry`, { token: reader.token }), 400, 'bad_request');
    await setModeration(owner, community.slug, 'pre');
    const pending = await createPost(api, author, community.slug, { body: cleanText() });
    expectError(await api.request('POST', `/api/posts/${pending.id}/reactions`, { token: reader.token, body: { kind: 'like' } }), 404, 'not_found');
  });
});

describe('who sees what', () => {
  it('a non-member gets 403 on the list and on posting, and 404 on a post', async () => {
    const { author, community } = await cast();
    const post = await publish(author, community.slug);
    const stranger = await createUser(api);
    expectError(await api.request('GET', `/api/communities/${community.slug}/posts`, { token: stranger.token }), 403, 'not_a_member');
    expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: stranger.token, body: { body: 'Halo' } }), 403, 'not_a_member');
    expectError(await api.request('GET', `/api/posts/${post.id}`, { token: stranger.token }), 404, 'not_found');
    expectError(await api.request('POST', `/api/posts/${post.id}/reactions`, { token: stranger.token, body: { kind: 'like' } }), 404, 'not_found');
  });

  it('a pending post is visible to its author and a moderator only', async () => {
    const { owner, moderator, author, reader, community } = await cast();
    await setModeration(owner, community.slug, 'pre');
    const post = await createPost(api, author, community.slug, { body: cleanText() });
    for (const user of [author, moderator, owner]) {
      const res = await api.request<{ post: Post }>('GET', `/api/posts/${post.id}`, { token: user.token });
      expect(res.status).toBe(200);
      expect(res.body.post.status).toBe('pending');
    }
    expectError(await api.request('GET', `/api/posts/${post.id}`, { token: reader.token }), 404, 'not_found');
    expect((await feed(reader, community.slug)).items).toEqual([]);
  });

  it('?status=pending lists only my own pending posts (everyone\'s for a moderator)', async () => {
    const { owner, moderator, author, reader, community } = await cast();
    await setModeration(owner, community.slug, 'pre');
    const mine = await createPost(api, author, community.slug, { body: cleanText() });
    const theirs = await createPost(api, reader, community.slug, { body: cleanText() });
    expect((await feed(author, community.slug, '?status=pending')).items.map((p) => p.id)).toEqual([mine.id]);
    expect((await feed(reader, community.slug, '?status=pending')).items.map((p) => p.id)).toEqual([theirs.id]);
    expect((await feed(moderator, community.slug, '?status=pending')).items.map((p) => p.id).sort()).toEqual([mine.id, theirs.id].sort());
  });

  it('?status=pending pages every pending post exactly once, newest first, across posts written in the same instant', async () => {
    const { owner, moderator, author, community } = await cast();
    await setModeration(owner, community.slug, 'pre');
    const created: Post[] = [];
    for (let batch = 0; batch < 25; batch += 5) {
      created.push(...(await Promise.all(Array.from({ length: 5 }, () => createPost(api, author, community.slug, { body: cleanText('Antre') })))));
    }
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?status=pending&limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      pages.push(await feed(moderator, community.slug, query));
      cursor = pages[pages.length - 1]?.nextCursor ?? null;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    const seen = pages.flatMap((p) => p.items);
    expect(new Set(seen.map((p) => p.id))).toEqual(new Set(created.map((p) => p.id)));
    const keys = seen.map((p) => `${p.createdAt}|${p.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });
});

describe('holding and scheduling', () => {
  it('holds an insult: pending, awaiting_review, with a moderation item, and out of the feed', async () => {
    const { moderator, author, reader, community } = await cast();
    const post = await createPost(api, author, community.slug, { body: 'Dasar bangsat kamu' });
    const held = await waitForPost(api, author, post.id, (p) => p.review === 'awaiting_review');
    expect(held.status).toBe('pending');
    const item = await moderationItem(post.id);
    expect(item).toMatchObject({ state: 'open', communityId: community.id });
    expect(item?.reasons.length).toBeGreaterThan(0);
    expect(item?.reasons.map((r) => r.source)).toContain('lexicon');

    expect((await feed(reader, community.slug)).items).toEqual([]);
    expectError(await api.request('GET', `/api/posts/${post.id}`, { token: reader.token }), 404, 'not_found');
    const staffView = await api.request<{ post: Post }>('GET', `/api/posts/${post.id}`, { token: moderator.token });
    expect(staffView.body.post).toMatchObject({ status: 'pending', review: 'awaiting_review', body: 'Dasar bangsat kamu' });
  });

  it('pre-moderation holds even a clean post for a human', async () => {
    const { owner, author, reader, community } = await cast();
    await setModeration(owner, community.slug, 'pre');
    const post = await createPost(api, author, community.slug, { body: cleanText('Selamat pagi') });
    const held = await waitForPost(api, author, post.id, (p) => p.review === 'awaiting_review');
    expect(held.status).toBe('pending');
    expect(await moderationItem(post.id)).toMatchObject({ state: 'open' });
    expect((await feed(reader, community.slug)).items).toEqual([]);
  });

  it('a post with publishAt in the future comes back scheduled and stays out of the feed', async () => {
    const { owner, author, reader, community } = await cast();
    const publishAt = new Date(Date.now() + 2 * 86_400_000);
    publishAt.setUTCMilliseconds(0);
    const post = await createPost(api, author, community.slug, { body: cleanText(), publishAt: publishAt.toISOString() });
    expect(post.status).toBe('scheduled');
    expect(post.publishAt).toBe(publishAt.toISOString());
    expect(post.publishedAt).toBeNull();

    // Give the worker a published post to process after it, so a wrongly published schedule would show.
    const later = await publish(owner, community.slug);
    expect((await feed(reader, community.slug)).items.map((p) => p.id)).toEqual([later.id]);
    expectError(await api.request('GET', `/api/posts/${post.id}`, { token: reader.token }), 404, 'not_found');
    const mine = await api.request<{ post: Post }>('GET', `/api/posts/${post.id}`, { token: author.token });
    expect(mine.body.post.status).toBe('scheduled');
    expect((await feed(author, community.slug, '?status=scheduled')).items.map((p) => p.id)).toEqual([post.id]);
  });

  it('a publishAt in the past is just a post', async () => {
    const { author, community } = await cast();
    const post = await createPost(api, author, community.slug, { body: cleanText(), publishAt: new Date(Date.now() - 60_000).toISOString() });
    expect(post.status).toBe('pending');
    await waitForPost(api, author, post.id, (p) => p.status === 'published');
  });

  it('refuses a publishAt that is not an ISO date-time with 422', async () => {
    const { author, community } = await cast();
    for (const publishAt of ['tomorrow', '2030-02-30T10:00:00Z', 1893456000000]) {
      expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body: { body: cleanText(), publishAt } }), 422, 'validation_failed');
    }
  });
});
