// Finding 1 (the role): instance administrators are granted by the operator only, through the admin CLI
// (npm run admin -- grant|revoke|list) or RUKUN_ADMINS at start-up, and every change is logged.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { apiClient } from '../helpers/api';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { createUser, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { adminCli } from './support/adminCli';

const open: { servers: TestServer[]; databases: TestDatabase[] } = { servers: [], databases: [] };
afterEach(async () => {
  for (const server of open.servers.splice(0)) await server.close();
  for (const database of open.databases.splice(0)) await database.close();
});

/** A database of its own that outlives the servers started on it. */
async function database(): Promise<string> {
  const db = freshDatabase();
  open.databases.push(db);
  await db.prisma.$disconnect();
  return db.url;
}

/** Starts an HTTP-only server on `databaseUrl`; `lines` collects its log. */
async function start(databaseUrl: string, env: Record<string, string> = {}): Promise<{ server: TestServer; lines: string[] }> {
  const lines: string[] = [];
  const memory = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const server = await startTestServer({ databaseUrl, process: 'server', env, logger: createLogger('info', memory) });
  open.servers.push(server);
  return { server, lines };
}

async function stop(server: TestServer): Promise<void> {
  open.servers.splice(open.servers.indexOf(server), 1);
  await server.close();
}

async function isAdmin(server: TestServer, user: TestUser): Promise<boolean> {
  const me = await apiClient(server.baseUrl).request<{ user: { isAdmin: boolean } }>('GET', '/api/me', { token: user.token });
  return me.body.user.isAdmin;
}

async function dashboardStatus(server: TestServer, user: TestUser): Promise<number> {
  return (await apiClient(server.baseUrl).request('GET', '/admin/queues/api/queues', { token: user.token })).status;
}

describe('npm run admin', () => {
  it('grants, lists and revokes by handle, logging each change, against the configured database', async () => {
    const url = await database();
    const { server } = await start(url);
    const user = await createUser(apiClient(server.baseUrl));
    expect(await isAdmin(server, user)).toBe(false);

    const granted = await adminCli(['grant', user.handle], url);
    expect(granted.status, granted.output).toBe(0);
    expect(granted.output).toContain(`${user.handle}: instance admin granted.`);
    // The log line, as JSON from the server's own logger.
    expect(granted.output).toMatch(new RegExp(`"handle":"${user.handle}".*"by":"cli".*"msg":"instance admin granted"`));
    expect(await isAdmin(server, user)).toBe(true);
    expect(await dashboardStatus(server, user)).toBe(200);

    const listed = await adminCli(['list'], url);
    expect(listed).toMatchObject({ status: 0, output: expect.stringContaining(user.handle) });

    const revoked = await adminCli(['revoke', user.handle], url);
    expect(revoked.status, revoked.output).toBe(0);
    expect(revoked.output).toMatch(/"msg":"instance admin revoked"/);
    // Read per request: the running server refuses at once.
    expect(await isAdmin(server, user)).toBe(false);
    expect(await dashboardStatus(server, user)).toBe(404);
    expect((await adminCli(['list'], url)).output).toContain('No instance admins.');
  });

  it('fails on an unknown handle and on bad usage', async () => {
    const url = await database();
    expect(await adminCli(['grant', 'nobody_here'], url)).toMatchObject({ status: 1, output: expect.stringContaining('No account has the handle') });
    expect(await adminCli(['grant'], url)).toMatchObject({ status: 2, output: expect.stringContaining('Usage') });
    expect(await adminCli(['promote', 'x'], url)).toMatchObject({ status: 2 });
  });
});

describe('RUKUN_ADMINS', () => {
  it('grants listed accounts at start, only while they are listed, and logs it', async () => {
    const url = await database();
    const first = await start(url);
    const api = apiClient(first.server.baseUrl);
    const listed = await createUser(api);
    const granted = await createUser(api);
    const other = await createUser(api);
    expect((await adminCli(['grant', granted.handle], url)).status).toBe(0);
    await stop(first.server);

    const second = await start(url, { RUKUN_ADMINS: `${listed.handle}, no_such_handle` });
    expect(await isAdmin(second.server, listed)).toBe(true);
    expect(await isAdmin(second.server, other)).toBe(false);
    expect(await dashboardStatus(second.server, listed)).toBe(200);
    expect(await dashboardStatus(second.server, other)).toBe(404);
    const log = second.lines.join('');
    expect(log).toMatch(new RegExp(`"handle":"${listed.handle}".*"by":"RUKUN_ADMINS".*"msg":"instance admin granted"`));
    expect(log).toMatch(/"handle":"no_such_handle".*RUKUN_ADMINS names a handle without an account/);
    await stop(second.server);

    // Taken off the list: the listed grant ends, the operator's own grant stays.
    const third = await start(url);
    expect(await isAdmin(third.server, listed)).toBe(false);
    expect(await isAdmin(third.server, granted)).toBe(true);
    expect(third.lines.join('')).toMatch(new RegExp(`"handle":"${listed.handle}".*"msg":"instance admin revoked"`));
  });

  it('refuses a malformed handle at start-up', async () => {
    const url = await database();
    await expect(start(url, { RUKUN_ADMINS: 'ok_handle,Not A Handle!' })).rejects.toThrow(/RUKUN_ADMINS/);
  });
});
