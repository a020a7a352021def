// Answering surveys through the HTTP app on a fixed clock: the receipt, one response per member (409
// already_responded), 409 survey_closed (closed, or closesAt passed before the job ran), drafts (404 to members, 409
// survey_not_open to managers), suspended members, the event audience, 422 naming each bad answer in the caller's
// language, `answered` in GET, and `survey:response` reaching a manager's socket with counts only, not a member's.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Community } from '../../../server/contracts/api';
import type { SurveyResponsePayload } from '../../../server/contracts/events';
import type { Survey, SurveyResponseReceipt } from '../../../server/contracts/surveys';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertEvent } from '../../helpers/eventRows';
import { createCommunity, createUser, join, setRole, type TestUser } from '../../helpers/factories';
import { socketPool } from '../../helpers/liveClient';
import { insertSurvey, type SurveyRowInput } from '../../helpers/surveyRows';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError, type ErrorBody } from '../support';

const START = new Date('2026-12-05T03:17:42.123Z');
let clock = START;
const HOUR = 3_600_000;
let server: TestServer;
let api: ApiClient;
const pool = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer({ process: 'server', now: () => clock });
  api = apiClient(server.baseUrl);
});
afterEach(() => {
  clock = START;
  pool.closeAll();
});
afterAll(async () => {
  await server?.close();
});

async function cast(members = 2): Promise<{ owner: TestUser; manager: TestUser; users: TestUser[]; community: Community }> {
  const [owner, manager, ...users] = await Promise.all(Array.from({ length: members + 2 }, () => createUser(api)));
  const community = await createCommunity(api, owner as TestUser);
  for (const user of [manager, ...users]) await join(api, user as TestUser, community.slug);
  await setRole(api, owner as TestUser, community.slug, (manager as TestUser).id, 'manager');
  return { owner: owner as TestUser, manager: manager as TestUser, users, community };
}

type Question = { id: string };
const survey = (community: Community, owner: TestUser, options: Partial<SurveyRowInput> = {}) =>
  insertSurvey(server.rukun.deps.db, { communitySlug: community.slug, createdById: owner.id, ...options });

/** Answers for the default five questions (single required, multi, rating 1..5, nps, text). */
function answers(qs: Question[], values: unknown[] = [1, [0, 2], 4, 9, 'Lebih sering kopdar']) {
  return qs.map((q, i) => ({ questionId: q.id, value: values[i] }));
}

const respond = (user: TestUser, id: string, body: unknown, locale = 'en') =>
  api.request<{ response: SurveyResponseReceipt }>('POST', `/api/surveys/${id}/responses`, { token: user.token, body, headers: { 'accept-language': locale } });
const details = (body: ErrorBody) => body.error.details as { path: string; reason: string; message: string; questionId?: string }[];

describe('answering', () => {
  it('stores a named response with its answer rows and refuses a second one with 409 already_responded', async () => {
    const { owner, users, community } = await cast();
    const [member] = users as [TestUser];
    const s = await survey(community, owner);
    const res = await respond(member, s.id, { answers: answers(s.questions) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.response).toEqual({ id: expect.any(String), surveyId: s.id, submittedAt: START.toISOString() });
    expectError(await respond(member, s.id, { answers: answers(s.questions, [0]) }), 409, 'already_responded');
    const db = server.rukun.deps.db;
    const rows = await db.surveyResponse.findMany({ where: { surveyId: s.id } });
    expect(rows).toEqual([expect.objectContaining({ userId: member.id, respondentKey: member.id })]);
    const stored = await db.surveyAnswer.findMany({ where: { surveyId: s.id }, orderBy: [{ questionId: 'asc' }, { optionIndex: 'asc' }] });
    expect(stored.map((a) => [a.optionIndex, a.numberValue, a.textValue])).toEqual([
      [1, null, null],
      [0, null, null],
      [2, null, null],
      [null, 4, null],
      [null, 9, null],
      [null, null, 'Lebih sering kopdar'],
    ]);
    expect((await db.survey.findUniqueOrThrow({ where: { id: s.id } })).responseCount).toBe(1);
    const view = await api.request<{ survey: Survey }>('GET', `/api/surveys/${s.id}`, { token: member.token });
    expect(view.body.survey).toMatchObject({ answered: true, responseCount: 1, state: 'open' });
  });

  it('stores an anonymous response under a pseudonym, with a random id and only the UTC day; answered still shows', async () => {
    const { owner, users, community } = await cast();
    const [member] = users as [TestUser];
    const s = await survey(community, owner, { anonymous: true });
    const res = await respond(member, s.id, { answers: answers(s.questions) });
    expect(res.status).toBe(201);
    expect(res.body.response.submittedAt).toBe('2026-12-05T00:00:00.000Z');
    // A UUIDv4, not a time-ordered v7.
    expect(res.body.response.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    const [row] = await server.rukun.deps.db.surveyResponse.findMany({ where: { surveyId: s.id } });
    expect(row).toMatchObject({ userId: null });
    expect(row?.respondentKey).toMatch(/^[0-9a-f]{64}$/);
    expect((await api.request<{ survey: Survey }>('GET', `/api/surveys/${s.id}`, { token: member.token })).body.survey.answered).toBe(true);
    const listed = await api.request<{ items: Survey[] }>('GET', `/api/communities/${community.slug}/surveys`, { token: member.token });
    expect(listed.body.items.find((i) => i.id === s.id)?.answered).toBe(true);
    expectError(await respond(member, s.id, { answers: answers(s.questions, [0]) }), 409, 'already_responded');
  });

  it('accepts optional questions left out and empty values, but not a required one', async () => {
    const { owner, users, community } = await cast();
    const [member, other] = users as [TestUser, TestUser];
    const s = await survey(community, owner);
    const first = s.questions[0] as Question;
    expect((await respond(member, s.id, { answers: [{ questionId: first.id, value: 0 }, { questionId: s.questions[4]?.id, value: '   ' }] })).status).toBe(201);
    const err = expectError(await respond(other, s.id, { answers: [] }), 422, 'validation_failed');
    expect(details(err)).toEqual([expect.objectContaining({ path: 'answers', reason: 'missing_required', questionId: first.id })]);
  });

  it('names each bad answer with its path and reason, in Indonesian or English', async () => {
    const { owner, users, community } = await cast();
    const [member] = users as [TestUser];
    const s = await survey(community, owner, {
      questions: [
        { kind: 'single', options: ['a', 'b'], required: true },
        { kind: 'multi', options: ['a', 'b', 'c'] },
        { kind: 'rating', min: 1, max: 5 },
        { kind: 'nps' },
        { kind: 'text' },
        { kind: 'nps', required: true },
      ],
    });
    const q = s.questions.map((x) => x.id);
    // A text question's maxLength lives in its `max` column (the helper writes the default).
    await server.rukun.deps.db.surveyQuestion.update({ where: { id: q[4] as string }, data: { max: 10 } });
    const body = {
      answers: [
        { questionId: q[0], value: 2 },
        { questionId: q[1], value: [0, 0] },
        { questionId: q[2], value: 6 },
        { questionId: q[3], value: 'sepuluh' },
        { questionId: q[4], value: 'x'.repeat(11) },
        { questionId: 'tidak-ada', value: 1 },
        { questionId: q[0], value: 1 },
      ],
    };
    const expected = [
      ['answers[0].value', 'unknown_option'],
      ['answers[1].value', 'unknown_option'],
      ['answers[2].value', 'out_of_range'],
      ['answers[3].value', 'wrong_type'],
      ['answers[4].value', 'too_long'],
      ['answers[5].questionId', 'unknown_question'],
      ['answers[6].questionId', 'duplicate_question'],
      ['answers', 'missing_required'],
    ];
    const en = expectError(await respond(member, s.id, body, 'en'), 422, 'validation_failed');
    expect(details(en).map((d) => [d.path, d.reason])).toEqual(expected);
    expect(details(en)[2]?.message).toBe('Give a whole number from 1 to 5.');
    const id = expectError(await respond(member, s.id, body, 'id'), 422, 'validation_failed');
    expect(details(id).map((d) => [d.path, d.reason])).toEqual(expected);
    expect(details(id)[2]?.message).toBe('Isi bilangan bulat dari 1 sampai 5.');
    expect(details(id)[7]?.message).toBe('Pertanyaan ini wajib dijawab.');
    expect(await server.rukun.deps.db.surveyResponse.count({ where: { surveyId: s.id } })).toBe(0);
  });

  it('refuses closed surveys and surveys past their closesAt before the job ran, with 409 survey_closed', async () => {
    const { owner, users, community } = await cast();
    const [member] = users as [TestUser];
    const closed = await survey(community, owner, { state: 'closed' });
    expectError(await respond(member, closed.id, { answers: answers(closed.questions) }), 409, 'survey_closed');
    const due = await survey(community, owner, { closesAt: new Date(START.getTime() + HOUR) });
    clock = new Date(START.getTime() + HOUR);
    expectError(await respond(member, due.id, { answers: answers(due.questions) }), 409, 'survey_closed');
    expect((await api.request<{ survey: Survey }>('GET', `/api/surveys/${due.id}`, { token: member.token })).body.survey.state).toBe('closed');
    // The list filters by the state members see, too.
    const listed = async (state: string) => (await api.request<{ items: Survey[] }>('GET', `/api/communities/${community.slug}/surveys?state=${state}`, { token: member.token })).body.items.map((i) => i.id);
    expect(await listed('open')).not.toContain(due.id);
    expect(await listed('closed')).toEqual(expect.arrayContaining([due.id, closed.id]));
    expect(await server.rukun.deps.db.survey.findUniqueOrThrow({ where: { id: due.id } })).toMatchObject({ state: 'open', responseCount: 0 });
  });

  it('hides drafts from members (404) and tells managers 409 survey_not_open', async () => {
    const { owner, manager, users, community } = await cast();
    const draft = await survey(community, owner, { state: 'draft' });
    expectError(await respond(users[0] as TestUser, draft.id, { answers: answers(draft.questions) }), 404, 'not_found');
    expectError(await respond(manager, draft.id, { answers: answers(draft.questions) }), 409, 'survey_not_open');
  });

  it('refuses suspended members (403 suspended), hides the survey from banned ones and non-members', async () => {
    const { owner, users, community } = await cast(2);
    const [suspended, banned] = users as [TestUser, TestUser];
    const outsider = await createUser(api);
    for (const [user, kind] of [[suspended, 'suspend'], [banned, 'ban']] as const) {
      expect((await api.request('POST', `/api/communities/${community.slug}/members/${user.id}/sanctions`, { token: owner.token, body: { kind, reason: 'uji' } })).status).toBe(201);
    }
    const s = await survey(community, owner);
    expectError(await respond(suspended, s.id, { answers: answers(s.questions) }), 403, 'suspended');
    expectError(await respond(banned, s.id, { answers: answers(s.questions) }), 404, 'not_found');
    expectError(await respond(outsider, s.id, { answers: answers(s.questions) }), 404, 'not_found');
  });

  it('asks only the members checked in at the audience event (403 forbidden to the others)', async () => {
    const { owner, users, community } = await cast(2);
    const [went, stayed] = users as [TestUser, TestUser];
    const db = server.rukun.deps.db;
    const event = await insertEvent(db, { communitySlug: community.slug, createdById: owner.id, startsAt: new Date(START.getTime() - 48 * HOUR) });
    await db.eventRsvp.create({ data: { eventId: event.id, userId: went.id, status: 'going', code: 'AUD1', checkedInAt: new Date(START.getTime() - 47 * HOUR) } });
    await db.eventRsvp.create({ data: { eventId: event.id, userId: stayed.id, status: 'going', code: 'AUD2' } });
    const s = await survey(community, owner, { audienceEventId: event.id });
    expectError(await respond(stayed, s.id, { answers: answers(s.questions) }), 403, 'forbidden');
    expect((await respond(went, s.id, { answers: answers(s.questions) })).status).toBe(201);
  });
});

describe('survey:response over Socket.IO', () => {
  it('reaches a manager with counts only, and not a member', async () => {
    const { owner, manager, users, community } = await cast(2);
    const [member, answering] = users as [TestUser, TestUser];
    const s = await survey(community, owner, { anonymous: true });
    const managerSocket = await pool.connect(manager.token);
    const memberSocket = await pool.connect(member.token);
    await managerSocket.join(community.slug);
    await memberSocket.join(community.slug);
    expect((await respond(answering, s.id, { answers: answers(s.questions) })).status).toBe(201);
    const heard = await managerSocket.next<SurveyResponsePayload>('survey:response', (p) => p.surveyId === s.id);
    // Four members (owner, manager, two members): one answer is a quarter of the audience.
    expect(heard).toEqual({ communitySlug: community.slug, surveyId: s.id, responseCount: 1, memberResponseCount: 1, responseRate: 0.25 });
    // Both sockets are in the same process: by the time the manager hears the second event, the member would have
    // heard the first had it been sent there.
    expect((await respond(member, s.id, { answers: answers(s.questions) })).status).toBe(201);
    await managerSocket.next<SurveyResponsePayload>('survey:response', (p) => p.responseCount === 2);
    expect(memberSocket.received.filter((r) => r.event === 'survey:response')).toEqual([]);
  });
});
