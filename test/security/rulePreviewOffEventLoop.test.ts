// Finding 2 of issue 9: a preview over 500 posts blocked /healthz for minutes. Proves the preview runs in a
// worker thread (the server answers /healthz while it is still running, shown by the order of answers, not
// by timing), and that a preview stopped by its deadline answers with what it has and says it is partial.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createUser, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

const WORST_ACCEPTED = `a${'.{5}'.repeat(16)}#`;
const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

// Posts are written straight to the database: the preview reads them, nothing else needs to.
async function seedPosts(server: TestServer, input: { owner: TestUser; communityId: string; count: number }): Promise<void> {
  const { db } = server.rukun.deps;
  const at = Date.now();
  await db.post.createMany({
    data: Array.from({ length: input.count }, (_, i) => ({
      communityId: input.communityId,
      authorId: input.owner.id,
      body: `${'a'.repeat(9_999)}#`,
      status: 'published',
      createdAt: new Date(at - i * 1000),
    })),
  });
}

describe('rule preview in a worker thread', () => {
  let server: TestServer;
  let api: ApiClient;
  const lines: { msg: string }[] = [];
  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) });
    server = await startTestServer({ logger });
    servers.push(server);
    api = apiClient(server.baseUrl);
  });

  it('answers /healthz while a preview over long posts is still running', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    await seedPosts(server, { owner, communityId: community.id, count: 150 });
    const order: string[] = [];
    const preview = api
      .request<{ scanned: number; total: number; partial: boolean }>('POST', `/api/communities/${community.slug}/word-rules/preview`, {
        token: owner.token,
        body: { pattern: WORST_ACCEPTED, match: 'regex', action: 'hold' },
      })
      .then((res) => {
        order.push('preview');
        return res;
      });
    // The worker reports that it has compiled the rules and begun on the posts.
    for (let i = 0; i < 600 && !lines.some((l) => l.msg === 'rule preview running in a worker thread'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(lines.some((l) => l.msg === 'rule preview running in a worker thread')).toBe(true);
    const health = await fetch(`${server.baseUrl}/healthz`);
    order.push('healthz');
    expect(health.status).toBe(200);
    const res = await preview;
    expect(order).toEqual(['healthz', 'preview']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scanned: 150, total: 150, partial: false });
  });
});

describe('rule preview deadline', () => {
  it('answers with what it has, marked partial, when the deadline comes first', async () => {
    const server = await startTestServer({ env: { RULE_PREVIEW_DEADLINE_MS: '1' } });
    servers.push(server);
    const api = apiClient(server.baseUrl);
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    await seedPosts(server, { owner, communityId: community.id, count: 20 });
    const res = await api.request<{ scanned: number; total: number; partial: boolean; changed: unknown[] }>('POST', `/api/communities/${community.slug}/word-rules/preview`, {
      token: owner.token,
      body: { pattern: WORST_ACCEPTED, match: 'regex', action: 'hold' },
    });
    expect(res.status).toBe(200);
    expect(res.body.partial).toBe(true);
    expect(res.body.total).toBe(20);
    expect(res.body.scanned).toBeLessThan(20);
    expect(res.body.changed.length).toBeLessThanOrEqual(res.body.scanned);
  });
});
