import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, waitForPost } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('a post through the pipeline', () => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer();
    api = apiClient(server.baseUrl);
  });
  afterAll(async () => {
    await server.close();
  });

  it('publishes a clean post and keeps an insult from other members', async () => {
    const owner = await createUser(api);
    const member = await createUser(api);
    const community = await createCommunity(api, owner);
    await join(api, member, community.slug);

    const clean = await createPost(api, owner, community.slug, { body: 'Selamat pagi semua #kopdar' });
    expect(clean.status).toBe('pending');
    expect(clean.review).toBe('checking');
    await waitForPost(api, owner, clean.id, (p) => p.status === 'published');

    const rude = await createPost(api, owner, community.slug, { body: 'Dasar bangsat kamu' });
    const held = await waitForPost(api, owner, rude.id, (p) => p.review === 'awaiting_review');
    expect(held.status).toBe('pending');

    const feed = await api.request<{ items: Post[] }>('GET', `/api/communities/${community.slug}/posts`, { token: member.token });
    expect(feed.body.items.map((p) => p.id)).toEqual([clean.id]);
    expect((await api.request('GET', `/api/posts/${rude.id}`, { token: member.token })).status).toBe(404);
  });
});
