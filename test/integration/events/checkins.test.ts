// The attendee list and check-in at the door: by user id or code, idempotent, undoable, only for going members,
// only around the event's time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attendee, CommunityEvent, Rsvp } from '../../../server/contracts/api';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertMembers } from '../../helpers/bulkMembers';
import { insertEvent } from '../../helpers/eventRows';
import { createCommunity, createUser, join, setRole, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';

const hour = 3_600_000;
let clock = new Date('2026-12-10T03:00:00.000Z');
let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

type CheckIn = { attendee: Attendee; event: CommunityEvent };

/** A community with a moderator and members a, b, c, d, and an event starting in two hours with two seats. */
async function setting(options: { startsInMs?: number; capacity?: number } = {}) {
  const owner = await createUser(api);
  const community = await createCommunity(api, owner);
  const moderator = await createUser(api);
  await join(api, moderator, community.slug);
  await setRole(api, owner, community.slug, moderator.id, 'moderator');
  const members: TestUser[] = [];
  for (const name of ['Citra Lestari', 'Andi Wijaya', 'Budi Santoso', 'Dewi Ayu']) {
    const user = await createUser(api);
    await join(api, user, community.slug);
    await server.rukun.deps.db.user.update({ where: { id: user.id }, data: { displayName: name } });
    members.push(user);
  }
  const event = await insertEvent(server.rukun.deps.db, {
    communitySlug: community.slug,
    createdById: owner.id,
    startsAt: new Date(clock.getTime() + (options.startsInMs ?? 2 * hour)),
    capacity: options.capacity ?? 2,
  });
  return { owner, moderator, members: members as [TestUser, TestUser, TestUser, TestUser], event };
}

async function answer(user: TestUser, eventId: string, status: string): Promise<Rsvp> {
  const res = await api.request<{ rsvp: Rsvp }>('PUT', `/api/events/${eventId}/rsvp`, { token: user.token, body: { status } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.rsvp;
}

function checkIn(by: TestUser, eventId: string, body: unknown) {
  return api.request<CheckIn>('POST', `/api/events/${eventId}/checkins`, { token: by.token, body });
}

describe('GET /events/:id/attendees', () => {
  it('lists going by name, then the waitlist by position, then interested; filters by status and searches names and handles', async () => {
    const { moderator, members, event } = await setting();
    const [citra, andi, budi, dewi] = members;
    await answer(citra, event.id, 'going');
    await answer(andi, event.id, 'going');
    await answer(dewi, event.id, 'going');
    await answer(budi, event.id, 'interested');
    const res = await api.request<{ items: Attendee[] }>('GET', `/api/events/${event.id}/attendees`, { token: moderator.token });
    expect(res.status).toBe(200);
    expect(res.body.items.map((a) => [a.user.displayName, a.status, a.position])).toEqual([
      ['Andi Wijaya', 'going', null],
      ['Citra Lestari', 'going', null],
      ['Dewi Ayu', 'waitlisted', 1],
      ['Budi Santoso', 'interested', null],
    ]);
    expect(res.body.items[0]).not.toHaveProperty('code');
    const waiting = await api.request<{ items: Attendee[] }>('GET', `/api/events/${event.id}/attendees?status=waitlisted`, { token: moderator.token });
    expect(waiting.body.items.map((a) => a.user.id)).toEqual([dewi.id]);
    const found = await api.request<{ items: Attendee[] }>('GET', `/api/events/${event.id}/attendees?q=${encodeURIComponent('  SANTOSO ')}`, { token: moderator.token });
    expect(found.body.items.map((a) => a.user.id)).toEqual([budi.id]);
    const byHandle = await api.request<{ items: Attendee[] }>('GET', `/api/events/${event.id}/attendees?q=${andi.handle.slice(0, 8)}`, { token: moderator.token });
    expect(byHandle.body.items.map((a) => a.user.id)).toContain(andi.id);
  });

  it('pages the list with limit and cursor in the same door order, searching across pages', async () => {
    const { moderator, members, event } = await setting({ capacity: 3 });
    const more = await insertMembers(server.rukun.deps.db, { communitySlug: (await server.rukun.deps.db.community.findUniqueOrThrow({ where: { id: event.communityId } })).slug, count: 6, now: clock });
    for (const user of [...members, ...more].slice(0, 7)) await answer(user, event.id, 'going');
    for (const user of more.slice(4)) await answer(user, event.id, 'interested');
    type Page = { items: Attendee[]; nextCursor: string | null };
    const all = await api.request<Page>('GET', `/api/events/${event.id}/attendees`, { token: moderator.token });
    expect(all.body.items).toHaveLength(9);
    expect(all.body.nextCursor).toBeNull();
    const walk = async (query: string) => {
      const seen: Attendee[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: { status: number; body: Page } = await api.request<Page>('GET', `/api/events/${event.id}/attendees?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`, { token: moderator.token });
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
        if (!cursor) break;
      }
      return seen;
    };
    expect((await walk('')).map((a) => [a.user.id, a.status, a.position])).toEqual(all.body.items.map((a) => [a.user.id, a.status, a.position]));
    expect(all.body.items.map((a) => a.status)).toEqual(['going', 'going', 'going', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted', 'interested', 'interested']);
    const anggota = all.body.items.filter((a) => a.user.displayName.startsWith('Anggota'));
    expect((await walk('&q=anggota')).map((a) => a.user.id)).toEqual(anggota.map((a) => a.user.id));
    expect((await walk('&status=waitlisted')).map((a) => a.position)).toEqual([1, 2, 3, 4]);
    expectError(await api.request('GET', `/api/events/${event.id}/attendees?cursor=bm9wZQ`, { token: moderator.token }), 400, 'bad_request');
    const over = await api.request('GET', `/api/events/${event.id}/attendees?limit=501`, { token: moderator.token });
    expect(over.status).toBe(400);
  });

  it('is for moderators: a member gets 403 forbidden', async () => {
    const { members, event } = await setting();
    expectError(await api.request('GET', `/api/events/${event.id}/attendees`, { token: members[0].token }), 403, 'forbidden');
  });
});

describe('POST /events/:id/checkins', () => {
  it('checks a going member in by user id once, however often it is asked, and undoes it', async () => {
    const { moderator, members, event } = await setting();
    const [a] = members;
    await answer(a, event.id, 'going');
    const first = await checkIn(moderator, event.id, { userId: a.id });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.attendee).toMatchObject({ user: { id: a.id }, status: 'going', checkedInAt: clock.toISOString() });
    expect(first.body.event.counts.checkedIn).toBe(1);
    const again = await Promise.all([checkIn(moderator, event.id, { userId: a.id }), checkIn(moderator, event.id, { userId: a.id })]);
    for (const res of again) {
      expect(res.status).toBe(200);
      expect(res.body.attendee.checkedInAt).toBe(first.body.attendee.checkedInAt);
    }
    const db = server.rukun.deps.db;
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).checkedInCount).toBe(1);
    const undo = await api.request<CheckIn>('DELETE', `/api/events/${event.id}/checkins/${a.id}`, { token: moderator.token });
    expect(undo.status).toBe(200);
    expect(undo.body.attendee.checkedInAt).toBeNull();
    expect(undo.body.event.counts.checkedIn).toBe(0);
    const undoAgain = await api.request<CheckIn>('DELETE', `/api/events/${event.id}/checkins/${a.id}`, { token: moderator.token });
    expect(undoAgain.status).toBe(200);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).checkedInCount).toBe(0);
  });

  it('checks in by the code as typed (lower case, with a dash), and leaving going takes the check-in back', async () => {
    const { moderator, members, event } = await setting();
    const [a] = members;
    const rsvp = await answer(a, event.id, 'going');
    const typed = `${rsvp.code?.slice(0, 4).toLowerCase()}-${rsvp.code?.slice(4)}`;
    const res = await checkIn(moderator, event.id, { code: typed });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.attendee.user.id).toBe(a.id);
    await answer(a, event.id, 'not_going');
    const db = server.rukun.deps.db;
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ checkedInCount: 0, goingCount: 0 });
    expect(await db.eventRsvp.findFirstOrThrow({ where: { eventId: event.id, userId: a.id } })).toMatchObject({ checkedInAt: null });
  });

  it('refuses members who are not going (409 rsvp_not_going) and unknown codes (404)', async () => {
    const { moderator, members, event } = await setting({ capacity: 1 });
    const [a, b, c, d] = members;
    await answer(a, event.id, 'going');
    await answer(b, event.id, 'going');
    await answer(c, event.id, 'interested');
    expectError(await checkIn(moderator, event.id, { userId: b.id }), 409, 'rsvp_not_going');
    expectError(await checkIn(moderator, event.id, { userId: c.id }), 409, 'rsvp_not_going');
    expectError(await checkIn(moderator, event.id, { userId: d.id }), 409, 'rsvp_not_going');
    expectError(await checkIn(moderator, event.id, { code: 'ZZZZZZZZ' }), 404, 'not_found');
    expectError(await checkIn(a, event.id, { userId: a.id }), 403, 'forbidden');
    expect((await server.rukun.deps.db.event.findUniqueOrThrow({ where: { id: event.id } })).checkedInCount).toBe(0);
  });

  it('admits and lists active members only: a going row of a banned member is neither listed nor let in by code', async () => {
    const { moderator, members, event } = await setting();
    const [a, b] = members;
    const rsvp = await answer(a, event.id, 'going');
    await answer(b, event.id, 'going');
    // A row the ban did not release (rows from before that rule): the membership alone must keep the door shut.
    await server.rukun.deps.db.membership.updateMany({ where: { communityId: event.communityId, userId: a.id }, data: { status: 'banned' } });
    const list = await api.request<{ items: Attendee[] }>('GET', `/api/events/${event.id}/attendees`, { token: moderator.token });
    expect(list.body.items.map((x) => x.user.id)).toEqual([b.id]);
    expectError(await checkIn(moderator, event.id, { code: rsvp.code }), 404, 'not_found');
    expectError(await checkIn(moderator, event.id, { userId: a.id }), 409, 'rsvp_not_going');
    expect((await server.rukun.deps.db.event.findUniqueOrThrow({ where: { id: event.id } })).checkedInCount).toBe(0);
  });

  it('is open from 24 h before the start until 24 h after the end (409 checkin_closed outside), and not for cancelled events', async () => {
    const { moderator, members, event } = await setting({ startsInMs: 25 * hour });
    const [a] = members;
    await answer(a, event.id, 'going');
    const body = expectError(await checkIn(moderator, event.id, { userId: a.id }), 409, 'checkin_closed');
    expect(body.error.message).toMatch(/24/);
    clock = new Date(clock.getTime() + hour);
    expect((await checkIn(moderator, event.id, { userId: a.id })).status).toBe(200);
    // The event lasts two hours: 24 h after its end the door closes.
    clock = new Date(clock.getTime() + 24 * hour + 2 * hour + 24 * hour + 1000);
    expectError(await api.request('DELETE', `/api/events/${event.id}/checkins/${a.id}`, { token: moderator.token }), 409, 'checkin_closed');
    await server.rukun.deps.db.event.update({ where: { id: event.id }, data: { status: 'cancelled' } });
    expectError(await checkIn(moderator, event.id, { userId: a.id }), 409, 'event_cancelled');
  });
});
