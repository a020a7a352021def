// GET /me/events: my upcoming events, soonest first, each with my own RSVP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEvent, Rsvp } from '../../../server/contracts/api';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertEvent } from '../../helpers/eventRows';
import { createCommunity, createUser, join, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';

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

async function event(slug: string, owner: TestUser, input: { capacity?: number | null; startsAt: Date; status?: 'scheduled' | 'cancelled' }) {
  return insertEvent(server.rukun.deps.db, { communitySlug: slug, createdById: owner.id, startsAt: input.startsAt, capacity: input.capacity ?? null, ...(input.status ? { status: input.status } : {}) });
}

async function ok(user: TestUser, eventId: string, status: string): Promise<Rsvp> {
  const res = await api.request<{ rsvp: Rsvp }>('PUT', `/api/events/${eventId}/rsvp`, { token: user.token, body: { status } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.rsvp;
}

describe('GET /me/events', () => {
  it('shows my upcoming events with my RSVP, soonest first, and leaves out ended, not_going and communities that banned me', async () => {
    const { owner, slug, users } = await community(1);
    const [a] = users as [TestUser];
    const later = await event(slug, owner, { startsAt: new Date(clock.getTime() + 72 * hour), capacity: 1 });
    const sooner = await event(slug, owner, { startsAt: new Date(clock.getTime() + 24 * hour) });
    const skipped = await event(slug, owner, { startsAt: new Date(clock.getTime() + 30 * hour) });
    const ending = await event(slug, owner, { startsAt: new Date(clock.getTime() + hour) });
    await ok(a, later.id, 'going');
    await ok(a, sooner.id, 'interested');
    await ok(a, skipped.id, 'not_going');
    await ok(a, ending.id, 'going');
    clock = new Date(clock.getTime() + 4 * hour);
    const mine = await api.request<{ items: CommunityEvent[] }>('GET', '/api/me/events', { token: a.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((e) => e.id)).toEqual([sooner.id, later.id]);
    expect(mine.body.items[0]?.myRsvp).toMatchObject({ status: 'interested' });
    expect(mine.body.items[1]?.myRsvp).toMatchObject({ status: 'going', code: expect.any(String) });
    // Banned: the events of that community are no longer mine to see.
    const ban = await api.request('POST', `/api/communities/${slug}/members/${a.id}/sanctions`, { token: owner.token, body: { kind: 'ban', reason: 'uji' } });
    expect(ban.status).toBe(201);
    const after = await api.request<{ items: CommunityEvent[] }>('GET', '/api/me/events', { token: a.token });
    expect(after.body.items).toEqual([]);
  });
});

describe('GET /me/events, more', () => {
  it('shows a waitlisted event with my position, and cancelled events that have not ended so I learn of the cancellation', async () => {
    const { owner, slug, users } = await community(2);
    const [a, b] = users as [TestUser, TestUser];
    const full = await event(slug, owner, { startsAt: new Date(clock.getTime() + 10 * hour), capacity: 1 });
    await ok(b, full.id, 'going');
    await ok(a, full.id, 'going');
    const called = await event(slug, owner, { startsAt: new Date(clock.getTime() + 5 * hour) });
    await ok(a, called.id, 'going');
    await server.rukun.deps.db.event.update({ where: { id: called.id }, data: { status: 'cancelled', cancelledAt: clock } });
    const mine = await api.request<{ items: CommunityEvent[] }>('GET', '/api/me/events', { token: a.token });
    expect(mine.body.items.map((e) => [e.id, e.status, e.myRsvp?.status, e.myRsvp?.position])).toEqual([
      [called.id, 'cancelled', 'going', null],
      [full.id, 'scheduled', 'waitlisted', 1],
    ]);
    expect(mine.body.items[1]?.counts).toEqual({ going: 1, waitlisted: 1, interested: 0, checkedIn: 0 });
  });

  it('is empty for someone with no answers, and never shows other members\' answers', async () => {
    const { owner, slug, users } = await community(2);
    const [a, b] = users as [TestUser, TestUser];
    const ev = await event(slug, owner, { startsAt: new Date(clock.getTime() + 10 * hour) });
    await ok(a, ev.id, 'going');
    const theirs = await api.request<{ items: CommunityEvent[] }>('GET', '/api/me/events', { token: b.token });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
  });
});
