// rsvpToEvent, the Prisma version of the RSVP rules (the one for PostgreSQL; the route runs rsvpOnLane on SQLite),
// called directly and concurrently: the same invariants as the HTTP suite must hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rsvpToEvent } from '../../../server/commands/rsvpToEvent';
import type { RsvpAnswer } from '../../../server/contracts/api';
import { loadActor } from '../../../server/queries/actor';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertMembers } from '../../helpers/bulkMembers';
import { insertEvent } from '../../helpers/eventRows';
import { createCommunity, createUser, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';

const hour = 3_600_000;
const clock = new Date('2026-12-10T03:00:00.000Z');
let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

async function answer(event: { id: string; communityId: string; status: string; endsAt: Date }, user: TestUser, status: RsvpAnswer) {
  const deps = server.rukun.deps;
  const actor = await loadActor(deps.sql, { communityId: event.communityId, userId: user.id, now: clock });
  return rsvpToEvent({ db: deps.db, now: clock }, { actor, event, answer: status });
}

async function state(eventId: string) {
  const db = server.rukun.deps.db;
  const [event, rows] = await Promise.all([db.event.findUniqueOrThrow({ where: { id: eventId } }), db.eventRsvp.findMany({ where: { eventId } })]);
  const going = rows.filter((r) => r.status === 'going').map((r) => r.userId);
  const line = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  expect(event.goingCount).toBe(going.length);
  expect(event.waitlistCount).toBe(line.length);
  expect(event.interestedCount).toBe(rows.filter((r) => r.status === 'interested').length);
  expect(line.map((r) => r.position)).toEqual(line.map((_, i) => i + 1));
  return { event, going, line: line.map((r) => r.userId) };
}

describe('rsvpToEvent (Prisma) under concurrency', () => {
  it('seats exactly the capacity, lines up the rest 1..n, promotes exactly the first in line when going members leave', { timeout: 120_000 }, async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const members = await insertMembers(server.rukun.deps.db, { communitySlug: community.slug, count: 200, now: clock });
    const event = await insertEvent(server.rukun.deps.db, { communitySlug: community.slug, createdById: owner.id, startsAt: new Date(clock.getTime() + 48 * hour), capacity: 20 });
    await Promise.all(members.map((m) => answer(event, m, 'going')));
    const first = await state(event.id);
    expect(first.going).toHaveLength(20);
    expect(first.line).toHaveLength(180);
    const byId = new Map(members.map((m) => [m.id, m]));
    const outcomes = await Promise.all(first.going.slice(0, 10).map((id, i) => answer(event, byId.get(id) as TestUser, i % 2 ? 'interested' : 'not_going')));
    const second = await state(event.id);
    expect(second.line).toEqual(first.line.slice(10));
    expect(new Set(second.going)).toEqual(new Set([...first.going.slice(10), ...first.line.slice(0, 10)]));
    const notified = outcomes.flatMap((o) => o.events.filter((e) => e.type === 'notification').map((e) => (e.type === 'notification' ? e.userId : '')));
    expect(notified.sort()).toEqual(first.line.slice(0, 10).sort());
    // Leaving the waitlist from the middle, all at once, closes every gap.
    await Promise.all(second.line.slice(5, 25).map((id) => answer(event, byId.get(id) as TestUser, 'not_going')));
    const third = await state(event.id);
    expect(third.line).toEqual([...second.line.slice(0, 5), ...second.line.slice(25)]);
  });

  it('answers a repeat without writing and refuses a cancelled event', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const [member] = await insertMembers(server.rukun.deps.db, { communitySlug: community.slug, count: 1, now: clock });
    const event = await insertEvent(server.rukun.deps.db, { communitySlug: community.slug, createdById: owner.id, startsAt: new Date(clock.getTime() + 48 * hour) });
    const once = await answer(event, member as TestUser, 'interested');
    const twice = await answer(event, member as TestUser, 'interested');
    expect(twice.value.rsvp).toEqual(once.value.rsvp);
    expect(twice.events).toEqual([]);
    await expect(answer({ ...event, status: 'cancelled' }, member as TestUser, 'going')).rejects.toMatchObject({ code: 'event_cancelled' });
  });

  it('lets a muted or suspended member answer not_going, and refuses them going or interested', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const members = await insertMembers(server.rukun.deps.db, { communitySlug: community.slug, count: 2, now: clock });
    const event = await insertEvent(server.rukun.deps.db, { communitySlug: community.slug, createdById: owner.id, startsAt: new Date(clock.getTime() + 48 * hour), capacity: 5 });
    for (const [member, kind] of members.map((m, i) => [m as TestUser, i === 0 ? 'mute' : 'suspend'] as const)) {
      await answer(event, member, 'going');
      const actor = { ...(await loadActor(server.rukun.deps.sql, { communityId: event.communityId, userId: member.id, now: clock })), sanctions: [kind] };
      const deps = { db: server.rukun.deps.db, now: clock };
      await expect(rsvpToEvent(deps, { actor, event, answer: 'interested' })).rejects.toMatchObject({ code: kind === 'mute' ? 'muted' : 'suspended' });
      const left = await rsvpToEvent(deps, { actor, event, answer: 'not_going' });
      expect(left.value.rsvp.status).toBe('not_going');
    }
    expect((await state(event.id)).going).toEqual([]);
  });

  it('refuses going to an actor read before a ban, and the ban gives back the seats it held', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const [late, seated, next] = (await insertMembers(server.rukun.deps.db, { communitySlug: community.slug, count: 3, now: clock })) as TestUser[];
    const event = await insertEvent(server.rukun.deps.db, { communitySlug: community.slug, createdById: owner.id, startsAt: new Date(clock.getTime() + 48 * hour), capacity: 1 });
    await answer(event, seated as TestUser, 'going');
    await answer(event, next as TestUser, 'going');
    const stale = await loadActor(server.rukun.deps.sql, { communityId: event.communityId, userId: (late as TestUser).id, now: clock });
    for (const user of [late, seated] as TestUser[]) {
      const res = await api.request('POST', `/api/communities/${community.slug}/members/${user.id}/sanctions`, { token: owner.token, body: { kind: 'ban', reason: 'uji' } });
      expect(res.status).toBe(201);
    }
    await expect(rsvpToEvent({ db: server.rukun.deps.db, now: clock }, { actor: stale, event, answer: 'going' })).rejects.toMatchObject({ code: 'not_found' });
    const after = await state(event.id);
    expect(after.going).toEqual([(next as TestUser).id]);
    expect(after.line).toEqual([]);
  });

  it('retries the transition when a check-in lands between its read and its write (checkedInCount stays right)', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const [member] = (await insertMembers(server.rukun.deps.db, { communitySlug: community.slug, count: 1, now: clock })) as TestUser[];
    const event = await insertEvent(server.rukun.deps.db, { communitySlug: community.slug, createdById: owner.id, startsAt: new Date(clock.getTime() + 48 * hour) });
    await answer(event, member as TestUser, 'going');
    const db = server.rukun.deps.db;
    await db.$transaction([
      db.eventRsvp.updateMany({ where: { eventId: event.id, userId: (member as TestUser).id }, data: { checkedInAt: clock } }),
      db.event.update({ where: { id: event.id }, data: { checkedInCount: { increment: 1 } } }),
    ]);
    // The first read of the member's row sees it as it was just before the check-in committed (what PostgreSQL READ
    // COMMITTED can show a transition whose read precedes the Event row lock); later reads see the truth.
    let staleReads = 1;
    const racing = db.$extends({
      query: {
        eventRsvp: {
          async findUnique({ args, query }) {
            const row = await query(args);
            if (row && staleReads > 0) {
              staleReads--;
              return { ...row, checkedInAt: null };
            }
            return row;
          },
        },
      },
    }) as unknown as typeof db;
    const actor = await loadActor(server.rukun.deps.sql, { communityId: event.communityId, userId: (member as TestUser).id, now: clock });
    const left = await rsvpToEvent({ db: racing, now: clock }, { actor, event, answer: 'not_going' });
    expect(left.value.rsvp).toMatchObject({ status: 'not_going', checkedInAt: null });
    expect(staleReads).toBe(0);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ goingCount: 0, checkedInCount: 0 });
  });
});
