// Finding 2 of issue 9: rule previews, dry-run checks and community creation had no rate limit. Proves each
// answers 429 with Retry-After once a user goes over its limit, and that the limit is per user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../helpers/api';
import { insertEvent } from '../helpers/eventRows';
import { createCommunity, createUser, join } from '../helpers/factories';
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
        RATE_LIMIT_RSVP_PER_MINUTE: '2',
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

  // Issue 10 review: each RSVP is announced to the whole community and leaving may promote and notify someone.
  it('limits RSVP answers per user, and another member still gets through', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const event = await insertEvent(server.rukun.deps.db, { communitySlug: community.slug, createdById: owner.id, startsAt: new Date(Date.now() + 48 * 3_600_000) });
    const answers = ['going', 'not_going', 'going'];
    const member = await createUser(api);
    await join(api, member, community.slug);
    let n = 0;
    const answer = (token: string) => () => api.request('PUT', `/api/events/${event.id}/rsvp`, { token, body: { status: answers[n++ % answers.length] } });
    const { codes, retryAfter } = await statuses(answer(member.token), 3);
    expect(codes).toEqual([200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const other = await createUser(api);
    await join(api, other, community.slug);
    expect((await answer(other.token)()).status).toBe(200);
  });
});
