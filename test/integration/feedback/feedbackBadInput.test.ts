// Garbage into every feedback route (send, inbox, read, PATCH, my feedback): wrong types, empty and huge bodies,
// unknown kinds and statuses, unknown fields, malformed JSON, bad queries and cursors, unknown and malformed ids.
// Each answer is a 4xx in the contract's error shape (422 validation_failed with [{path, message}] for bodies),
// never a 5xx, nothing is written, and the server still works afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Community } from '../../../server/contracts/api';
import type { Feedback } from '../../../server/contracts/surveys';
import { apiClient, type ApiClient } from '../../helpers/api';
import type { TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { detailPaths, expectError, expectErrorShape } from '../support';
import { cast, feedbackCalls } from './feedbackSupport';

let server: TestServer;
let api: ApiClient;
let calls: ReturnType<typeof feedbackCalls>;
let moderator: TestUser;
let member: TestUser;
let community: Community;
let feedback: Feedback;

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date('2026-12-05T03:00:00.000Z') });
  api = apiClient(server.baseUrl);
  calls = feedbackCalls(api);
  ({ moderator, member, community } = await cast(api));
  feedback = await calls.sent(member, community.slug, { kind: 'question', body: 'Pertanyaan yang sah' });
});
afterAll(async () => {
  await server?.close();
});

const valid = { kind: 'question', body: 'Kapan kopdar?' };

const BAD_SENDS: [string, unknown, string][] = [
  ['kind missing', { body: 'x' }, 'body.kind'],
  ['kind unknown', { ...valid, kind: 'complaint' }, 'body.kind'],
  ['kind a number', { ...valid, kind: 1 }, 'body.kind'],
  ['kind a list', { ...valid, kind: ['question'] }, 'body.kind'],
  ['body missing', { kind: 'question' }, 'body.body'],
  ['body empty', { ...valid, body: '' }, 'body.body'],
  ['body blank', { ...valid, body: '   \n\t ' }, 'body.body'],
  ['body too long', { ...valid, body: 'a'.repeat(5001) }, 'body.body'],
  ['body a number', { ...valid, body: 42 }, 'body.body'],
  ['body null', { ...valid, body: null }, 'body.body'],
  ['body an object', { ...valid, body: { $gt: '' } }, 'body.body'],
  ['body with NUL', { ...valid, body: 'a\u0000b' }, 'body.body'],
  ['body a lone surrogate', { ...valid, body: 'a\ud800b' }, 'body.body'],
  ['a status smuggled in', { ...valid, status: 'resolved' }, 'body'],
  ['a screening smuggled in', { ...valid, screening: 'clear' }, 'body'],
  ['an author smuggled in', { ...valid, authorId: 'someone-else' }, 'body'],
];

describe('sending', () => {
  it.each(BAD_SENDS)('%s -> 422 at its field', async (_name, body, path) => {
    const res = await calls.send(member, community.slug, body);
    const error = expectError(res, 422, 'validation_failed');
    expect(detailPaths(error), JSON.stringify(error)).toContain(path);
  });

  it('takes exactly 5000 characters', async () => {
    expect((await calls.send(member, community.slug, { ...valid, body: 'b'.repeat(5000) })).status).toBe(201);
  });

  it('refuses bodies that are not objects, malformed JSON and other media types', async () => {
    for (const body of [null, [], 'masukan', 42, true]) {
      const res = await calls.send(member, community.slug, body);
      expect([400, 422], JSON.stringify(body)).toContain(res.status);
      expectErrorShape(res);
    }
    const path = `/api/communities/${community.slug}/feedback`;
    expectError(await api.request('POST', path, { token: member.token, raw: '{"kind": "question",' }), 400, 'malformed_json');
    const form = await api.request('POST', path, { token: member.token, raw: 'kind=question&body=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    expectErrorShape(form);
  });

  it('answers 401 without a session and 404 for an unknown or over-long community', async () => {
    expectError(await api.request('POST', `/api/communities/${community.slug}/feedback`, { body: valid }), 401, 'unauthenticated');
    expectError(await calls.send(member, 'tidak-ada', valid), 404, 'not_found');
    const long = await calls.send(member, 'k'.repeat(500), valid);
    expect(long.status).toBeGreaterThanOrEqual(400);
    expect(long.status).toBeLessThan(500);
    expectErrorShape(long);
  });
});

describe('the inbox and my feedback with bad queries', () => {
  const QUERIES = [
    'status=done',
    'status=',
    'kind=complaint',
    'screening=maybe',
    'assignee=',
    `assignee=${'a'.repeat(100)}`,
    'waitingHours=-1',
    'waitingHours=1.5',
    'waitingHours=abc',
    'waitingHours=1e9',
    'limit=0',
    'limit=101',
    'limit=abc',
    'cursor=%7B%7D',
    'cursor=bm90LWpzb24',
    `cursor=${Buffer.from(JSON.stringify([0, 'not a date', 'x'])).toString('base64url')}`,
    `cursor=${'c'.repeat(600)}`,
    'status=new&status=resolved',
  ];
  it.each(QUERIES)('inbox ?%s -> 400', async (query) => {
    expectError(await calls.inbox(moderator, community.slug, `?${query}`), 400, 'bad_request');
  });
  it.each(['limit=0', 'limit=abc', 'cursor=bm90LWpzb24', `cursor=${Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url')}`])('me/feedback ?%s -> 400', async (query) => {
    expectError(await calls.mine(member, `?${query}`), 400, 'bad_request');
  });
});

describe('PATCH with bad bodies', () => {
  const BAD_PATCHES: [string, unknown, string][] = [
    ['an empty patch', {}, 'body'],
    ['only a version', { version: 0 }, 'body'],
    ['status unknown', { status: 'closed' }, 'body.status'],
    ['status null', { status: null }, 'body.status'],
    ['reply empty', { reply: '' }, 'body.reply'],
    ['reply blank', { reply: '   ' }, 'body.reply'],
    ['reply too long', { reply: 'r'.repeat(5001) }, 'body.reply'],
    ['reply a number', { reply: 7 }, 'body.reply'],
    ['assignee someone else', { assignee: 'someone-else' }, 'body.assignee'],
    ['assignee a number', { assignee: 1 }, 'body.assignee'],
    ['screening held', { screening: 'held' }, 'body.screening'],
    ['version negative', { status: 'new', version: -1 }, 'body.version'],
    ['version fractional', { status: 'new', version: 0.5 }, 'body.version'],
    ['version a string', { status: 'new', version: '0' }, 'body.version'],
    ['version huge', { status: 'new', version: 1e20 }, 'body.version'],
    ['an unknown field', { stauts: 'resolved' }, 'body'],
    ['counters smuggled in', { status: 'new', replyCount: 99 }, 'body'],
  ];
  it.each(BAD_PATCHES)('%s -> 422', async (_name, body, path) => {
    const error = expectError(await calls.patch(moderator, feedback.id, body), 422, 'validation_failed');
    expect(detailPaths(error), JSON.stringify(error)).toContain(path);
  });

  it('says what is missing in the reader\'s language', async () => {
    const inId = expectError(await api.request('PATCH', `/api/feedback/${feedback.id}`, { token: moderator.token, body: { version: 0 }, headers: { 'accept-language': 'id' } }), 422, 'validation_failed');
    expect(inId.error.details).toEqual([{ path: 'body', message: expect.stringMatching(/^Tidak ada yang diubah/), reason: 'nothing_to_change' }]);
    const inEn = expectError(await api.request('PATCH', `/api/feedback/${feedback.id}`, { token: moderator.token, body: {}, headers: { 'accept-language': 'en' } }), 422, 'validation_failed');
    expect(inEn.error.details).toEqual([{ path: 'body', message: expect.stringMatching(/^Nothing to change/), reason: 'nothing_to_change' }]);
  });

  it('malformed JSON is 400', async () => {
    expectError(await api.request('PATCH', `/api/feedback/${feedback.id}`, { token: moderator.token, raw: '{"status":' }), 400, 'malformed_json');
  });

  it('left the feedback as it was', async () => {
    const res = await calls.read(moderator, feedback.id);
    expect(res.body.feedback).toMatchObject({ status: 'new', version: 0, replyCount: 0, replies: [], assignee: null });
  });
});

describe('unknown and malformed ids', () => {
  const IDS = ['00000000-0000-7000-8000-000000000000', 'not-a-uuid', '1', "' OR 1=1 --", '%00', '..%2F..%2Fetc', encodeURIComponent('<script>')];
  it.each(IDS)('%s -> 404 on GET and PATCH /feedback/:id', async (id) => {
    expectError(await api.request('GET', `/api/feedback/${id}`, { token: moderator.token }), 404, 'not_found');
    expectError(await api.request('PATCH', `/api/feedback/${id}`, { token: moderator.token, body: { status: 'resolved' } }), 404, 'not_found');
  });

  it('an over-long id is a 4xx in the contract shape', async () => {
    for (const method of ['GET', 'PATCH']) {
      const res = await api.request(method, `/api/feedback/${'f'.repeat(500)}`, { token: moderator.token, ...(method === 'PATCH' ? { body: { status: 'resolved' } } : {}) });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorShape(res);
    }
  });
});

describe('afterwards', () => {
  it('the server is alive and the feedback routes still work', async () => {
    expect((await api.request('GET', '/healthz')).status).toBe(200);
    const sent = await calls.sent(member, community.slug, { kind: 'problem', body: 'Masih hidup?' });
    expect((await calls.patch(moderator, sent.id, { reply: 'Masih!', status: 'resolved', version: 0 })).status).toBe(200);
    expect((await calls.inbox(moderator, community.slug)).status).toBe(200);
    expect((await calls.mine(member)).status).toBe(200);
  });
});
