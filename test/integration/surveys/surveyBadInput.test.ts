// Garbage into every survey route (create, edit, open, close, list, read, answer): wrong types, unknown fields,
// unknown and malformed ids, huge arrays, bad option indexes, strings where numbers go, malformed JSON and queries.
// Each answer is a 4xx in the contract's error shape (422 validation_failed with [{path, message}] for bodies), never
// a 5xx, and the server still works afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Community } from '../../../server/contracts/api';
import type { Survey } from '../../../server/contracts/surveys';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createCommunity, createUser, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError, expectErrorShape } from '../support';

const NOW = new Date('2026-12-05T03:00:00.000Z');
let server: TestServer;
let api: ApiClient;
let owner: TestUser;
let community: Community;
let draft: Survey;
let open: Survey;

const QUESTIONS = [
  { kind: 'single', prompt: 'Di mana?', options: ['Jakarta', 'Bandung'], required: true },
  { kind: 'rating', prompt: 'Puas?' },
  { kind: 'text', prompt: 'Saran', maxLength: 20 },
];

beforeAll(async () => {
  server = await startTestServer({ process: 'server', now: () => NOW });
  api = apiClient(server.baseUrl);
  owner = await createUser(api);
  community = await createCommunity(api, owner);
  const make = async () => (await api.request<{ survey: Survey }>('POST', `/api/communities/${community.slug}/surveys`, { token: owner.token, body: { title: 'Survei', questions: QUESTIONS } })).body.survey;
  draft = await make();
  open = await make();
  expect((await api.request('POST', `/api/surveys/${open.id}/open`, { token: owner.token })).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
});

/** Every answer is a 4xx in the contract's shape. */
function expect4xx(res: { status: number; body: unknown; headers: Headers }, label: string) {
  expect(res.status, `${label}: ${res.status} ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  expectErrorShape(res);
}

const GARBAGE_BODIES: [string, unknown][] = [
  ['null', null],
  ['a string', 'survei'],
  ['a number', 42],
  ['a list', [1, 2]],
  ['empty object', {}],
  ['unknown field', { title: 'x', questions: QUESTIONS, hack: true }],
  ['title a number', { title: 7, questions: QUESTIONS }],
  ['title an object', { title: { $gt: '' }, questions: QUESTIONS }],
  ['title with NUL', { title: 'a\u0000b', questions: QUESTIONS }],
  ['questions an object', { title: 'x', questions: { 0: QUESTIONS[0] } }],
  ['questions huge', { title: 'x', questions: Array.from({ length: 5000 }, () => QUESTIONS[1]) }],
  ['question kind unknown', { title: 'x', questions: [{ kind: 'matrix', prompt: 'p' }] }],
  ['question a string', { title: 'x', questions: ['apa?'] }],
  ['options of numbers', { title: 'x', questions: [{ kind: 'single', prompt: 'p', options: [1, 2] }] }],
  ['options huge', { title: 'x', questions: [{ kind: 'multi', prompt: 'p', options: Array.from({ length: 10_000 }, (_, i) => `o${i}`) }] }],
  ['options on a rating', { title: 'x', questions: [{ kind: 'rating', prompt: 'p', options: ['a', 'b'] }] }],
  ['rating bounds as strings', { title: 'x', questions: [{ kind: 'rating', prompt: 'p', min: '1', max: '5' }] }],
  ['rating bounds fractional', { title: 'x', questions: [{ kind: 'rating', prompt: 'p', min: 0.5, max: 5 }] }],
  ['rating bounds huge', { title: 'x', questions: [{ kind: 'rating', prompt: 'p', min: 0, max: 1e308 }] }],
  ['required a string', { title: 'x', questions: [{ kind: 'nps', prompt: 'p', required: 'ya' }] }],
  ['anonymous a string', { title: 'x', anonymous: 'true', questions: QUESTIONS }],
  ['closesAt words', { title: 'x', closesAt: 'minggu depan', questions: QUESTIONS }],
  ['closesAt a number', { title: 'x', closesAt: 1_767_225_600_000, questions: QUESTIONS }],
  ['audience unknown kind', { title: 'x', audience: { kind: 'vip' }, questions: QUESTIONS }],
  ['audience event without id', { title: 'x', audience: { kind: 'event' }, questions: QUESTIONS }],
];

describe('garbage into the survey routes', () => {
  it('answers every bad create and edit body with a 4xx in the contract shape', async () => {
    for (const [label, body] of GARBAGE_BODIES) {
      expect4xx(await api.request('POST', `/api/communities/${community.slug}/surveys`, { token: owner.token, body }), `create: ${label}`);
      expect4xx(await api.request('PATCH', `/api/surveys/${draft.id}`, { token: owner.token, body }), `edit: ${label}`);
    }
    expectError(await api.request('PATCH', `/api/surveys/${draft.id}`, { token: owner.token, body: { version: -1, title: 'x' } }), 422, 'validation_failed');
    expectError(await api.request('PATCH', `/api/surveys/${draft.id}`, { token: owner.token, body: { version: 0 } }), 422, 'validation_failed');
  });

  it('answers bad answers with 4xx: huge arrays, bad option indexes, strings where numbers go', async () => {
    const [single, rating, text] = open.questions.map((q) => q.id);
    const cases: [string, unknown][] = [
      ['no body', undefined],
      ['answers missing', {}],
      ['answers an object', { answers: { [single ?? '']: 0 } }],
      ['answers of strings', { answers: ['0', '1'] }],
      ['answers huge', { answers: Array.from({ length: 10_000 }, () => ({ questionId: single, value: 0 })) }],
      ['unknown field', { answers: [], extra: 1 }],
      ['option index too big', { answers: [{ questionId: single, value: 2 }] }],
      ['option index negative', { answers: [{ questionId: single, value: -1 }] }],
      ['option index fractional', { answers: [{ questionId: single, value: 0.5 }] }],
      ['option index a string', { answers: [{ questionId: single, value: '0' }] }],
      ['option index a list', { answers: [{ questionId: single, value: [0] }] }],
      ['rating a string', { answers: [{ questionId: single, value: 0 }, { questionId: rating, value: 'lima' }] }],
      ['rating huge', { answers: [{ questionId: single, value: 0 }, { questionId: rating, value: 1e308 }] }],
      ['rating an object', { answers: [{ questionId: single, value: 0 }, { questionId: rating, value: { $gt: 0 } }] }],
      ['text a number', { answers: [{ questionId: single, value: 0 }, { questionId: text, value: 42 }] }],
      ['text too long', { answers: [{ questionId: single, value: 0 }, { questionId: text, value: 'x'.repeat(21) }] }],
      ['text with a lone surrogate', { answers: [{ questionId: single, value: 0 }, { questionId: text, value: 'a\ud800' }] }],
      ['questionId a number', { answers: [{ questionId: 5, value: 0 }] }],
      ['questionId unknown', { answers: [{ questionId: 'x'.repeat(64), value: 0 }] }],
      ['questionId huge', { answers: [{ questionId: 'x'.repeat(100_000), value: 0 }] }],
    ];
    for (const [label, body] of cases) {
      const res = await api.request('POST', `/api/surveys/${open.id}/responses`, { token: owner.token, body });
      expect4xx(res, `answer: ${label}`);
    }
    expect(await server.rukun.deps.db.surveyResponse.count({ where: { surveyId: open.id } })).toBe(0);
  });

  it('answers unknown and malformed ids, malformed JSON and bad queries with 4xx', async () => {
    for (const id of ['nope', 'x'.repeat(64), '%27%20OR%201%3D1', '..%2F..%2Fetc']) {
      expectError(await api.request('GET', `/api/surveys/${id}`, { token: owner.token }), 404, 'not_found');
      expectError(await api.request('PATCH', `/api/surveys/${id}`, { token: owner.token, body: { title: 'x' } }), 404, 'not_found');
      expectError(await api.request('POST', `/api/surveys/${id}/open`, { token: owner.token }), 404, 'not_found');
      expectError(await api.request('POST', `/api/surveys/${id}/close`, { token: owner.token }), 404, 'not_found');
      expectError(await api.request('POST', `/api/surveys/${id}/responses`, { token: owner.token, body: { answers: [] } }), 404, 'not_found');
    }
    expect4xx(await api.request('GET', `/api/surveys/${'x'.repeat(65)}`, { token: owner.token }), 'id too long');
    expect4xx(await api.request('POST', `/api/surveys/${open.id}/responses`, { token: owner.token, raw: '{"answers": [' }), 'malformed JSON');
    expect4xx(await api.request('POST', `/api/communities/${community.slug}/surveys`, { token: owner.token, raw: 'title=x', headers: { 'content-type': 'application/json' } }), 'form body as JSON');
    for (const query of ['?state=archived', '?limit=0', '?limit=1000', '?limit=abc', '?cursor=%%%', '?cursor=bm9wZQ']) {
      expect4xx(await api.request('GET', `/api/communities/${community.slug}/surveys${query}`, { token: owner.token }), `list ${query}`);
    }
    expectError(await api.request('GET', '/api/communities/no-such-community/surveys', { token: owner.token }), 404, 'not_found');
  });

  it('still works afterwards', async () => {
    const res = await api.request('POST', `/api/surveys/${open.id}/responses`, { token: owner.token, body: { answers: [{ questionId: open.questions[0]?.id, value: 1 }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await api.request('GET', '/healthz')).status).toBe(200);
  });
});
