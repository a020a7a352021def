// Every RSVP route fed garbage: wrong types, unknown answers and ids, odd Unicode, oversized and malformed bodies.
// Each answer is a 4xx in the contract's error shape, and the server keeps serving afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertEvent } from '../../helpers/eventRows';
import { createCommunity, createUser, join, setRole, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError, expectErrorShape } from '../support';

const hour = 3_600_000;
const clock = new Date('2026-12-10T03:00:00.000Z');
let server: TestServer;
let api: ApiClient;
let moderator: TestUser;
let member: TestUser;
let eventId: string;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  api = apiClient(server.baseUrl);
  const owner = await createUser(api);
  const community = await createCommunity(api, owner);
  moderator = await createUser(api);
  member = await createUser(api);
  for (const user of [moderator, member]) await join(api, user, community.slug);
  await setRole(api, owner, community.slug, moderator.id, 'moderator');
  eventId = (await insertEvent(server.rukun.deps.db, { communitySlug: community.slug, createdById: owner.id, startsAt: new Date(clock.getTime() + 2 * hour), capacity: 3 })).id;
});
afterAll(async () => {
  await server.close();
});

const badRsvpBodies: unknown[] = [
  {},
  { status: 'maybe' },
  { status: 'GOING' },
  { status: 'waitlisted' },
  { status: 1 },
  { status: null },
  { status: ['going'] },
  { status: 'going\u0000' },
  [],
  'going',
  42,
];

const badCheckInBodies: unknown[] = [
  {},
  { userId: 7 },
  { code: 12345678 },
  { userId: '' },
  { code: 'ABC' },
  { code: 'A'.repeat(200) },
  { code: 'ÄÖÜÄÖÜÄÖ' },
  { code: '\ud800\ud800\ud800\ud800' },
  { userId: 'x'.repeat(65) },
  { userId: 'a', code: 'ABCDEFGH' },
  null,
];

describe('RSVP routes with bad input', () => {
  it('PUT /events/:id/rsvp refuses bodies that are not a known answer with 422 validation_failed', async () => {
    for (const body of badRsvpBodies) {
      const res = await api.request('PUT', `/api/events/${eventId}/rsvp`, { token: member.token, body });
      expect(res.status, `${JSON.stringify(body)} -> ${res.status} ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorShape(res);
    }
    expectError(await api.request('PUT', `/api/events/${eventId}/rsvp`, { token: member.token, raw: '{"status": "going"' }), 400, 'malformed_json');
    const form = await api.request('PUT', `/api/events/${eventId}/rsvp`, { token: member.token, raw: 'status=going', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([415, 422]).toContain(form.status);
    expectErrorShape(form);
  });

  it('answers 404 for unknown, over-long and odd event ids on every route', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', 'nope', encodeURIComponent('é🙂')]) {
      expectError(await api.request('PUT', `/api/events/${id}/rsvp`, { token: member.token, body: { status: 'going' } }), 404, 'not_found');
      expectError(await api.request('GET', `/api/events/${id}/attendees`, { token: moderator.token }), 404, 'not_found');
      expectError(await api.request('POST', `/api/events/${id}/checkins`, { token: moderator.token, body: { userId: member.id } }), 404, 'not_found');
      expectError(await api.request('DELETE', `/api/events/${id}/checkins/${member.id}`, { token: moderator.token }), 404, 'not_found');
    }
    const long = 'x'.repeat(65);
    const res = await api.request('PUT', `/api/events/${long}/rsvp`, { token: member.token, body: { status: 'going' } });
    expect(res.status).toBe(422);
    expectErrorShape(res);
  });

  it('POST /events/:id/checkins refuses bodies without exactly one well-formed userId or code', async () => {
    for (const body of badCheckInBodies) {
      const res = await api.request('POST', `/api/events/${eventId}/checkins`, { token: moderator.token, body });
      expect(res.status, `${JSON.stringify(body)} -> ${res.status} ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorShape(res);
    }
    // A well-formed id of nobody who answered: the member is not going.
    expectError(await api.request('POST', `/api/events/${eventId}/checkins`, { token: moderator.token, body: { userId: 'no-such-user' } }), 409, 'rsvp_not_going');
    expectError(await api.request('DELETE', `/api/events/${eventId}/checkins/no-such-user`, { token: moderator.token }), 409, 'rsvp_not_going');
  });

  it('GET /events/:id/attendees refuses unknown statuses and over-long or broken searches', async () => {
    for (const query of ['status=maybe', 'status=', `q=${'a'.repeat(101)}`, 'q=%00', 'status=going&status=waitlisted']) {
      const res = await api.request('GET', `/api/events/${eventId}/attendees?${query}`, { token: moderator.token });
      expect(res.status, `${query} -> ${res.status} ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorShape(res);
    }
  });

  it('keeps serving: a valid RSVP still works after the garbage', async () => {
    const res = await api.request<{ rsvp: { status: string } }>('PUT', `/api/events/${eventId}/rsvp`, { token: member.token, body: { status: 'going' } });
    expect(res.status).toBe(200);
    expect(res.body.rsvp.status).toBe('going');
    expect((await api.request('GET', '/api/me/events', { token: member.token })).status).toBe(200);
    expectError(await api.request('GET', '/api/me/events'), 401, 'unauthenticated');
  });
});
