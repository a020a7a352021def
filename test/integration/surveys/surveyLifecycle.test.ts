// The survey lifecycle through the HTTP app on a fixed clock: create (draft), who sees what in the list and by id,
// validation, open, close (idempotent), the closing job planned and re-planned in the surveys queue, edits of drafts
// and the edit rules of open surveys (409 survey_locked naming each problem), the version guard, audit entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Community } from '../../../server/contracts/api';
import type { Survey } from '../../../server/contracts/surveys';
import { surveyCloseJobId } from '../../../server/contracts/jobs';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createCommunity, createUser, join, setRole, type TestUser } from '../../helpers/factories';
import { insertEvent } from '../../helpers/eventRows';
import { insertSurvey } from '../../helpers/surveyRows';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError, type ErrorBody } from '../support';

const START = new Date('2026-12-05T03:00:00.000Z');
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(START.getTime() + h * HOUR).toISOString();
let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  // HTTP only: the closing jobs stay in the queue where the tests read them.
  server = await startTestServer({ process: 'server', now: () => START });
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.rukun.deps.queues.surveys.obliterate({ force: true });
  await server?.close();
});

async function cast(): Promise<{ owner: TestUser; manager: TestUser; member: TestUser; community: Community }> {
  const [owner, manager, member] = await Promise.all([createUser(api), createUser(api), createUser(api)]);
  const community = await createCommunity(api, owner);
  await join(api, manager, community.slug);
  await join(api, member, community.slug);
  await setRole(api, owner, community.slug, manager.id, 'manager');
  return { owner, manager, member, community };
}

const QUESTIONS = [
  { kind: 'single', prompt: 'Kopdar di mana?', options: ['Jakarta', 'Bandung'], required: true },
  { kind: 'multi', prompt: 'Topik', options: ['Acara', 'Moderasi', 'Survei'] },
  { kind: 'rating', prompt: 'Seberapa puas?' },
  { kind: 'nps', prompt: 'Rekomendasi?' },
  { kind: 'text', prompt: 'Saran', maxLength: 300 },
];

async function create(user: TestUser, slug: string, body: Record<string, unknown> = {}): Promise<Survey> {
  const res = await api.request<{ survey: Survey }>('POST', `/api/communities/${slug}/surveys`, { token: user.token, body: { title: 'Survei kopdar', questions: QUESTIONS, ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.survey;
}
const get = (user: TestUser, id: string) => api.request<{ survey: Survey }>('GET', `/api/surveys/${id}`, { token: user.token });
const patch = (user: TestUser, id: string, body: unknown, locale = 'en') => api.request<{ survey: Survey }>('PATCH', `/api/surveys/${id}`, { token: user.token, body, headers: { 'accept-language': locale } });
const open = (user: TestUser, id: string) => api.request<{ survey: Survey }>('POST', `/api/surveys/${id}/open`, { token: user.token });
const close = (user: TestUser, id: string) => api.request<{ survey: Survey }>('POST', `/api/surveys/${id}/close`, { token: user.token });
const list = (user: TestUser, slug: string, query = '') => api.request<{ items: Survey[]; nextCursor: string | null }>('GET', `/api/communities/${slug}/surveys${query}`, { token: user.token });
const reasons = (body: ErrorBody) => (body.error.details as { reason: string }[]).map((d) => d.reason);

describe('creating and reading surveys', () => {
  it('creates a draft with normalised questions, visible to managers only, with an audit entry', async () => {
    const { manager, member, community } = await cast();
    const survey = await create(manager, community.slug, { description: 'Isi ya', closesAt: inHours(48) });
    expect(survey).toMatchObject({ state: 'draft', anonymous: false, answered: false, responseCount: 0, version: 0, closesAt: inHours(48), audience: { kind: 'all' }, communitySlug: community.slug, createdBy: { id: manager.id } });
    expect(survey.questions.map((q) => [q.kind, q.required, q.min, q.max, q.maxLength])).toEqual([
      ['single', true, null, null, null],
      ['multi', false, null, null, null],
      ['rating', false, 1, 5, null],
      ['nps', false, 0, 10, null],
      ['text', false, null, null, 300],
    ]);
    expect(survey.questions[0]?.options).toEqual(['Jakarta', 'Bandung']);
    expectError(await get(member, survey.id), 404, 'not_found');
    expect((await get(manager, survey.id)).body.survey.id).toBe(survey.id);
    expect((await list(member, community.slug)).body.items).toEqual([]);
    expect((await list(manager, community.slug)).body.items.map((s) => s.id)).toEqual([survey.id]);
    expectError(await api.request('POST', `/api/communities/${community.slug}/surveys`, { token: member.token, body: { title: 'x', questions: QUESTIONS } }), 403, 'forbidden');
    const audit = await server.rukun.deps.db.auditEntry.findMany({ where: { targetType: 'survey', targetId: survey.id } });
    expect(audit.map((a) => a.action)).toEqual(['survey.create']);
  });

  it('refuses invalid surveys with 422 naming the field', async () => {
    const { manager, owner, community } = await cast();
    const bad = async (body: Record<string, unknown>, path: RegExp) => {
      const res = await api.request('POST', `/api/communities/${community.slug}/surveys`, { token: manager.token, body: { title: 'Survei', questions: QUESTIONS, ...body } });
      const err = expectError(res, 422, 'validation_failed');
      expect((err.error.details as { path: string }[]).some((d) => path.test(d.path)), JSON.stringify(err)).toBe(true);
    };
    await bad({ title: '' }, /^body\.title/);
    await bad({ title: 'x'.repeat(201) }, /^body\.title/);
    await bad({ questions: [] }, /^body\.questions/);
    await bad({ questions: Array.from({ length: 51 }, () => ({ kind: 'nps', prompt: 'p' })) }, /^body\.questions/);
    await bad({ questions: [{ kind: 'single', prompt: 'p', options: ['a'] }] }, /^body\.questions\.0\.options/);
    await bad({ questions: [{ kind: 'single', prompt: 'p', options: ['a', 'A '] }] }, /^body\.questions\.0\.options/);
    await bad({ questions: [{ kind: 'single', prompt: 'p', options: ['a', ''] }] }, /^body\.questions\.0\.options/);
    await bad({ questions: [{ kind: 'multi', prompt: 'p', options: Array.from({ length: 21 }, (_, i) => `o${i}`) }] }, /^body\.questions\.0\.options/);
    await bad({ questions: [{ kind: 'rating', prompt: 'p', min: 5, max: 5 }] }, /^body\.questions\.0/);
    await bad({ questions: [{ kind: 'rating', prompt: 'p', min: 0, max: 11 }] }, /^body\.questions\.0\.max/);
    await bad({ questions: [{ kind: 'text', prompt: 'p', maxLength: 0 }] }, /^body\.questions\.0\.maxLength/);
    await bad({ questions: [{ kind: 'poll', prompt: 'p' }] }, /^body\.questions\.0/);
    await bad({ closesAt: new Date(START.getTime() - HOUR).toISOString() }, /^body\.closesAt/);
    await bad({ audience: { kind: 'event', eventId: 'nope' } }, /^body\.audience\.eventId/);
    // An event of another community is no audience here.
    const other = await createCommunity(api, owner);
    const foreign = await insertEvent(server.rukun.deps.db, { communitySlug: other.slug, createdById: owner.id, startsAt: new Date(START.getTime() - 48 * HOUR) });
    await bad({ audience: { kind: 'event', eventId: foreign.id } }, /^body\.audience\.eventId/);
  });
});

describe('opening and closing', () => {
  it('opens a draft (members then see it), plans its closing job, and closes idempotently', async () => {
    const { manager, member, community } = await cast();
    const survey = await create(manager, community.slug, { closesAt: inHours(24) });
    expectError(await open(member, survey.id), 404, 'not_found');
    const opened = await open(manager, survey.id);
    expect(opened.status).toBe(200);
    expect(opened.body.survey).toMatchObject({ state: 'open', openedAt: START.toISOString(), version: 1 });
    expect((await open(manager, survey.id)).body.survey.version).toBe(1);
    const job = await server.rukun.deps.queues.surveys.getJob(surveyCloseJobId({ surveyId: survey.id, closesAt: inHours(24) }));
    expect(job?.data).toEqual({ surveyId: survey.id, closesAt: inHours(24) });
    expect(job?.opts.delay).toBe(24 * HOUR);
    expect((await list(member, community.slug)).body.items.map((s) => s.id)).toEqual([survey.id]);
    expectError(await close(member, survey.id), 403, 'forbidden');
    const closed = await close(manager, survey.id);
    expect(closed.body.survey).toMatchObject({ state: 'closed', closedAt: START.toISOString() });
    const again = await close(manager, survey.id);
    expect(again.status).toBe(200);
    expect(again.body.survey).toEqual(closed.body.survey);
    expectError(await open(manager, survey.id), 409, 'survey_closed');
    expect((await list(member, community.slug, '?state=closed')).body.items.map((s) => s.id)).toEqual([survey.id]);
    expect((await list(member, community.slug, '?state=open')).body.items).toEqual([]);
    const audit = await server.rukun.deps.db.auditEntry.findMany({ where: { targetType: 'survey', targetId: survey.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['survey.create', 'survey.open', 'survey.close']);
  });

  it('refuses to open a survey without questions, and to close a draft', async () => {
    const { owner, community } = await cast();
    const empty = await insertSurvey(server.rukun.deps.db, { communitySlug: community.slug, createdById: owner.id, state: 'draft', questions: [] });
    expectError(await open(owner, empty.id), 422, 'validation_failed');
    expectError(await close(owner, empty.id), 409, 'survey_not_open');
  });

  it('re-plans the closing job when closesAt moves, and plans none when it is cleared', async () => {
    const { manager, community } = await cast();
    const survey = await create(manager, community.slug, { closesAt: inHours(24) });
    await open(manager, survey.id);
    const moved = await patch(manager, survey.id, { closesAt: inHours(72), version: 1 });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const newJob = await server.rukun.deps.queues.surveys.getJob(surveyCloseJobId({ surveyId: survey.id, closesAt: inHours(72) }));
    expect(newJob?.opts.delay).toBe(72 * HOUR);
    expect((await patch(manager, survey.id, { closesAt: null })).body.survey.closesAt).toBeNull();
  });

  it('lists newest first, paged with a cursor', async () => {
    const { manager, community } = await cast();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await create(manager, community.slug, { title: `S${i}` })).id);
    const first = await list(manager, community.slug, '?limit=2');
    expect(first.body.items.map((s) => s.id)).toEqual([made[2], made[1]]);
    const second = await list(manager, community.slug, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((s) => s.id)).toEqual([made[0]]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe('edit rules', () => {
  it('replaces the questions of a draft wholesale', async () => {
    const { manager, community } = await cast();
    const survey = await create(manager, community.slug);
    const res = await patch(manager, survey.id, { title: 'Baru', anonymous: true, questions: [{ kind: 'nps', prompt: 'Satu saja', required: true }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.survey).toMatchObject({ title: 'Baru', anonymous: true, version: 1 });
    expect(res.body.survey.questions.map((q) => q.prompt)).toEqual(['Satu saja']);
  });

  it('lets an open survey be reworded, extended with options and optional questions, and a longer text limit', async () => {
    const { manager, community } = await cast();
    const survey = await create(manager, community.slug);
    const opened = (await open(manager, survey.id)).body.survey;
    const edited = opened.questions.map((q) => ({ id: q.id, kind: q.kind, prompt: `${q.prompt} ya`, required: q.kind === 'single' ? false : q.required, ...(q.options.length ? { options: [...q.options, 'Lainnya'] } : {}), ...(q.kind === 'rating' ? { min: q.min, max: q.max } : {}), ...(q.kind === 'text' ? { maxLength: 500 } : {}) }));
    const res = await patch(manager, survey.id, { title: 'Survei kopdar 2', description: 'Diperbarui', closesAt: inHours(10), version: opened.version, questions: [...edited, { kind: 'text', prompt: 'Tambahan' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = res.body.survey;
    expect(after.questions.map((q) => q.id).slice(0, 5)).toEqual(opened.questions.map((q) => q.id));
    expect(after.questions[0]).toMatchObject({ prompt: 'Kopdar di mana? ya', options: ['Jakarta', 'Bandung', 'Lainnya'], required: false });
    expect(after.questions[4]?.maxLength).toBe(500);
    expect(after.questions[5]).toMatchObject({ kind: 'text', prompt: 'Tambahan', required: false });
    expect(after).toMatchObject({ title: 'Survei kopdar 2', state: 'open', version: opened.version + 1 });
    const audit = await server.rukun.deps.db.auditEntry.findMany({ where: { targetType: 'survey', targetId: survey.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['survey.create', 'survey.open', 'survey.update']);
  });

  it('refuses edits of an open survey that would invalidate answers, naming each, in the caller\'s language', async () => {
    const { manager, community, owner } = await cast();
    const survey = await create(manager, community.slug);
    const opened = (await open(manager, survey.id)).body.survey;
    const keep = opened.questions.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, required: q.required, ...(q.options.length ? { options: q.options } : {}), ...(q.kind === 'rating' ? { min: q.min, max: q.max } : {}), ...(q.kind === 'text' ? { maxLength: q.maxLength } : {}) }));
    const [single, multi, rating, nps, text] = keep as [(typeof keep)[0], (typeof keep)[0], (typeof keep)[0], (typeof keep)[0], (typeof keep)[0]];
    const locked = async (body: Record<string, unknown>, expected: string[], locale = 'en') => {
      const err = expectError(await patch(manager, survey.id, body, locale), 409, 'survey_locked');
      expect(reasons(err).sort()).toEqual([...expected].sort());
      return err;
    };
    await locked({ questions: [single, multi, rating, nps] }, ['question_removed']);
    await locked({ questions: [multi, single, rating, nps, text] }, ['question_moved', 'question_moved']);
    await locked({ questions: [{ ...single, kind: 'multi' }, multi, rating, nps, text] }, ['kind_changed']);
    await locked({ questions: [single, { ...multi, options: ['Acara', 'Moderasi'] }, rating, nps, text] }, ['options_removed']);
    await locked({ questions: [single, multi, { ...rating, max: 10 }, nps, text] }, ['range_changed']);
    await locked({ questions: [single, multi, rating, nps, { ...text, maxLength: 10 }] }, ['range_changed']);
    await locked({ questions: [single, { ...multi, required: true }, rating, nps, text] }, ['made_required']);
    await locked({ questions: [...keep, { kind: 'nps', prompt: 'Baru', required: true }] }, ['new_question_required']);
    await locked({ anonymous: true }, ['anonymous_changed']);
    const ev = await insertEvent(server.rukun.deps.db, { communitySlug: community.slug, createdById: owner.id });
    await locked({ audience: { kind: 'event', eventId: ev.id } }, ['audience_changed']);
    // Several problems at once are all named; Indonesian readers get Indonesian sentences.
    const both = await locked({ anonymous: true, questions: [single, multi, { ...rating, min: 0 }, nps] }, ['anonymous_changed', 'question_removed', 'range_changed'], 'id');
    expect((both.error.details as { message: string }[])[0]?.message).toMatch(/survei/i);
    expect((await get(manager, survey.id)).body.survey.version).toBe(opened.version);
  });

  it('refuses a stale version with 409 version_conflict and edits of a closed survey with 409 survey_closed', async () => {
    const { manager, community } = await cast();
    const survey = await create(manager, community.slug);
    expect((await patch(manager, survey.id, { title: 'Satu', version: 0 })).status).toBe(200);
    expectError(await patch(manager, survey.id, { title: 'Dua', version: 0 }), 409, 'version_conflict');
    await open(manager, survey.id);
    await close(manager, survey.id);
    expectError(await patch(manager, survey.id, { title: 'Tiga' }), 409, 'survey_closed');
  });
});
