// Garbage into the results routes: unknown and malformed ids, questions of another survey or of the wrong kind,
// tampered cursors, limits out of range, a bad identify flag. Each answer is a 4xx in the contract's error shape,
// never a 5xx, and the server still answers afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertResponses } from '../../helpers/surveyResponses';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError, expectErrorShape } from '../support';
import { communityWith, surveyOf, type Setting } from './support';

let server: TestServer;
let api: ApiClient;
let setting: Setting;
let survey: Awaited<ReturnType<typeof surveyOf>>;
let other: Awaited<ReturnType<typeof surveyOf>>;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
  setting = await communityWith(server, api, 2);
  survey = await surveyOf(server, setting);
  other = await surveyOf(server, setting);
  const text = survey.q[4] ?? '';
  await insertResponses(server.rukun.deps.db, survey, Array.from({ length: 30 }, (_, i) => ({ answers: { [text]: `teks ${i}` } })));
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string) => api.request('GET', path, { token: setting.owner.token });
const texts = (query: string, questionId = survey.q[4] ?? '') => get(`/api/surveys/${survey.id}/results/questions/${questionId}/texts${query}`);

describe('garbage into the results routes', () => {
  it('answers unknown and malformed survey ids with 404 or 422', async () => {
    for (const id of ['no-such-survey', '00000000-0000-0000-0000-000000000000', "x' OR 1=1 --", '%E2%80%AE', '..%2F..%2Fetc']) {
      expectError(await get(`/api/surveys/${id}/results`), 404, 'not_found');
      expectError(await get(`/api/surveys/${id}/results.csv`), 404, 'not_found');
      expectError(await get(`/api/surveys/${id}/results/questions/${survey.q[4]}/texts`), 404, 'not_found');
    }
    const long = 'a'.repeat(65);
    expectError(await get(`/api/surveys/${long}/results`), 422, 'validation_failed');
    expectError(await get(`/api/surveys/${long}/results.csv`), 422, 'validation_failed');
    expectError(await texts('', long), 422, 'validation_failed');
  });

  it('answers questions that are unknown, of another survey or not text with 404 or 422', async () => {
    expectError(await texts('', 'no-such-question'), 404, 'not_found');
    expectError(await texts('', other.q[4]), 404, 'not_found');
    const notText = expectError(await texts('', survey.q[0]), 422, 'validation_failed');
    expect(notText.error.details).toEqual([expect.objectContaining({ path: 'params.questionId', reason: 'not_text' })]);
  });

  it('answers tampered cursors and out-of-range limits with 400 bad_request', async () => {
    const first = await texts('?limit=5');
    expect(first.status).toBe(200);
    const good = (first.body as { nextCursor: string }).nextCursor;
    const forged = [
      'bm9wZQ',
      '!!!',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["not a date","x"]').toString('base64url'),
      Buffer.from('{"at":1}').toString('base64url'),
      'x'.repeat(501),
    ];
    for (const cursor of forged) expectError(await texts(`?cursor=${encodeURIComponent(cursor)}`), 400, 'bad_request');
    for (const limit of ['0', '101', '-1', '2.5', 'abc', '1e9', '']) expectError(await texts(`?limit=${limit}&cursor=${good}`), 400, 'bad_request');
    expectError(await texts('?limit=5&limit=6'), 400, 'bad_request');
    // A cursor of another shape still within the format is only a position: an empty or shorter page, never a 5xx.
    const elsewhere = Buffer.from(JSON.stringify(['1970-01-01T00:00:00.000Z', 'zzz'])).toString('base64url');
    const empty = await texts(`?cursor=${elsewhere}`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [], nextCursor: null, hidden: false });
  });

  it('answers a bad identify flag with 400 and stays up', async () => {
    for (const flag of ['maybe', 'TRUE', 'yes', '']) expectError(await get(`/api/surveys/${survey.id}/results.csv?identify=${flag}`), 400, 'bad_request');
    const unauthenticated = await api.request('GET', `/api/surveys/${survey.id}/results`, { token: 'not-a-token' });
    expect(unauthenticated.status).toBe(401);
    expectErrorShape(unauthenticated);
    const alive = await api.request('GET', '/healthz');
    expect(alive.status).toBe(200);
    const results = await get(`/api/surveys/${survey.id}/results`);
    expect(results.status).toBe(200);
  });
});
