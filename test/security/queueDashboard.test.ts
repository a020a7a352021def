// Finding 1 (the dashboard): /admin/queues controlled every community's jobs for any owner or manager of any
// community, i.e. for anyone who registered and created a community; and its writes worked cross-site with the
// cookie because the Origin check covered /api only. Now only instance administrators reach it, and the Origin
// check refuses cross-site cookie writes on every path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createUser, join, setRole, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { adminCli } from './support/adminCli';

let server: TestServer;
let api: ApiClient;
let owner: TestUser;
let manager: TestUser;
let admin: TestUser;

beforeAll(async () => {
  // HTTP only: the dashboard and its queue exist without a worker, and nothing consumes what a test might add.
  server = await startTestServer({ process: 'server' });
  api = apiClient(server.baseUrl);
  owner = await createUser(api);
  manager = await createUser(api);
  admin = await createUser(api);
  const community = await createCommunity(api, owner);
  await join(api, manager, community.slug);
  await setRole(api, owner, community.slug, manager.id, 'manager');
  const granted = await adminCli(['grant', admin.handle], server.rukun.deps.config.DATABASE_URL);
  expect(granted, granted.output).toMatchObject({ status: 0 });
});
afterAll(async () => {
  await server.rukun.deps.queues.flagging.resume();
  await server.close();
});

const paused = () => server.rukun.deps.queues.flagging.isPaused();

describe('the queue dashboard', () => {
  it('does not exist for an owner or a manager of a community: page, JSON and writes are 404', async () => {
    for (const user of [owner, manager]) {
      expect((await api.request('GET', '/admin/queues', { token: user.token })).status).toBe(404);
      expect((await api.request('GET', '/admin/queues/api/queues', { token: user.token })).status).toBe(404);
      expect((await api.request('GET', '/admin/queues/api/redis/stats', { token: user.token })).status).toBe(404);
      expect((await api.request('PUT', '/admin/queues/api/queues/flagging/pause', { token: user.token })).status).toBe(404);
      expect((await api.request('PUT', '/admin/queues/api/queues/pause', { token: user.token })).status).toBe(404);
      expect((await api.request('POST', '/admin/queues/api/queues/flagging/add', { token: user.token, body: { name: 'x', data: {} } })).status).toBe(404);
    }
    expect(await paused()).toBe(false);
    expect(await server.rukun.deps.queues.flagging.count()).toBe(0);
  });

  it('asks an anonymous caller to sign in', async () => {
    const res = await api.request('GET', '/admin/queues/api/queues');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await api.request('PUT', '/admin/queues/api/queues/flagging/pause')).status).toBe(401);
    expect(await paused()).toBe(false);
  });

  it('is open to an instance administrator, who sees the flag in /api/me', async () => {
    const me = await api.request<{ user: { isAdmin: boolean } }>('GET', '/api/me', { token: admin.token });
    expect(me.body.user.isAdmin).toBe(true);
    for (const user of [owner, manager]) {
      expect((await api.request<{ user: { isAdmin: boolean } }>('GET', '/api/me', { token: user.token })).body.user.isAdmin).toBe(false);
    }
    const page = await api.request('GET', '/admin/queues', { token: admin.token });
    expect(page.status).toBe(200);
    const queues = await api.request<{ queues: { name: string }[] }>('GET', '/admin/queues/api/queues', { token: admin.token });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q) => q.name)).toContain('flagging');
    // A same-site write (Bearer, as a script would send it) works for the administrator.
    expect((await api.request('PUT', '/admin/queues/api/queues/flagging/pause', { token: admin.token })).status).toBe(200);
    expect(await paused()).toBe(true);
    expect((await api.request('PUT', '/admin/queues/api/queues/flagging/resume', { token: admin.token })).status).toBe(200);
    expect(await paused()).toBe(false);
  });

  it('refuses a cross-site cookie write to a dashboard route with 403 origin_mismatch, whoever sends it', async () => {
    for (const user of [admin, owner, manager]) {
      const cookie = `rukun_session=${user.token}`;
      for (const [method, path] of [
        ['PUT', '/admin/queues/api/queues/flagging/pause'],
        ['PUT', '/admin/queues/api/queues/pause'],
        ['POST', '/admin/queues/api/queues/flagging/add'],
        ['PUT', '/admin/queues/api/queues/flagging/obliterate'],
      ] as const) {
        const crossSite = await api.request(method, path, { headers: { cookie, origin: 'https://evil.example' }, body: { name: 'forged', data: {} } });
        expect(crossSite.status, `${user.handle} ${method} ${path}`).toBe(403);
        expect(crossSite.body).toMatchObject({ error: { code: 'origin_mismatch' } });
        // No Origin and no Referer either: a cookie write must prove where it comes from.
        const unknown = await api.request(method, path, { headers: { cookie }, body: { name: 'forged', data: {} } });
        expect(unknown.status).toBe(403);
      }
    }
    expect(await paused()).toBe(false);
    expect(await server.rukun.deps.queues.flagging.count()).toBe(0);
    // From the dashboard's own page (same origin) the administrator's cookie works.
    const own = await api.request('PUT', '/admin/queues/api/queues/flagging/pause', { headers: { cookie: `rukun_session=${admin.token}`, origin: server.baseUrl } });
    expect(own.status).toBe(200);
    expect(await paused()).toBe(true);
    await server.rukun.deps.queues.flagging.resume();
  });

  it('refuses a cross-site cookie write to a path outside /api and /admin too', async () => {
    const res = await api.request('POST', '/anything-else', { headers: { cookie: `rukun_session=${owner.token}`, origin: 'https://evil.example' }, body: {} });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'origin_mismatch' } });
  });
});
