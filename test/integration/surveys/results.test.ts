// GET /surveys/:id/results against hand-computed figures: counts per option (zeros included), multi counts and
// respondents, rating mean and distribution, NPS with its counts and rounding, the audience and response rate
// (members, or the checked-in attendees of an event), and who may read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSurveyCounts } from '../../../server/queries/surveyCounts';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertEvent } from '../../helpers/eventRows';
import { createUser, join, setRole } from '../../helpers/factories';
import { insertResponses } from '../../helpers/surveyResponses';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { communityWith, questionAt, resultsOf, surveyOf } from './support';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
});

describe('results of a named survey', () => {
  it('counts options, multi choices, rating mean and distribution, NPS and the response rate as computed by hand', async () => {
    // The owner and 9 members, one of whom is then banned: 9 active members in the audience.
    const setting = await communityWith(server, api, 9);
    const db = server.rukun.deps.db;
    await db.membership.updateMany({ where: { communityId: setting.communityId, userId: setting.members[8]?.id ?? '' }, data: { status: 'banned' } });
    const survey = await surveyOf(server, setting);
    const [single, multi, rating, nps, text] = survey.q as [string, string, string, string, string];
    const m = setting.members;
    await insertResponses(db, survey, [
      { userId: m[0]?.id, answers: { [single]: 0, [multi]: [0, 1], [rating]: 5, [nps]: 10, [text]: 'Mantap' } },
      { userId: m[1]?.id, answers: { [single]: 0, [multi]: [1], [rating]: 4, [nps]: 9, [text]: 'Lebih sering' } },
      { userId: m[2]?.id, answers: { [single]: 1, [multi]: [0, 1, 2], [rating]: 3, [nps]: 8, [text]: 'Oke' } },
      { userId: m[3]?.id, answers: { [single]: 2, [rating]: 4, [nps]: 6 } },
      { userId: m[4]?.id, answers: { [single]: 0, [multi]: [1, 2], [rating]: 2, [nps]: 3 } },
      { userId: m[5]?.id, answers: { [single]: 1, [nps]: 10, [text]: 'Kopinya enak' } },
    ]);
    const results = await resultsOf(api, setting.owner, survey.id);
    expect(results).toMatchObject({ surveyId: survey.id, responseCount: 6, audienceSize: 9, responseRate: 0.6667, hidden: false });
    expect(results.questions.map((q) => q.questionId)).toEqual(survey.q);

    const s = questionAt(results, 0, 'single');
    expect(s).toMatchObject({ answered: 6, hidden: false, prompt: 'Kopdar berikutnya di mana?' });
    expect(s.options).toEqual([
      { index: 0, label: 'Jakarta', count: 3 },
      { index: 1, label: 'Bandung', count: 2 },
      { index: 2, label: 'Surabaya', count: 1 },
    ]);
    const mu = questionAt(results, 1, 'multi');
    // Four responses chose something; each option counts the responses that chose it.
    expect(mu.answered).toBe(4);
    expect(mu.options.map((o) => [o.label, o.count])).toEqual([['Moderasi', 2], ['Acara', 4], ['Survei', 2]]);

    const r = questionAt(results, 2, 'rating');
    // 5 + 4 + 3 + 4 + 2 = 18 over 5 answers.
    expect(r).toMatchObject({ answered: 5, mean: 3.6, min: 1, max: 5 });
    expect(r.distribution).toEqual([{ value: 1, count: 0 }, { value: 2, count: 1 }, { value: 3, count: 1 }, { value: 4, count: 2 }, { value: 5, count: 1 }]);

    const n = questionAt(results, 3, 'nps');
    // Promoters 10, 9, 10; passive 8; detractors 6, 3: (3 - 2) / 6 = 16.67% -> 17.
    expect(n).toMatchObject({ answered: 6, nps: 17, promoters: 3, passives: 1, detractors: 2 });
    expect(n.distribution.map((d) => d.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(n.distribution.filter((d) => d.count > 0)).toEqual([{ value: 3, count: 1 }, { value: 6, count: 1 }, { value: 8, count: 1 }, { value: 9, count: 1 }, { value: 10, count: 2 }]);

    const t = questionAt(results, 4, 'text');
    expect(t.answered).toBe(4);
    expect(t.texts).toEqual({ items: ['Kopinya enak', 'Oke', 'Lebih sering', 'Mantap'], nextCursor: null });

    // The counts the live announcement uses agree with the results.
    expect(await loadSurveyCounts(db, survey.id)).toEqual({ communityId: setting.communityId, responseCount: 6, memberResponseCount: 6, audienceSize: 9, responseRate: 0.6667 });
    expect(await loadSurveyCounts(db, 'no-such-survey')).toBeNull();
  });

  it('computes a negative NPS, rounds halves away from zero, and rates on a custom scale', async () => {
    const setting = await communityWith(server, api, 0);
    const survey = await surveyOf(server, setting, { questions: [{ kind: 'nps' }, { kind: 'rating', min: 0, max: 10 }, { kind: 'nps' }] });
    const [first, scale, second] = survey.q as [string, string, string];
    // First NPS: 1 promoter, 5 passives, 2 detractors of 8: -12.5 -> -13. Second: 0, 5, 7, 9: (1 - 2) / 4 -> -25.
    const firstValues = [9, 7, 7, 8, 8, 7, 0, 6];
    const secondValues = [0, 5, 7, 9];
    const scaleValues = [7, 8, 10];
    await insertResponses(
      server.rukun.deps.db,
      survey,
      firstValues.map((value, i) => ({
        answers: { [first]: value, ...(scaleValues[i] !== undefined ? { [scale]: scaleValues[i] } : {}), ...(secondValues[i] !== undefined ? { [second]: secondValues[i] } : {}) },
      })),
    );
    const results = await resultsOf(api, setting.owner, survey.id);
    expect(questionAt(results, 0, 'nps')).toMatchObject({ nps: -13, promoters: 1, passives: 5, detractors: 2, answered: 8 });
    // (7 + 8 + 10) / 3 = 8.333...
    const rating = questionAt(results, 1, 'rating');
    expect(rating).toMatchObject({ mean: 8.33, min: 0, max: 10, answered: 3 });
    expect(rating.distribution).toHaveLength(11);
    expect(questionAt(results, 2, 'nps')).toMatchObject({ nps: -25, promoters: 1, passives: 1, detractors: 2, answered: 4 });
  });

  it('shows every option with zero and no mean or score before anyone answered', async () => {
    const setting = await communityWith(server, api, 2);
    const survey = await surveyOf(server, setting);
    const results = await resultsOf(api, setting.owner, survey.id);
    expect(results).toMatchObject({ responseCount: 0, audienceSize: 3, responseRate: 0, hidden: false });
    expect(questionAt(results, 0, 'single').options.map((o) => o.count)).toEqual([0, 0, 0]);
    expect(questionAt(results, 2, 'rating')).toMatchObject({ mean: null, answered: 0 });
    expect(questionAt(results, 3, 'nps')).toMatchObject({ nps: null, promoters: 0, passives: 0, detractors: 0 });
    expect(questionAt(results, 4, 'text').texts).toEqual({ items: [], nextCursor: null });
  });
});

describe('an event audience', () => {
  it('counts the checked-in attendees of the event as the audience', async () => {
    const setting = await communityWith(server, api, 6);
    const db = server.rukun.deps.db;
    const event = await insertEvent(db, { communitySlug: setting.slug, createdById: setting.owner.id, startsAt: new Date(Date.now() - 4 * 3_600_000) });
    // Five going, three of them checked in; one interested member never came.
    await db.eventRsvp.createMany({
      data: setting.members.slice(0, 6).map((member, i) => ({
        eventId: event.id,
        userId: member.id,
        status: i < 5 ? 'going' : 'interested',
        code: `CODE${i}XYZ`,
        checkedInAt: i < 3 ? new Date() : null,
      })),
    });
    const survey = await surveyOf(server, setting, { audienceEventId: event.id });
    const [single] = survey.q as [string];
    await insertResponses(db, survey, [{ userId: setting.members[0]?.id, answers: { [single]: 0 } }, { userId: setting.members[1]?.id, answers: { [single]: 2 } }]);
    const results = await resultsOf(api, setting.owner, survey.id);
    expect(results).toMatchObject({ responseCount: 2, audienceSize: 3, responseRate: 0.6667 });
    expect(await loadSurveyCounts(db, survey.id)).toMatchObject({ audienceSize: 3, responseRate: 0.6667 });
  });
});

describe('who may read results', () => {
  it('is for managers and owners: a moderator or member gets 403, an outsider 404, a member 404 for a draft', async () => {
    const setting = await communityWith(server, api, 1);
    const [member] = setting.members as [{ id: string; handle: string; token: string }];
    const manager = await createUser(api);
    const moderator = await createUser(api);
    const outsider = await createUser(api);
    for (const user of [manager, moderator]) await join(api, user, setting.slug);
    await setRole(api, setting.owner, setting.slug, manager.id, 'manager');
    await setRole(api, setting.owner, setting.slug, moderator.id, 'moderator');
    const survey = await surveyOf(server, setting);
    const draft = await surveyOf(server, setting, { state: 'draft' });
    expect((await resultsOf(api, manager, survey.id)).surveyId).toBe(survey.id);
    expect((await resultsOf(api, manager, draft.id)).surveyId).toBe(draft.id);
    const get = (token: string, id: string, tail = '/results') => api.request('GET', `/api/surveys/${id}${tail}`, { token });
    for (const tail of ['/results', '/results.csv', `/results/questions/${survey.q[4]}/texts`]) {
      expectError(await get(moderator.token, survey.id, tail), 403, 'forbidden');
      expectError(await get(member.token, survey.id, tail), 403, 'forbidden');
      expectError(await get(outsider.token, survey.id, tail), 404, 'not_found');
    }
    expectError(await get(member.token, draft.id), 404, 'not_found');
    expectError(await api.request('GET', `/api/surveys/${survey.id}/results`), 401, 'unauthenticated');
  });
});
