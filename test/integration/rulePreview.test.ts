import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, waitForPost } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('trying a word rule on past posts', () => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer();
    api = apiClient(server.baseUrl);
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists exactly the posts whose outcome the draft rule would change, without saving the rule', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const hit = await createPost(api, owner, community.slug, { body: 'Jual pulsa murah, hubungi saya' });
    const miss = await createPost(api, owner, community.slug, { body: 'Kopdar Sabtu ini di Blok M' });
    await waitForPost(api, owner, hit.id, (p) => p.status === 'published');
    await waitForPost(api, owner, miss.id, (p) => p.status === 'published');

    const preview = await api.request<{ scanned: number; changed: { postId: string; before: string; after: string; matches: string[] }[] }>(
      'POST',
      `/api/communities/${community.slug}/word-rules/preview`,
      { token: owner.token, body: { pattern: 'pulsa murah', match: 'phrase', action: 'hold' } },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.scanned).toBe(2);
    expect(preview.body.changed).toEqual([{ postId: hit.id, excerpt: 'Jual pulsa murah, hubungi saya', before: 'publish', after: 'hold', matches: ['pulsa murah'] }]);
    const rules = await api.request<{ items: unknown[] }>('GET', `/api/communities/${community.slug}/word-rules`, { token: owner.token });
    expect(rules.body.items).toHaveLength(0);
  });

  it('refuses a catastrophic draft regex with 422', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const res = await api.request<{ error: { code: string } }>('POST', `/api/communities/${community.slug}/word-rules/preview`, {
      token: owner.token,
      body: { pattern: '(a+)+$', match: 'regex', action: 'hold' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
  });
});
