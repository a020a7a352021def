// Another process holds SQLite's write lock longer than the busy timeout (a stuck writer, a backup): a post written
// through the SQL lane is refused with 503 service_unavailable and Retry-After, nothing is half-written, and the same
// post goes through once the lock is free.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqliteFilePath } from '../../server/db/sqliteUrl';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createUser, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { expectError } from '../integration/support';

let server: TestServer;
let api: ApiClient;
let author: TestUser;
let slug: string;

beforeAll(async () => {
  server = await startTestServer({ process: 'server' });
  api = apiClient(server.baseUrl);
  author = await createUser(api);
  slug = (await createCommunity(api, author)).slug;
});
afterAll(() => server?.close());

it('answers 503 with Retry-After while another process holds the write lock, then accepts the post', async () => {
  const other = new Database(sqliteFilePath(server.rukun.deps.config.DATABASE_URL) ?? '');
  const body = { body: 'Rapat RT malam ini' };
  try {
    other.exec('BEGIN IMMEDIATE');
    const refused = await api.request('POST', `/api/communities/${slug}/posts`, { token: author.token, body });
    expectError(refused, 503, 'service_unavailable');
    expect(refused.headers.get('retry-after')).toBe('5');
  } finally {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
  }
  expect(await server.rukun.deps.db.post.count({ where: { authorId: author.id } })).toBe(0);
  const accepted = await api.request<{ post: { id: string } }>('POST', `/api/communities/${slug}/posts`, { token: author.token, body });
  expect(accepted.status).toBe(201);
  expect(await server.rukun.deps.db.post.count({ where: { authorId: author.id } })).toBe(1);
}, 30_000);
