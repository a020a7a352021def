// The 201 answer to a new post is built from the row as written (server/commands/createPost.ts), not read back:
// it must say exactly what reading the post back says. No worker runs here, so the post stays as it was saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, unique } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ process: 'server' });
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

describe('POST /api/communities/:slug/posts answers with the post as stored', () => {
  it.each([
    ['a post with a title and hashtags', { title: 'Rapat warga', body: `Rapat RT hari Sabtu ${unique()} #Rapat #warga #rapat` }],
    ['a scheduled post', { body: `Pengumuman terjadwal ${unique()}`, publishAt: new Date(Date.now() + 3_600_000).toISOString() }],
  ])('%s', async (_name, body) => {
    const owner = await createUser(api);
    const author = await createUser(api, { locale: 'id' });
    const community = await createCommunity(api, owner);
    await join(api, author, community.slug);
    const created = await createPost(api, author, community.slug, body);
    const read = await api.request<{ post: Post }>('GET', `/api/posts/${created.id}`, { token: author.token });
    expect(read.status).toBe(200);
    expect(created).toEqual(read.body.post);
    expect(created.status).toBe('publishAt' in body ? 'scheduled' : 'pending');
  });

  it('a reply', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    // A reply needs a published parent, and no worker publishes here: the parent is published by hand.
    const parent = await createPost(api, owner, community.slug, { body: `Utas ${unique()}` });
    await server.rukun.deps.sql.write((q) => q.run(`UPDATE "Post" SET status = 'published' WHERE id = ?`, parent.id));
    const reply = await createPost(api, owner, community.slug, { body: `Balasan ${unique()}`, parentId: parent.id });
    const read = await api.request<{ post: Post }>('GET', `/api/posts/${reply.id}`, { token: owner.token });
    expect(reply).toEqual(read.body.post);
    expect(reply.parentId).toBe(parent.id);
  });
});
