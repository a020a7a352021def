// Finding 2 of issue 9: rule previews, dry-run checks and community creation had no rate limit. Proves each
// answers 429 with Retry-After once a user goes over its limit, and that the limit is per user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('rate limits on the costly routes', () => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer({
      env: {
        RUKUN_RATE_LIMITS: 'on',
        RATE_LIMIT_REGISTER_PER_HOUR: '1000',
        RATE_LIMIT_RULE_PREVIEWS_PER_MIN: '2',
        RATE_LIMIT_RULE_CHECKS_PER_MIN: '2',
        RATE_LIMIT_COMMUNITIES_PER_HOUR: '2',
      },
    });
    api = apiClient(server.baseUrl);
  });
  afterAll(async () => {
    await server.close();
  });

  async function statuses(send: () => Promise<{ status: number; headers: Headers }>, times: number): Promise<{ codes: number[]; retryAfter: string | null }> {
    const codes: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < times; i++) {
      const res = await send();
      codes.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    return { codes, retryAfter };
  }

  it('limits rule previews per user', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const preview = () => api.request('POST', `/api/communities/${community.slug}/word-rules/preview`, { token: owner.token, body: { pattern: 'promo', match: 'word', action: 'hold' } });
    const { codes, retryAfter } = await statuses(preview, 3);
    expect(codes).toEqual([200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('limits dry-run checks per user, and another user still gets through', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const check = (token: string) => () => api.request('POST', `/api/communities/${community.slug}/moderation/check`, { token, body: { body: 'halo semua' } });
    const { codes, retryAfter } = await statuses(check(owner.token), 3);
    expect(codes).toEqual([200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const other = await createUser(api);
    const res = await check(other.token)();
    expect(res.status).toBe(403);
  });

  it('limits community creation per user', async () => {
    const owner = await createUser(api);
    const create = (n: number) => api.request('POST', '/api/communities', { token: owner.token, body: { slug: `rl-${owner.handle.slice(2, 10)}-${n}`, name: 'Komunitas' } });
    const codes: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i++) {
      const res = await create(i);
      codes.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(codes).toEqual([201, 201, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
