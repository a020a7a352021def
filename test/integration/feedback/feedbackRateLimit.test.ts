// Sending feedback is rate-limited per member (RATE_LIMIT_FEEDBACK_PER_HOUR): the next one answers 429 rate_limited
// with Retry-After, while another member of the same community still sends.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../helpers/api';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { cast, feedbackCalls } from './feedbackSupport';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ env: { RUKUN_RATE_LIMITS: 'on', RATE_LIMIT_FEEDBACK_PER_HOUR: '2', RATE_LIMIT_REGISTER_PER_HOUR: '1000' } });
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
});

it('refuses a member past the hourly limit with 429 and Retry-After; other members are not affected', async () => {
  const calls = feedbackCalls(api);
  const { member, memberId, community } = await cast(api);
  await calls.sent(member, community.slug, { kind: 'question', body: 'Pertanyaan pertama' });
  await calls.sent(member, community.slug, { kind: 'question', body: 'Pertanyaan kedua' });
  const third = await calls.send(member, community.slug, { kind: 'question', body: 'Pertanyaan ketiga' });
  expectError(third, 429, 'rate_limited');
  expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  await calls.sent(memberId, community.slug, { kind: 'question', body: 'Pertanyaan dari anggota lain' });
  expect(await server.rukun.deps.db.feedback.count({ where: { authorId: member.id } })).toBe(2);
});
