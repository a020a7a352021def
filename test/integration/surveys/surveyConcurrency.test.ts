// One response per member under real concurrency through the HTTP app: 500 members each answer twice at once (1,000
// requests), on a named and on an anonymous survey: exactly 500 accepted and 500 refused with 409 already_responded,
// one response row per member and a counter equal to the rows. On the anonymous survey the DATABASE rows are then
// searched for anything that identifies a member: no user id, handle or e-mail, and no key that is a user id or its
// plain SHA-256.
import { createHash } from 'node:crypto';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertMembers } from '../../helpers/bulkMembers';
import { createCommunity, createUser, type TestUser } from '../../helpers/factories';
import { insertSurvey } from '../../helpers/surveyRows';
import { startTestServer, type TestServer } from '../../helpers/testServer';

let server: TestServer;
let api: ApiClient;
// Keep-alive connections: 1,000 sockets opened in one instant overflow the listen backlog. Every request is still
// sent at once and waits on the server with the others.
let pool: Pool;

beforeAll(async () => {
  server = await startTestServer({ process: 'server' });
  api = apiClient(server.baseUrl);
  pool = new Pool(server.baseUrl, { connections: 400, pipelining: 1, keepAliveTimeout: 60_000 });
});
afterAll(async () => {
  await pool.close();
  await server.close();
});

async function post(user: TestUser, surveyId: string, body: unknown): Promise<{ status: number; code: string | null }> {
  const res = await pool.request({ method: 'POST', path: `/api/surveys/${surveyId}/responses`, headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.body.json()) as { error?: { code: string } };
  return { status: res.statusCode, code: json.error?.code ?? null };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function twiceAtOnce(anonymous: boolean) {
  const owner = await createUser(api);
  const community = await createCommunity(api, owner);
  const db = server.rukun.deps.db;
  const members = await insertMembers(db, { communitySlug: community.slug, count: 500 });
  const survey = await insertSurvey(db, { communitySlug: community.slug, createdById: owner.id, anonymous });
  const q = survey.questions.map((x) => x.id);
  const body = (i: number) => ({ answers: [{ questionId: q[0], value: i % 3 }, { questionId: q[1], value: [i % 3] }, { questionId: q[2], value: 1 + (i % 5) }, { questionId: q[3], value: i % 11 }, { questionId: q[4], value: `Saran ${i}` }] });
  const results = await Promise.all(members.flatMap((member, i) => [post(member, survey.id, body(i)), post(member, survey.id, body(i + 1))]));
  return { db, members, survey, results };
}

describe('1,000 concurrent answers from 500 members (each twice at once)', () => {
  for (const anonymous of [false, true]) {
    it(`accepts exactly 500 and refuses 500 with 409 already_responded on ${anonymous ? 'an anonymous' : 'a named'} survey`, { timeout: 240_000 }, async () => {
      const { db, members, survey, results } = await twiceAtOnce(anonymous);
      const tally = new Map<string, number>();
      for (const r of results) tally.set(`${r.status} ${r.code ?? ''}`.trim(), (tally.get(`${r.status} ${r.code ?? ''}`.trim()) ?? 0) + 1);
      expect(Object.fromEntries(tally)).toEqual({ '201': 500, '409 already_responded': 500 });
      // Each member got one acceptance and one refusal (the pair's two requests).
      for (let i = 0; i < members.length; i++) expect([results[2 * i]?.status, results[2 * i + 1]?.status].sort()).toEqual([201, 409]);
      const rows = await db.surveyResponse.findMany({ where: { surveyId: survey.id } });
      expect(rows).toHaveLength(500);
      expect(new Set(rows.map((r) => r.respondentKey)).size).toBe(500);
      expect((await db.survey.findUniqueOrThrow({ where: { id: survey.id } })).responseCount).toBe(500);
      // Five questions, the multi one with one option: five answer rows per response, none orphaned.
      expect(await db.surveyAnswer.count({ where: { surveyId: survey.id } })).toBe(2500);
      if (!anonymous) expect(new Set(rows.map((r) => r.userId))).toEqual(new Set(members.map((m) => m.id)));
    });
  }

  it('keeps no user id, handle or e-mail in the anonymous survey\'s response and answer rows', { timeout: 240_000 }, async () => {
    const { db, members, survey } = await twiceAtOnce(true);
    const users = await db.user.findMany({ where: { id: { in: members.map((m) => m.id) } }, select: { id: true, handle: true, email: true } });
    const identifiers = users.flatMap((u) => [u.id, u.handle, u.email]);
    const responses = await db.surveyResponse.findMany({ where: { surveyId: survey.id } });
    const answers = await db.surveyAnswer.findMany({ where: { surveyId: survey.id } });
    expect(responses).toHaveLength(500);
    expect(answers).toHaveLength(2500);
    const cells = [...responses, ...answers].flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string'));
    const identifierSet = new Set(identifiers);
    const leaks = cells.filter((cell) => identifierSet.has(cell) || identifiers.some((id) => cell.includes(id)));
    expect(leaks).toEqual([]);
    for (const row of responses) expect(row.userId).toBeNull();
    const plainHashes = new Set(users.map((u) => sha256(u.id)));
    const userIds = new Set(users.map((u) => u.id));
    for (const row of responses) {
      expect(userIds.has(row.respondentKey)).toBe(false);
      expect(plainHashes.has(row.respondentKey)).toBe(false);
      // Only the UTC day is kept.
      expect(row.submittedAt.getUTCHours() + row.submittedAt.getUTCMinutes() + row.submittedAt.getUTCSeconds() + row.submittedAt.getUTCMilliseconds()).toBe(0);
      // Random (v4) ids, not time-ordered v7.
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    }
    for (const row of answers) expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
  });
});
