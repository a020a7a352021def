// Review of issue 11 (surveys, anonymity): regression tests of the fixed findings; each asserts the behaviour the contract or the issue
// promises; it fails while the hole is open. Run alone: npx vitest run test/security/review11/anonymousLeaks.test.ts
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyResults } from '../../../server/contracts/surveys';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertMembers } from '../../helpers/bulkMembers';
import { createCommunity, createUser, join, setRole, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
});

interface Built {
  id: string;
  questions: { id: string; kind: string }[];
}

/** A survey created and opened through the API by `manager`. */
async function openSurvey(manager: TestUser, slug: string, body: Record<string, unknown>): Promise<Built> {
  const created = await api.request<{ survey: Built }>('POST', `/api/communities/${slug}/surveys`, { token: manager.token, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const opened = await api.request('POST', `/api/surveys/${created.body.survey.id}/open`, { token: manager.token });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return created.body.survey;
}

async function answer(user: TestUser, survey: Built, values: unknown[]) {
  const res = await api.request<{ response: { id: string } }>('POST', `/api/surveys/${survey.id}/responses`, {
    token: user.token,
    body: { answers: values.map((value, i) => ({ questionId: survey.questions[i]?.id, value })) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.response;
}

async function results(user: TestUser, surveyId: string): Promise<SurveyResults> {
  const res = await api.request<{ results: SurveyResults }>('GET', `/api/surveys/${surveyId}/results`, { token: user.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.results;
}

const QUESTIONS = [
  { kind: 'single', prompt: 'Do you trust the moderators?', options: ['Yes', 'No'] },
  { kind: 'text', prompt: 'Anything else?' },
];

async function setting(members: number) {
  const owner = await createUser(api);
  const community = await createCommunity(api, owner);
  const joined = await insertMembers(server.rukun.deps.db, { communitySlug: community.slug, count: members });
  return { owner, slug: community.slug, members: joined };
}

describe('review 11: anonymity of anonymous surveys', () => {
  it('the CSV export of an anonymous survey is refused with 409 results_hidden while /results hides the answers (below 5)', async () => {
    const { owner, slug, members } = await setting(3);
    const survey = await openSurvey(owner, slug, { title: 'Trust', anonymous: true, questions: QUESTIONS });
    await answer(members[0] as TestUser, survey, [1, 'The moderator Budi bullies me']);

    const shown = await results(owner, survey.id);
    expect(shown.hidden).toBe(true);

    const csv = await api.request<{ error: { code: string } } | string>('GET', `/api/surveys/${survey.id}/results.csv`, { token: owner.token, headers: { 'accept-language': 'id' } });
    expect(csv.status).toBe(409);
    expect(JSON.stringify(csv.body)).toContain('results_hidden');
    expect(JSON.stringify(csv.body)).not.toContain('The moderator Budi bullies me');
  });

  it('staff responses (owner, managers, moderators) do not count toward the 5-response threshold: one member\'s answers stay hidden', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const staff = await Promise.all([createUser(api), createUser(api), createUser(api)]);
    for (const s of staff) await join(api, s, community.slug);
    await setRole(api, owner, community.slug, (staff[0] as TestUser).id, 'manager');
    await setRole(api, owner, community.slug, (staff[1] as TestUser).id, 'moderator');
    await setRole(api, owner, community.slug, (staff[2] as TestUser).id, 'moderator');
    const members = await insertMembers(server.rukun.deps.db, { communitySlug: community.slug, count: 5 });
    const survey = await openSurvey(owner, community.slug, { title: 'Staff padded', anonymous: true, questions: QUESTIONS });
    // Four answers the staff know (all "Yes", no text), one real answer.
    for (const s of [owner, ...staff]) await answer(s, survey, [0, null]);
    await answer(members[0] as TestUser, survey, [1, 'I want to leave']);
    const shown = await results(owner, survey.id);
    expect(shown).toMatchObject({ responseCount: 5, memberResponseCount: 1, hidden: true });
    expect(JSON.stringify(shown)).not.toContain('I want to leave');
    const csv = await api.request('GET', `/api/surveys/${survey.id}/results.csv`, { token: owner.token });
    expect(csv.status).toBe(409);
    // Only the stored flag says a response came from staff: never who.
    const rows = await server.rukun.deps.db.surveyResponse.findMany({ where: { surveyId: survey.id }, select: { userId: true, fromStaff: true } });
    expect(rows.filter((r) => r.fromStaff)).toHaveLength(4);
    expect(rows.every((r) => r.userId === null)).toBe(true);
    // Five member responses show the results (the staff answers included in the counts).
    for (const m of members.slice(1)) await answer(m, survey, [1, null]);
    const open = await results(owner, survey.id);
    expect(open).toMatchObject({ responseCount: 9, memberResponseCount: 5, hidden: false });
    expect((open.questions[0] as { options: { count: number }[] }).options.map((o) => o.count)).toEqual([4, 5]);
  });

  it('a database reader can still get the order anonymous responses were given from SQLite\'s rowid: a documented limit (README threat model)', async () => {
    const { owner, slug, members } = await setting(6);
    const survey = await openSurvey(owner, slug, { title: 'Order', anonymous: true, questions: QUESTIONS });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await answer(members[i] as TestUser, survey, [i % 2, `order ${i}`])).id);
    const db = server.rukun.deps.db;
    const rows = await db.$queryRawUnsafe<{ id: string }[]>('SELECT id FROM "SurveyResponse" WHERE surveyId = ? ORDER BY rowid', survey.id);
    expect(rows.map((r) => r.id)).toEqual(ids);
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('rowid');
    expect(readme).not.toContain('a database dump or a\nbackup cannot tell who gave an answer');
  });

});
