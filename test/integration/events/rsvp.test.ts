// RSVPs one at a time: every transition, the waitlist, promotion, sanctions, cancelled and ended events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEvent, Notification, Rsvp } from '../../../server/contracts/api';
import { apiClient, type ApiClient } from '../../helpers/api';
import { promoteWaitlisted } from '../../../server/commands/promoteWaitlisted';
import { rsvpOnLane } from '../../../server/commands/rsvpOnLane';
import { sanctionMember } from '../../../server/commands/sanctionMember';
import { afterCommit } from '../../../server/deps';
import { loadActor } from '../../../server/queries/actor';
import { insertEvent } from '../../helpers/eventRows';
import { createCommunity, createUser, join, type TestUser } from '../../helpers/factories';
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

type RsvpResponse = { rsvp: Rsvp; event: CommunityEvent };

async function community(members: number) {
  const owner = await createUser(api);
  const c = await createCommunity(api, owner);
  const users: TestUser[] = [];
  for (let i = 0; i < members; i++) {
    const user = await createUser(api);
    await join(api, user, c.slug);
    users.push(user);
  }
  return { owner, slug: c.slug, users };
}

async function event(slug: string, owner: TestUser, input: { capacity?: number | null; startsAt?: Date; status?: 'scheduled' | 'cancelled' } = {}) {
  return insertEvent(server.rukun.deps.db, { communitySlug: slug, createdById: owner.id, startsAt: input.startsAt ?? new Date(clock.getTime() + 48 * hour), capacity: input.capacity ?? null, ...(input.status ? { status: input.status } : {}) });
}

function rsvp(user: TestUser, eventId: string, status: string) {
  return api.request<RsvpResponse>('PUT', `/api/events/${eventId}/rsvp`, { token: user.token, body: { status } });
}

async function ok(user: TestUser, eventId: string, status: string): Promise<RsvpResponse> {
  const res = await rsvp(user, eventId, status);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function rows(eventId: string) {
  const db = server.rukun.deps.db;
  const [event, rsvps] = await Promise.all([db.event.findUniqueOrThrow({ where: { id: eventId } }), db.eventRsvp.findMany({ where: { eventId } })]);
  return { event, rsvps, byUser: new Map(rsvps.map((r) => [r.userId, r])) };
}

describe('PUT /events/:id/rsvp', () => {
  it('seats going members up to capacity, then waitlists them in order with a check-in code only while going', async () => {
    const { owner, slug, users } = await community(3);
    const [a, b, c] = users as [TestUser, TestUser, TestUser];
    const ev = await event(slug, owner, { capacity: 1 });
    const first = await ok(a, ev.id, 'going');
    expect(first.rsvp).toMatchObject({ status: 'going', position: null, userId: a.id, eventId: ev.id });
    expect(first.rsvp.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(first.event.counts).toEqual({ going: 1, waitlisted: 0, interested: 0, checkedIn: 0 });
    expect(first.event.myRsvp).toEqual(first.rsvp);
    const second = await ok(b, ev.id, 'going');
    expect(second.rsvp).toMatchObject({ status: 'waitlisted', position: 1, code: null });
    const third = await ok(c, ev.id, 'going');
    expect(third.rsvp).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(third.event.counts).toEqual({ going: 1, waitlisted: 2, interested: 0, checkedIn: 0 });
  });

  it('keeps the place in line when a waitlisted member says going again, and repeats are no-ops', async () => {
    const { owner, slug, users } = await community(2);
    const [a, b] = users as [TestUser, TestUser];
    const ev = await event(slug, owner, { capacity: 1 });
    const seated = await ok(a, ev.id, 'going');
    const waiting = await ok(b, ev.id, 'going');
    clock = new Date(clock.getTime() + 1000);
    const again = await ok(b, ev.id, 'going');
    expect(again.rsvp).toEqual(waiting.rsvp);
    const seatedAgain = await ok(a, ev.id, 'going');
    expect(seatedAgain.rsvp).toEqual(seated.rsvp);
    expect(seatedAgain.event.counts.going).toBe(1);
  });

  it('promotes the first in line when a going member leaves, notifies them once, and closes the gap', async () => {
    const { owner, slug, users } = await community(4);
    const [a, b, c, d] = users as [TestUser, TestUser, TestUser, TestUser];
    const ev = await event(slug, owner, { capacity: 1 });
    await ok(a, ev.id, 'going');
    for (const u of [b, c, d]) await ok(u, ev.id, 'going');
    const left = await ok(a, ev.id, 'interested');
    expect(left.rsvp).toMatchObject({ status: 'interested', position: null, code: null });
    expect(left.event.counts).toEqual({ going: 1, waitlisted: 2, interested: 1, checkedIn: 0 });
    const state = await rows(ev.id);
    expect(state.byUser.get(b.id)).toMatchObject({ status: 'going', position: null });
    expect(state.byUser.get(c.id)).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(state.byUser.get(d.id)).toMatchObject({ status: 'waitlisted', position: 2 });
    const notes = await api.request<{ items: Notification[] }>('GET', '/api/me/notifications', { token: b.token });
    const promoted = notes.body.items.filter((n) => n.kind === 'event_promoted');
    expect(promoted).toHaveLength(1);
    expect(promoted[0]?.data).toMatchObject({ eventId: ev.id, title: ev.title, startsAt: ev.startsAt.toISOString(), timezone: 'Asia/Jakarta' });
    // Leaving the waitlist from the front moves everyone behind up one place.
    const gone = await ok(c, ev.id, 'not_going');
    expect(gone.rsvp).toMatchObject({ status: 'not_going', position: null });
    const after = await rows(ev.id);
    expect(after.byUser.get(d.id)).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(after.event).toMatchObject({ goingCount: 1, waitlistCount: 1, interestedCount: 1 });
  });

  it('counts interested answers and moves between every pair of answers with counters equal to the rows', async () => {
    const { owner, slug, users } = await community(1);
    const [a] = users as [TestUser];
    const ev = await event(slug, owner, { capacity: 5 });
    const answers = ['interested', 'going', 'not_going', 'going', 'interested', 'not_going', 'interested'];
    for (const answer of answers) {
      const res = await ok(a, ev.id, answer);
      expect(res.rsvp.status).toBe(answer);
      const { event: e, rsvps } = await rows(ev.id);
      expect(e.goingCount).toBe(rsvps.filter((r) => r.status === 'going').length);
      expect(e.interestedCount).toBe(rsvps.filter((r) => r.status === 'interested').length);
    }
    const { rsvps } = await rows(ev.id);
    expect(rsvps).toHaveLength(1);
  });

  it('keeps everyone going when capacity is lowered and admits nobody until there is room', async () => {
    const { owner, slug, users } = await community(4);
    const [a, b, c, d] = users as [TestUser, TestUser, TestUser, TestUser];
    const ev = await event(slug, owner, { capacity: 3 });
    for (const u of [a, b, c]) await ok(u, ev.id, 'going');
    await server.rukun.deps.db.event.update({ where: { id: ev.id }, data: { capacity: 1 } });
    expect((await ok(d, ev.id, 'going')).rsvp).toMatchObject({ status: 'waitlisted', position: 1 });
    // 3 going on 1 seat: one leaving still leaves no room.
    const left = await ok(a, ev.id, 'not_going');
    expect(left.event.counts).toMatchObject({ going: 2, waitlisted: 1 });
    await ok(b, ev.id, 'not_going');
    const last = await ok(c, ev.id, 'not_going');
    expect(last.event.counts).toMatchObject({ going: 1, waitlisted: 0 });
    expect((await rows(ev.id)).byUser.get(d.id)).toMatchObject({ status: 'going' });
  });

  it('refuses muted and suspended members, hides the event from banned ones and from non-members', async () => {
    const { owner, slug, users } = await community(3);
    const [muted, suspended, banned] = users as [TestUser, TestUser, TestUser];
    const ev = await event(slug, owner);
    for (const [user, kind] of [[muted, 'mute'], [suspended, 'suspend'], [banned, 'ban']] as const) {
      const res = await api.request('POST', `/api/communities/${slug}/members/${user.id}/sanctions`, { token: owner.token, body: { kind, reason: 'uji' } });
      expect(res.status).toBe(201);
    }
    expectError(await rsvp(muted, ev.id, 'going'), 403, 'muted');
    expectError(await rsvp(suspended, ev.id, 'interested'), 403, 'suspended');
    expectError(await rsvp(banned, ev.id, 'going'), 404, 'not_found');
    expectError(await rsvp(await createUser(api), ev.id, 'going'), 404, 'not_found');
    expect((await rows(ev.id)).rsvps).toHaveLength(0);
  });

  it('lets muted and suspended members leave (not_going), promoting the first in line, but not come back', async () => {
    const { owner, slug, users } = await community(3);
    const [muted, suspended, waiting] = users as [TestUser, TestUser, TestUser];
    const ev = await event(slug, owner, { capacity: 2 });
    await ok(muted, ev.id, 'going');
    await ok(suspended, ev.id, 'going');
    await ok(waiting, ev.id, 'going');
    for (const [user, kind] of [[muted, 'mute'], [suspended, 'suspend']] as const) {
      const res = await api.request('POST', `/api/communities/${slug}/members/${user.id}/sanctions`, { token: owner.token, body: { kind, reason: 'uji' } });
      expect(res.status).toBe(201);
    }
    const left = await ok(muted, ev.id, 'not_going');
    expect(left.rsvp.status).toBe('not_going');
    expect(left.event.counts).toMatchObject({ going: 2, waitlisted: 0 });
    expect((await ok(suspended, ev.id, 'not_going')).rsvp.status).toBe('not_going');
    expectError(await rsvp(muted, ev.id, 'going'), 403, 'muted');
    expectError(await rsvp(suspended, ev.id, 'interested'), 403, 'suspended');
    expect((await rows(ev.id)).byUser.get(waiting.id)).toMatchObject({ status: 'going' });
  });

  it('answers 409 event_cancelled and event_ended', async () => {
    const { owner, slug, users } = await community(1);
    const [a] = users as [TestUser];
    const cancelled = await event(slug, owner, { status: 'cancelled' });
    expectError(await rsvp(a, cancelled.id, 'going'), 409, 'event_cancelled');
    const soon = await event(slug, owner, { startsAt: new Date(clock.getTime() + hour) });
    await ok(a, soon.id, 'going');
    clock = new Date(clock.getTime() + 4 * hour);
    expectError(await rsvp(a, soon.id, 'not_going'), 409, 'event_ended');
    expect((await rows(soon.id)).byUser.get(a.id)?.status).toBe('going');
  });
});

describe('a ban gives the member seats back', () => {
  it('releases going and waitlisted places of upcoming events as not_going: gap closed, first in line promoted and notified, announced', async () => {
    const { owner, slug, users } = await community(4);
    const [banned, b, c, d] = users as [TestUser, TestUser, TestUser, TestUser];
    const full = await event(slug, owner, { capacity: 1 });
    const line = await event(slug, owner, { capacity: 1 });
    const soon = await event(slug, owner, { startsAt: new Date(clock.getTime() + hour) });
    await ok(banned, full.id, 'going');
    await ok(b, full.id, 'going');
    await ok(c, full.id, 'going');
    await ok(d, line.id, 'going');
    await ok(banned, line.id, 'going');
    await ok(b, line.id, 'going');
    await ok(banned, soon.id, 'interested');
    const db = server.rukun.deps.db;
    const communityRow = await db.community.findUniqueOrThrow({ where: { slug } });
    const actor = await loadActor(server.rukun.deps.sql, { communityId: communityRow.id, userId: owner.id, now: clock });
    const outcome = await sanctionMember({ db, now: clock }, { actor, community: { id: communityRow.id, name: communityRow.name }, userId: banned.id, kind: 'ban', reason: 'uji' });
    await afterCommit(server.rukun.deps, outcome);
    const announced = outcome.events.flatMap((e) => (e.type === 'event:updated' ? [e.eventId] : []));
    expect(announced.sort()).toEqual([full.id, line.id].sort());
    expect(outcome.events.filter((e) => e.type === 'notification' && e.userId === b.id)).toHaveLength(1);
    const seats = await rows(full.id);
    expect(seats.byUser.get(banned.id)).toMatchObject({ status: 'not_going', position: null });
    expect(seats.byUser.get(b.id)).toMatchObject({ status: 'going' });
    expect(seats.byUser.get(c.id)).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(seats.event).toMatchObject({ goingCount: 1, waitlistCount: 1 });
    const waiting = await rows(line.id);
    expect(waiting.byUser.get(banned.id)).toMatchObject({ status: 'not_going', position: null });
    expect(waiting.byUser.get(b.id)).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(waiting.event).toMatchObject({ goingCount: 1, waitlistCount: 1 });
    // Interested is no seat: it stays (and the attendee list leaves non-active members out anyway).
    expect((await rows(soon.id)).byUser.get(banned.id)?.status).toBe('interested');
    const notes = await api.request<{ items: Notification[] }>('GET', '/api/me/notifications', { token: b.token });
    expect(notes.body.items.filter((n) => n.kind === 'event_promoted' && (n.data as { eventId?: string }).eventId === full.id)).toHaveLength(1);
  });

  it('releases them through the ban route too, and leaves ended and cancelled events alone', async () => {
    const { owner, slug, users } = await community(2);
    const [banned, next] = users as [TestUser, TestUser];
    const open = await event(slug, owner, { capacity: 1 });
    const closing = await event(slug, owner, { capacity: 1 });
    await ok(banned, open.id, 'going');
    await ok(next, open.id, 'going');
    await ok(banned, closing.id, 'going');
    await server.rukun.deps.db.event.update({ where: { id: closing.id }, data: { status: 'cancelled' } });
    const res = await api.request('POST', `/api/communities/${slug}/members/${banned.id}/sanctions`, { token: owner.token, body: { kind: 'ban', reason: 'uji' } });
    expect(res.status).toBe(201);
    expect((await rows(open.id)).byUser.get(next.id)).toMatchObject({ status: 'going' });
    expect((await rows(open.id)).byUser.get(banned.id)?.status).toBe('not_going');
    expect((await rows(closing.id)).byUser.get(banned.id)?.status).toBe('going');
  });

  it('refuses an RSVP on the lane whose actor was read before the ban (the membership is checked inside the write)', async () => {
    const { owner, slug, users } = await community(1);
    const [late] = users as [TestUser];
    const ev = await event(slug, owner, { capacity: 1 });
    const deps = server.rukun.deps;
    const actor = await loadActor(deps.sql, { communityId: ev.communityId, userId: late.id, now: clock });
    const res = await api.request('POST', `/api/communities/${slug}/members/${late.id}/sanctions`, { token: owner.token, body: { kind: 'ban', reason: 'uji' } });
    expect(res.status).toBe(201);
    await expect(rsvpOnLane({ sql: deps.sql, now: clock }, { actor, event: ev, answer: 'going' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await rows(ev.id)).rsvps).toHaveLength(0);
  });
});

describe('promoteWaitlisted (what an event edit calls when capacity rises)', () => {
  it('admits the head of the line into every new seat in one go, FIFO, with one notification each and positions 1..n', async () => {
    const { owner, slug, users } = await community(6);
    const ev = await event(slug, owner, { capacity: 1 });
    for (const u of users) await ok(u, ev.id, 'going');
    const db = server.rukun.deps.db;
    const before = await rows(ev.id);
    const line = before.rsvps.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((r) => r.userId);
    expect(line).toHaveLength(5);
    const events = await db.$transaction(async (tx) => {
      await tx.event.update({ where: { id: ev.id }, data: { capacity: 4 } });
      return promoteWaitlisted(tx, { eventId: ev.id, communityId: ev.communityId, now: clock });
    });
    expect(events.map((e) => (e.type === 'notification' ? e.userId : '')).sort()).toEqual(line.slice(0, 3).sort());
    const after = await rows(ev.id);
    expect(after.event).toMatchObject({ goingCount: 4, waitlistCount: 2 });
    expect(line.slice(0, 3).map((id) => after.byUser.get(id)?.status)).toEqual(['going', 'going', 'going']);
    expect(line.slice(3).map((id) => after.byUser.get(id)?.position)).toEqual([1, 2]);
    const notes = await db.notification.findMany({ where: { kind: 'event_promoted', userId: { in: users.map((u) => u.id) } } });
    expect(notes).toHaveLength(3);
    // Nothing more to do: a second call promotes nobody.
    expect(await db.$transaction((tx) => promoteWaitlisted(tx, { eventId: ev.id, communityId: ev.communityId, now: clock }))).toEqual([]);
    // Capacity removed: everyone waiting is admitted.
    const rest = await db.$transaction(async (tx) => {
      await tx.event.update({ where: { id: ev.id }, data: { capacity: null } });
      return promoteWaitlisted(tx, { eventId: ev.id, communityId: ev.communityId, now: clock });
    });
    expect(rest).toHaveLength(2);
    expect((await rows(ev.id)).event).toMatchObject({ goingCount: 6, waitlistCount: 0 });
  });
});

describe('the RSVP as GET /events/:id shows it, and PATCH capacity', () => {
  it('shows each member their own RSVP (code only while going, position while waitlisted) and promotes when the manager adds seats', async () => {
    const { owner, slug, users } = await community(3);
    const [a, b, c] = users as [TestUser, TestUser, TestUser];
    const ev = await event(slug, owner, { capacity: 1 });
    const seated = await ok(a, ev.id, 'going');
    await ok(b, ev.id, 'going');
    await ok(c, ev.id, 'going');
    const get = (u: TestUser) => api.request<{ event: CommunityEvent }>('GET', `/api/events/${ev.id}`, { token: u.token });
    expect((await get(a)).body.event.myRsvp).toEqual(seated.rsvp);
    expect((await get(c)).body.event.myRsvp).toMatchObject({ status: 'waitlisted', position: 2, code: null });
    expect((await get(owner)).body.event.myRsvp).toBeNull();
    const patched = await api.request<{ event: CommunityEvent }>('PATCH', `/api/events/${ev.id}`, { token: owner.token, body: { capacity: 2 } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.event.counts).toMatchObject({ going: 2, waitlisted: 1 });
    const promoted = (await get(b)).body.event.myRsvp;
    expect(promoted).toMatchObject({ status: 'going', position: null, code: expect.stringMatching(/^[2-9A-Z]{8}$/) });
    expect((await get(c)).body.event.myRsvp).toMatchObject({ status: 'waitlisted', position: 1 });
  });
});
