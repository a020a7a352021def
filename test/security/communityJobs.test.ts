// Finding 1 (the replacement): community staff see their own community's background work in Rukun, not the
// instance-wide dashboard: posts waiting for their automatic check and scheduled posts, of this community only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityJobsResponse } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, setRole, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

let server: TestServer;
let api: ApiClient;
const people: Record<'owner' | 'moderator' | 'member' | 'outsider' | 'otherOwner' | 'otherModerator', TestUser> = {} as never;
let slug: string;
let otherSlug: string;
const mine: string[] = [];
let scheduledId: string;

beforeAll(async () => {
  // HTTP only: with no worker, new posts stay pending with their check owed, which is what the view lists.
  server = await startTestServer({ process: 'server' });
  api = apiClient(server.baseUrl);
  for (const name of ['owner', 'moderator', 'member', 'outsider', 'otherOwner', 'otherModerator'] as const) people[name] = await createUser(api);
  slug = (await createCommunity(api, people.owner)).slug;
  otherSlug = (await createCommunity(api, people.otherOwner)).slug;
  for (const name of ['moderator', 'member'] as const) await join(api, people[name], slug);
  await setRole(api, people.owner, slug, people.moderator.id, 'moderator');
  await join(api, people.otherModerator, otherSlug);
  await setRole(api, people.otherOwner, otherSlug, people.otherModerator.id, 'moderator');
  for (const body of ['satu', 'dua', 'tiga']) mine.push((await createPost(api, people.member, slug, { body: `kiriman ${body}` })).id);
  scheduledId = (await createPost(api, people.member, slug, { body: 'nanti', publishAt: new Date(Date.now() + 86_400_000).toISOString() })).id;
  await createPost(api, people.otherOwner, otherSlug, { body: 'kiriman komunitas lain' });
  await createPost(api, people.otherOwner, otherSlug, { body: 'nanti juga', publishAt: new Date(Date.now() + 86_400_000).toISOString() });
});
afterAll(async () => {
  await server.close();
});

function jobs(user: TestUser, path = '') {
  return api.request<CommunityJobsResponse>('GET', `/api/communities/${slug}/moderation/jobs${path}`, { token: user.token });
}

describe('GET /api/communities/:slug/moderation/jobs', () => {
  it("lists this community's posts waiting for their check, oldest first, with counts and the oldest's age", async () => {
    const res = await jobs(people.moderator);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('checking');
    expect(res.body.items.map((i) => i.post.id)).toEqual(mine);
    expect(res.body.items.every((i) => i.post.communitySlug === slug && i.post.status === 'pending')).toBe(true);
    expect(res.body.summary.checking).toMatchObject({ count: 3, oldestDueAt: expect.any(String) });
    expect(res.body.summary.checking.oldestAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(res.body.summary.scheduled).toMatchObject({ count: 1, due: 0 });
  });

  it('pages with a cursor and lists scheduled posts on request', async () => {
    const first = await jobs(people.moderator, '?limit=2');
    expect(first.body.items.map((i) => i.post.id)).toEqual(mine.slice(0, 2));
    const second = await jobs(people.moderator, `?limit=2&cursor=${first.body.nextCursor ?? ''}`);
    expect(second.body.items.map((i) => i.post.id)).toEqual(mine.slice(2));
    expect(second.body.nextCursor).toBeNull();
    const scheduled = await jobs(people.owner, '?kind=scheduled');
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.items.map((i) => i.post.id)).toEqual([scheduledId]);
    expect(scheduled.body.items[0]).toMatchObject({ waitingSeconds: 0, post: { status: 'scheduled' } });
  });

  it('is refused to members, outsiders, anonymous callers and staff of another community', async () => {
    for (const user of [people.member, people.outsider, people.otherOwner, people.otherModerator]) {
      const res = await jobs(user);
      expect(res.status, user.handle).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('kiriman');
    }
    expect((await api.request('GET', `/api/communities/${slug}/moderation/jobs`)).status).toBe(401);
  });

  it('answers a malformed query with 400 bad_request naming the parameter (a bad kind, limit or cursor)', async () => {
    for (const [query, name] of [['?kind=everything', 'kind'], ['?limit=0', 'limit'], ['?limit=101', 'limit'], ['?cursor=not-a-cursor', 'cursor']]) {
      const res = await jobs(people.moderator, query);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(res.body), query).toContain('bad_request');
      expect(JSON.stringify(res.body), query).toContain(name);
    }
  });

  it('is in the OpenAPI document with its query', async () => {
    const doc = await api.request<{ paths: Record<string, { get?: { parameters?: { name: string }[] } }> }>('GET', '/api/openapi.json');
    const route = doc.body.paths['/api/communities/{slug}/moderation/jobs'];
    expect(route?.get?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['slug', 'kind', 'limit', 'cursor']));
  });
});
