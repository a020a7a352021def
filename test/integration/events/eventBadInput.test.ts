// Garbage into every event route (create, edit, cancel, read, list): wrong types, bad zones and dates, end before
// start, huge numbers, unknown fields, unknown and malformed ids, malformed JSON. Each answer is a 4xx in the
// contract's error shape (422 validation_failed with [{path, message}] for bodies), never a 5xx, and the server
// still works afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Community, CommunityEvent } from '../../../server/contracts/api';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createCommunity, createUser, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { detailPaths, expectError, expectErrorShape } from '../support';

const NOW = new Date('2026-12-05T03:00:00.000Z');
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(NOW.getTime() + h * HOUR).toISOString();

let server: TestServer;
let api: ApiClient;
let owner: TestUser;
let community: Community;
let event: CommunityEvent;

const valid = () => ({ title: 'Kopdar', startsAt: inHours(24), endsAt: inHours(26), timezone: 'Asia/Jakarta' });

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  api = apiClient(server.baseUrl);
  owner = await createUser(api);
  community = await createCommunity(api, owner);
  const res = await api.request<{ event: CommunityEvent }>('POST', `/api/communities/${community.slug}/events`, { token: owner.token, body: valid() });
  expect(res.status).toBe(201);
  event = res.body.event;
});
afterAll(async () => {
  await server?.close();
});

const createWith = (body: unknown) => api.request('POST', `/api/communities/${community.slug}/events`, { token: owner.token, body });
const editWith = (body: unknown) => api.request('PATCH', `/api/events/${event.id}`, { token: owner.token, body });

/** Bodies that must be refused with 422 validation_failed, and the field the first detail names. */
const BAD_FIELDS: [string, Record<string, unknown>, string][] = [
  ['title missing', { title: undefined }, 'body.title'],
  ['title a number', { title: 42 }, 'body.title'],
  ['title blank', { title: '   ' }, 'body.title'],
  ['title too long', { title: 'x'.repeat(201) }, 'body.title'],
  ['title with NUL', { title: 'a\u0000b' }, 'body.title'],
  ['title an object', { title: { $gt: '' } }, 'body.title'],
  ['description too long', { description: 'y'.repeat(5001) }, 'body.description'],
  ['location too long', { location: 'z'.repeat(301) }, 'body.location'],
  ['location a list', { location: ['Jakarta'] }, 'body.location'],
  ['onlineUrl javascript:', { onlineUrl: 'javascript:alert(1)' }, 'body.onlineUrl'],
  ['onlineUrl not a URL', { onlineUrl: 'meet dot example' }, 'body.onlineUrl'],
  ['onlineUrl too long', { onlineUrl: `https://example.com/${'a'.repeat(2000)}` }, 'body.onlineUrl'],
  ['startsAt missing', { startsAt: undefined }, 'body.startsAt'],
  ['startsAt a number', { startsAt: 1_767_225_600_000 }, 'body.startsAt'],
  ['startsAt no zone', { startsAt: '2026-12-06T03:00:00' }, 'body.startsAt'],
  ['startsAt Feb 30', { startsAt: '2027-02-30T10:00:00Z', endsAt: '2027-02-30T12:00:00Z' }, 'body.startsAt'],
  ['startsAt words', { startsAt: 'besok pagi' }, 'body.startsAt'],
  ['startsAt year 99999', { startsAt: '+099999-01-01T00:00:00Z' }, 'body.startsAt'],
  ['startsAt in the past', { startsAt: inHours(-3), endsAt: inHours(-1) }, 'body.startsAt'],
  ['startsAt three years ahead', { startsAt: inHours(3 * 366 * 24), endsAt: inHours(3 * 366 * 24 + 2) }, 'body.startsAt'],
  ['endsAt before startsAt', { endsAt: inHours(23) }, 'body.endsAt'],
  ['endsAt equal to startsAt', { endsAt: inHours(24) }, 'body.endsAt'],
  ['longer than 14 days', { endsAt: inHours(24 + 14 * 24 + 1) }, 'body.endsAt'],
  ['timezone WIB', { timezone: 'WIB' }, 'body.timezone'],
  ['timezone an offset', { timezone: '+07:00' }, 'body.timezone'],
  ['timezone unknown', { timezone: 'Asia/Atlantis' }, 'body.timezone'],
  ['timezone a number', { timezone: 7 }, 'body.timezone'],
  ['timezone huge', { timezone: 'A'.repeat(10_000) }, 'body.timezone'],
  ['capacity zero', { capacity: 0 }, 'body.capacity'],
  ['capacity negative', { capacity: -5 }, 'body.capacity'],
  ['capacity fractional', { capacity: 2.5 }, 'body.capacity'],
  ['capacity huge', { capacity: 1e308 }, 'body.capacity'],
  ['capacity just over', { capacity: 100_001 }, 'body.capacity'],
  ['capacity a string', { capacity: '100' }, 'body.capacity'],
  ['capacity a boolean', { capacity: true }, 'body.capacity'],
  ['reminders not a list', { reminders: 60 }, 'body.reminders'],
  ['reminders of strings', { reminders: ['60'] }, 'body.reminders.0'],
  ['reminders too many', { reminders: [1, 2, 3, 4, 5, 6] }, 'body.reminders'],
  ['reminder too early', { reminders: [40_321] }, 'body.reminders'],
  ['reminder zero', { reminders: [0] }, 'body.reminders'],
  ['reminders repeated', { reminders: [60, 60] }, 'body.reminders'],
  ['reminder huge', { reminders: [1e300] }, 'body.reminders'],
  ['an unknown field', { capacty: 10 }, 'body'],
  ['a status smuggled in', { status: 'cancelled' }, 'body'],
  ['counters smuggled in', { goingCount: 1000 }, 'body'],
];

describe('creating with bad fields', () => {
  it.each(BAD_FIELDS)('%s -> 422 at its field', async (_name, change, path) => {
    const res = await createWith({ ...valid(), ...change });
    const body = expectError(res, 422, 'validation_failed');
    expect(detailPaths(body), JSON.stringify(body)).toContain(path);
  });

  it('refuses bodies that are not objects, and malformed JSON', async () => {
    // The JSON parser refuses top-level scalars itself (400); a list reaches the schema (422).
    for (const body of [null, [], 'kopdar', 42, true]) {
      const res = await createWith(body);
      expect([400, 422], JSON.stringify(body)).toContain(res.status);
      expectErrorShape(res);
    }
    expectError(await createWith([]), 422, 'validation_failed');
    expectError(await api.request('POST', `/api/communities/${community.slug}/events`, { token: owner.token, raw: '{"title": "Kopdar",' }), 400, 'malformed_json');
    const wrongType = await api.request('POST', `/api/communities/${community.slug}/events`, { token: owner.token, raw: 'title=Kopdar', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(wrongType.status).toBeLessThan(500);
    expectErrorShape(wrongType);
  });

  it('gives messages in Indonesian to an Indonesian reader, naming the field', async () => {
    const res = await api.request('POST', `/api/communities/${community.slug}/events`, { token: owner.token, body: { ...valid(), timezone: 'WIB' }, headers: { 'accept-language': 'id' } });
    const body = expectError(res, 422, 'validation_failed');
    expect(body.error.details).toEqual([{ path: 'body.timezone', message: expect.stringMatching(/^Zona waktu harus/), reason: 'timezone_invalid' }]);
  });

  it('answers 404 for an unknown community and 401 without a session', async () => {
    expectError(await api.request('POST', '/api/communities/no-such-place/events', { token: owner.token, body: valid() }), 404, 'not_found');
    expectError(await api.request('POST', `/api/communities/${community.slug}/events`, { body: valid() }), 401, 'unauthenticated');
  });
});

describe('editing with bad fields', () => {
  const EDIT_ONLY: [string, unknown, string][] = [
    ['an empty edit', {}, 'body'],
    ['only a sequence', { sequence: 0 }, 'body'],
    ['a negative sequence', { title: 'x', sequence: -1 }, 'body.sequence'],
    ['a fractional sequence', { title: 'x', sequence: 0.5 }, 'body.sequence'],
    ['a string sequence', { title: 'x', sequence: '0' }, 'body.sequence'],
    ['a huge sequence', { title: 'x', sequence: 1e20 }, 'body.sequence'],
    ['title null', { title: null }, 'body.title'],
    ['timezone null', { timezone: null }, 'body.timezone'],
    ['end before the stored start', { endsAt: inHours(23) }, 'body.endsAt'],
    ['start after the stored end', { startsAt: inHours(27) }, 'body.endsAt'],
    ['start moved into the past', { startsAt: inHours(-5), endsAt: inHours(-4) }, 'body.startsAt'],
  ];

  it.each([...BAD_FIELDS.filter(([name]) => !name.endsWith('missing')), ...EDIT_ONLY])('%s -> 422', async (_name, change, path) => {
    const res = await editWith(change);
    const body = expectError(res, 422, 'validation_failed');
    expect(detailPaths(body), JSON.stringify(body)).toContain(path);
  });

  it('left the event as it was', async () => {
    const res = await api.request<{ event: CommunityEvent }>('GET', `/api/events/${event.id}`, { token: owner.token });
    expect(res.body.event).toMatchObject({ title: 'Kopdar', sequence: 0, capacity: null, status: 'scheduled', startsAt: event.startsAt, endsAt: event.endsAt });
  });
});

describe('unknown and malformed ids', () => {
  const IDS = ['00000000-0000-7000-8000-000000000000', 'not-a-uuid', '1', "' OR 1=1 --", '%00', '..%2F..%2Fetc', encodeURIComponent('<script>')];
  it.each(IDS)('%s -> 404 on every /events/:id route', async (id) => {
    expectError(await api.request('GET', `/api/events/${id}`, { token: owner.token }), 404, 'not_found');
    expectError(await api.request('PATCH', `/api/events/${id}`, { token: owner.token, body: { title: 'x' } }), 404, 'not_found');
    expectError(await api.request('POST', `/api/events/${id}/cancel`, { token: owner.token }), 404, 'not_found');
  });

  it('an over-long id or slug is a 4xx in the contract shape', async () => {
    const long = 'e'.repeat(500);
    for (const [method, path] of [['GET', `/api/events/${long}`], ['POST', `/api/events/${long}/cancel`], ['GET', `/api/communities/${long}/events`]] as const) {
      const res = await api.request(method, path, { token: owner.token });
      expect(res.status, `${method} ${path.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorShape(res);
    }
  });
});

describe('listing with bad queries', () => {
  const QUERIES = [
    'from=yesterday',
    'to=2026-13-01T00:00:00Z',
    `from=${inHours(10)}&to=${inHours(5)}`,
    'limit=0',
    'limit=101',
    'limit=-1',
    'limit=1e9',
    'limit=abc',
    'cursor=%7B%7D',
    'cursor=bm90LWpzb24',
    `cursor=${Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url')}`,
    `cursor=${'c'.repeat(600)}`,
    `from=${encodeURIComponent(inHours(1))}&from=${encodeURIComponent(inHours(2))}`,
    'limit=1&limit=2',
  ];
  it.each(QUERIES)('%s -> 400', async (query) => {
    expectError(await api.request('GET', `/api/communities/${community.slug}/events?${query}`, { token: owner.token }), 400, 'bad_request');
  });
});

describe('afterwards', () => {
  it('the server is alive and still creates, edits and cancels events', async () => {
    expect((await api.request('GET', '/healthz')).status).toBe(200);
    const created = await createWith({ ...valid(), title: 'Masih hidup', capacity: 100_000, reminders: [40_320] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = (created.body as { event: CommunityEvent }).event.id;
    expect((await api.request('PATCH', `/api/events/${id}`, { token: owner.token, body: { capacity: 1, sequence: 0 } })).status).toBe(200);
    expect((await api.request('POST', `/api/events/${id}/cancel`, { token: owner.token })).status).toBe(200);
  });
});
