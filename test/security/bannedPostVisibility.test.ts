// Issue 9, finding 10: a caller learns nothing about a post it may not see. For every route of the OpenAPI
// document that takes a post id, a banned user (and an outsider) asking about a real post (their own held or
// published one, someone else's published, held or hidden one) gets exactly the answer given for an id that does
// not exist: same status, same code. The route list comes from the document, so a new post route without a
// request below fails this test. (Members may still report a post hidden by reports: they saw it published.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { createUser, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { cast, heldPost, publishedPost } from '../integration/moderation/support';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

/** A valid request for each post route, keyed "METHOD /api/path" as in the OpenAPI document. */
const REQUESTS: Record<string, { body?: Record<string, unknown>; query?: string }> = {
  'GET /api/posts/{id}': {},
  'PATCH /api/posts/{id}': { body: { body: 'Teks baru yang sopan' } },
  'DELETE /api/posts/{id}': {},
  'POST /api/posts/{id}/reactions': { body: { kind: 'like' } },
  'DELETE /api/posts/{id}/reactions': { query: '?kind=like' },
  'POST /api/posts/{id}/reports': { body: { reason: 'spam' } },
  'POST /api/posts/{id}/cancel-schedule': {},
};

/** Every route of the document whose path names a post by id. */
async function postRoutes(): Promise<string[]> {
  const doc = (await api.request<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json')).body;
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/posts/{id}'))
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
}

async function answer(route: string, user: TestUser, postId: string): Promise<string> {
  const [method = '', path = ''] = route.split(' ');
  const request = REQUESTS[route] ?? {};
  const res = await api.request<{ error?: { code: string } }>(method, `${path.replace('{id}', postId)}${request.query ?? ''}`, {
    token: user.token,
    ...(request.body ? { body: request.body } : {}),
  });
  return `${res.status} ${res.body?.error?.code ?? ''}`.trim();
}

describe('posts a caller may not see', () => {
  it('answer a banned user and an outsider exactly as an unknown id does, on every post route', async () => {
    const routes = await postRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(6);
    expect(routes.filter((r) => !(r in REQUESTS)), 'post routes without a request in this test').toEqual([]);

    const { community, manager, author, members } = await cast(api);
    const [other, second, third] = members as [TestUser, TestUser, TestUser];
    const outsider = await createUser(api);
    const posts: Record<string, Post> = {
      'own held': await heldPost(api, author, community.slug),
      'own published': await publishedPost(api, author, community.slug),
      'other published': await publishedPost(api, other, community.slug),
      'other held': await heldPost(api, other, community.slug),
      'other hidden': await publishedPost(api, other, community.slug),
    };
    // Three reports hide a post (the default threshold); members may still report it, a banned user may not.
    for (const reporter of [second, third, manager]) {
      const res = await api.request('POST', `/api/posts/${posts['other hidden']?.id}/reports`, { token: reporter.token, body: { reason: 'spam' } });
      expect(res.status).toBe(201);
    }
    const ban = await api.request('POST', `/api/communities/${community.slug}/members/${author.id}/sanctions`, { token: manager.token, body: { kind: 'ban', reason: 'Spam berulang' } });
    expect(ban.status).toBe(201);

    for (const route of routes) {
      for (const [caller, user] of [['banned', author], ['outsider', outsider]] as const) {
        const unknown = await answer(route, user, 'tidak-ada-0000');
        expect(unknown, `${route} for an unknown id`).toBe('404 not_found');
        for (const [kind, post] of Object.entries(posts)) {
          if (caller === 'outsider' && kind.startsWith('own')) continue;
          expect(await answer(route, user, post.id), `${route} as ${caller} on ${kind}`).toBe(unknown);
        }
      }
    }
    // Nothing the banned user sent changed a post.
    for (const post of Object.values(posts)) {
      const row = await server.rukun.deps.db.post.findUniqueOrThrow({ where: { id: post.id } });
      expect(row.revision, post.id).toBe(1);
      expect(['published', 'pending', 'hidden']).toContain(row.status);
    }
  });
});
