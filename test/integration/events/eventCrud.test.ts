// Creating, editing, cancelling, reading and listing events through the HTTP app, on a fixed clock: what the
// answers hold, the audit rows, the reminder and cancellation jobs in the events queue (ids and delays), optimistic
// concurrency on `sequence`, and `event:updated` heard by a member over Socket.IO.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Community, CommunityEvent } from '../../../server/contracts/api';
import type { EventPayload } from '../../../server/contracts/events';
import { eventCancelledJobId, eventMovedJobId, eventReminderJobId } from '../../../server/contracts/jobs';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createCommunity, createUser, join, setRole, type TestUser } from '../../helpers/factories';
import { socketPool } from '../../helpers/liveClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { rsvpToEvent } from '../../../server/commands/rsvpToEvent';
import type { RsvpAnswer } from '../../../server/contracts/api';
import { afterCommit } from '../../../server/deps';
import { loadActor } from '../../../server/queries/actor';
import { expectError } from '../support';

const START = new Date('2026-12-05T03:00:00.000Z');
let clock = START;
let server: TestServer;
let api: ApiClient;
const pool = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  api = apiClient(server.baseUrl);
});
afterEach(() => {
  clock = START;
  pool.closeAll();
});
afterAll(async () => {
  await server?.close();
});

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(START.getTime() + h * HOUR).toISOString();

/** A community with its owner, a manager and a plain member. */
async function cast(): Promise<{ owner: TestUser; manager: TestUser; member: TestUser; community: Community }> {
  const [owner, manager, member] = await Promise.all([createUser(api), createUser(api), createUser(api)]);
  const community = await createCommunity(api, owner);
  await join(api, manager, community.slug);
  await join(api, member, community.slug);
  await setRole(api, owner, community.slug, manager.id, 'manager');
  return { owner, manager, member, community };
}

async function create(user: TestUser, slug: string, body: Record<string, unknown> = {}): Promise<CommunityEvent> {
  const res = await api.request<{ event: CommunityEvent }>('POST', `/api/communities/${slug}/events`, {
    token: user.token,
    body: { title: 'Kopdar Desember', startsAt: inHours(48), endsAt: inHours(51), timezone: 'Asia/Jakarta', ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.event;
}

const patch = (user: TestUser, id: string, body: unknown) => api.request<{ event: CommunityEvent }>('PATCH', `/api/events/${id}`, { token: user.token, body });
const cancel = (user: TestUser, id: string) => api.request<{ event: CommunityEvent }>('POST', `/api/events/${id}/cancel`, { token: user.token });
const audit = (eventId: string) => server.rukun.deps.db.auditEntry.findMany({ where: { targetType: 'event', targetId: eventId }, orderBy: { id: 'asc' } });
const job = (id: string) => server.rukun.deps.queues.events.getJob(id);

describe('creating', () => {
  it('answers 201 with the event as the contract shows it, audited, announced, reminders queued', async () => {
    const { manager, member, community } = await cast();
    const live = await pool.connect(member.token);
    await live.join(community.slug);

    const event = await create(manager, community.slug, {
      description: 'Ngopi bareng',
      location: 'Kedai Kopi, Jakarta',
      onlineUrl: 'https://meet.example.com/kopdar',
      capacity: 30,
      reminders: [60, 1440],
    });
    expect(event).toMatchObject({
      communitySlug: community.slug,
      title: 'Kopdar Desember',
      description: 'Ngopi bareng',
      startsAt: inHours(48),
      endsAt: inHours(51),
      timezone: 'Asia/Jakarta',
      location: 'Kedai Kopi, Jakarta',
      onlineUrl: 'https://meet.example.com/kopdar',
      capacity: 30,
      reminders: [1440, 60],
      status: 'scheduled',
      sequence: 0,
      counts: { going: 0, waitlisted: 0, interested: 0, checkedIn: 0 },
      myRsvp: null,
      createdBy: { id: manager.id },
      cancelledAt: null,
    });

    const heard = await live.next<EventPayload>('event:updated', (p) => p.event.id === event.id);
    expect(heard).toMatchObject({ communitySlug: community.slug, event: { id: event.id, title: 'Kopdar Desember', myRsvp: null } });

    const entries = await audit(event.id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([['event.create', manager.id]]);
    expect(JSON.parse(entries[0]?.after ?? '{}')).toMatchObject({ title: 'Kopdar Desember', capacity: 30 });

    // One delayed job per offset, due `offset` minutes before the start on the fixed clock.
    for (const offsetMinutes of [60, 1440]) {
      const queued = await job(eventReminderJobId({ eventId: event.id, offsetMinutes, startsAt: event.startsAt, sequence: 0 }));
      expect(queued?.name, `reminder ${offsetMinutes}`).toBe('reminder');
      expect(queued?.data).toEqual({ eventId: event.id, offsetMinutes, startsAt: event.startsAt, sequence: 0 });
      expect(queued?.opts.delay).toBe(48 * HOUR - offsetMinutes * 60_000);
    }
  });

  it('uses Asia/Jakarta when no zone is given, and has no reminders unless asked', async () => {
    const { owner, community } = await cast();
    const event = await create(owner, community.slug, { timezone: undefined });
    expect(event).toMatchObject({ timezone: 'Asia/Jakarta', reminders: [], capacity: null, location: null, onlineUrl: null, description: '' });
  });

  it('weighs the start against the server clock, not the wall clock', async () => {
    // Sessions, too, live on the server clock: sign in once it reads 2030.
    clock = new Date('2030-01-01T00:00:00.000Z');
    const { owner, community } = await cast();
    const body = (startsAt: string) => ({ title: 'Kopdar 2030', startsAt, endsAt: new Date(Date.parse(startsAt) + HOUR).toISOString(), timezone: 'Asia/Jayapura' });
    const past = await api.request('POST', `/api/communities/${community.slug}/events`, { token: owner.token, body: body('2029-12-31T00:00:00.000Z') });
    expect(expectError(past, 422, 'validation_failed').error.details).toEqual([expect.objectContaining({ path: 'body.startsAt', reason: 'starts_in_past' })]);
    // More than two years after the wall clock, but two days after the server's.
    const ahead = await api.request<{ event: CommunityEvent }>('POST', `/api/communities/${community.slug}/events`, { token: owner.token, body: body('2030-01-03T00:00:00.000Z') });
    expect(ahead.status, JSON.stringify(ahead.body)).toBe(201);
    expect(ahead.body.event).toMatchObject({ timezone: 'Asia/Jayapura', status: 'scheduled', createdAt: '2030-01-01T00:00:00.000Z' });
  });

  it('is for managers and owners: members and moderators get 403', async () => {
    const { owner, member, community } = await cast();
    const moderator = await createUser(api);
    await join(api, moderator, community.slug);
    await setRole(api, owner, community.slug, moderator.id, 'moderator');
    for (const user of [member, moderator]) {
      const res = await api.request('POST', `/api/communities/${community.slug}/events`, { token: user.token, body: { title: 'x', startsAt: inHours(2), endsAt: inHours(3), timezone: 'Asia/Jakarta' } });
      expectError(res, 403, 'forbidden');
    }
    expect(await server.rukun.deps.db.event.count({ where: { community: { slug: community.slug } } })).toBe(0);
  });
});

describe('reading', () => {
  it('a new member sees the event with counts and myRsvp null', async () => {
    const { manager, community } = await cast();
    const event = await create(manager, community.slug, { capacity: 5 });
    const newcomer = await createUser(api);
    await join(api, newcomer, community.slug);
    const res = await api.request<{ event: CommunityEvent }>('GET', `/api/events/${event.id}`, { token: newcomer.token });
    expect(res.status).toBe(200);
    expect(res.body.event).toMatchObject({ id: event.id, capacity: 5, counts: { going: 0, waitlisted: 0, interested: 0, checkedIn: 0 }, myRsvp: null });
  });

  it('is 404 for someone outside the community and for an unknown id', async () => {
    const { manager, community } = await cast();
    const event = await create(manager, community.slug);
    const stranger = await createUser(api);
    expectError(await api.request('GET', `/api/events/${event.id}`, { token: stranger.token }), 404, 'not_found');
    expectError(await api.request('GET', '/api/events/no-such-event', { token: manager.token }), 404, 'not_found');
  });

  it('reads as ended once its end has passed', async () => {
    const { manager, community } = await cast();
    const event = await create(manager, community.slug);
    clock = new Date(Date.parse(event.endsAt) + 1000);
    const res = await api.request<{ event: CommunityEvent }>('GET', `/api/events/${event.id}`, { token: manager.token });
    expect(res.body.event.status).toBe('ended');
  });
});

describe('editing', () => {
  it('changes fields, bumps the sequence, audits before and after, announces', async () => {
    const { manager, member, community } = await cast();
    const event = await create(manager, community.slug, { location: 'Bandung', capacity: 10 });
    const live = await pool.connect(member.token);
    await live.join(community.slug);

    const res = await patch(manager, event.id, { title: 'Kopdar Akhir Tahun', location: null, capacity: null, sequence: 0 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.event).toMatchObject({ title: 'Kopdar Akhir Tahun', location: null, capacity: null, sequence: 1, startsAt: event.startsAt });

    const heard = await live.next<EventPayload>('event:updated', (p) => p.event.id === event.id && p.event.sequence === 1);
    expect(heard.event.title).toBe('Kopdar Akhir Tahun');

    const entries = await audit(event.id);
    expect(entries.map((e) => e.action)).toEqual(['event.create', 'event.update']);
    expect(JSON.parse(entries[1]?.before ?? '{}')).toMatchObject({ title: 'Kopdar Desember', location: 'Bandung', capacity: 10, sequence: 0 });
    expect(JSON.parse(entries[1]?.after ?? '{}')).toMatchObject({ title: 'Kopdar Akhir Tahun', location: null, capacity: null, sequence: 1 });

    // Without a sequence the edit applies to whatever is current.
    const again = await patch(manager, event.id, { description: 'Bawa kado' });
    expect(again.body.event).toMatchObject({ description: 'Bawa kado', sequence: 2 });
  });

  it('refuses an edit made on an older version: 409 version_conflict, nothing written', async () => {
    const { manager, owner, community } = await cast();
    const event = await create(manager, community.slug);
    expect((await patch(owner, event.id, { title: 'Versi pemilik', sequence: 0 })).status).toBe(200);
    expectError(await patch(manager, event.id, { title: 'Versi pengelola', sequence: 0 }), 409, 'version_conflict');
    const current = await api.request<{ event: CommunityEvent }>('GET', `/api/events/${event.id}`, { token: manager.token });
    expect(current.body.event).toMatchObject({ title: 'Versi pemilik', sequence: 1 });
    expect((await audit(event.id)).map((e) => e.action)).toEqual(['event.create', 'event.update']);
  });

  it('of two concurrent edits on the same version exactly one wins', async () => {
    const { manager, owner, community } = await cast();
    const event = await create(manager, community.slug);
    const answers = await Promise.all([patch(manager, event.id, { title: 'A', sequence: 0 }), patch(owner, event.id, { title: 'B', sequence: 0 })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const row = await server.rukun.deps.db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.sequence).toBe(1);
  });

  it('re-plans reminders when the start moves or the offsets change; old jobs stay with their stale start', async () => {
    const { manager, community } = await cast();
    const event = await create(manager, community.slug, { reminders: [60] });
    const oldId = eventReminderJobId({ eventId: event.id, offsetMinutes: 60, startsAt: event.startsAt, sequence: 0 });
    expect(await job(oldId)).toBeDefined();

    const moved = await patch(manager, event.id, { startsAt: inHours(72), endsAt: inHours(75) });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const newId = eventReminderJobId({ eventId: event.id, offsetMinutes: 60, startsAt: inHours(72), sequence: 1 });
    expect(newId).not.toBe(oldId);
    expect((await job(newId))?.opts.delay).toBe(71 * HOUR);
    expect((await job(oldId))?.data).toMatchObject({ startsAt: event.startsAt });
    // Going and waitlisted members are told of the move.
    const movedNotice = await job(eventMovedJobId({ eventId: event.id, startsAt: inHours(72), previousStartsAt: event.startsAt, sequence: 1 }));
    expect(movedNotice?.name).toBe('moved');
    expect(movedNotice?.data).toEqual({ eventId: event.id, startsAt: inHours(72), previousStartsAt: event.startsAt, sequence: 1 });

    const more = await patch(manager, event.id, { reminders: [60, 1440] });
    expect(more.body.event.reminders).toEqual([1440, 60]);
    expect((await job(eventReminderJobId({ eventId: event.id, offsetMinutes: 1440, startsAt: inHours(72), sequence: 2 })))?.opts.delay).toBe(48 * HOUR);

    // A title edit plans nothing new: the queue holds exactly the jobs planned so far.
    const before = (await server.rukun.deps.queues.events.getDelayed()).filter((j) => j.data.eventId === event.id).length;
    await patch(manager, event.id, { title: 'Judul baru' });
    expect((await server.rukun.deps.queues.events.getDelayed()).filter((j) => j.data.eventId === event.id)).toHaveLength(before);
    // Neither a title edit nor a change of reminders tells members of a move.
    const notices = (await server.rukun.deps.queues.events.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter((j) => j.name === 'moved' && j.data.eventId === event.id);
    expect(notices).toHaveLength(1);
  });

  it('checks start and end against the stored ones; an unchanged past start of a running event is fine', async () => {
    const { manager, community } = await cast();
    const event = await create(manager, community.slug);
    expectError(await patch(manager, event.id, { endsAt: inHours(47) }), 422, 'validation_failed');
    expectError(await patch(manager, event.id, { startsAt: inHours(-2) }), 422, 'validation_failed');
    expectError(await patch(manager, event.id, { endsAt: inHours(48 + 14 * 24 + 1) }), 422, 'validation_failed');
    // The event is running: its start has passed, its text may still be edited, and it may run longer.
    clock = new Date(Date.parse(event.startsAt) + HOUR);
    const res = await patch(manager, event.id, { title: 'Sedang berlangsung', startsAt: event.startsAt, endsAt: inHours(52) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.event).toMatchObject({ title: 'Sedang berlangsung', status: 'scheduled', endsAt: inHours(52) });
  });

  it('explains a refused field in the reader language with the field in the path', async () => {
    const { manager, community } = await cast();
    const event = await create(manager, community.slug);
    const res = await api.request('PATCH', `/api/events/${event.id}`, { token: manager.token, body: { endsAt: inHours(47) }, headers: { 'accept-language': 'id' } });
    const body = expectError(res, 422, 'validation_failed');
    expect(body.error.details).toEqual([{ path: 'body.endsAt', message: 'Waktu selesai harus sesudah waktu mulai', reason: 'ends_before_start' }]);
  });

  it('an ended event takes no edits and no cancellation: 409 event_ended', async () => {
    const { manager, community } = await cast();
    const event = await create(manager, community.slug);
    clock = new Date(Date.parse(event.endsAt) + 1000);
    expectError(await patch(manager, event.id, { title: 'Terlambat' }), 409, 'event_ended');
    expectError(await cancel(manager, event.id), 409, 'event_ended');
  });
});

describe('cancelling', () => {
  it('cancels once: status, cancelledAt, sequence, audit, a cancellation job, the announcement', async () => {
    const { manager, member, community } = await cast();
    const event = await create(manager, community.slug, { reminders: [60] });
    const live = await pool.connect(member.token);
    await live.join(community.slug);

    const res = await cancel(manager, event.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.event).toMatchObject({ status: 'cancelled', cancelledAt: START.toISOString(), sequence: 1 });
    const heard = await live.next<EventPayload>('event:updated', (p) => p.event.id === event.id && p.event.status === 'cancelled');
    expect(heard.communitySlug).toBe(community.slug);

    const notice = await job(eventCancelledJobId({ eventId: event.id }));
    expect(notice?.name).toBe('cancelled');
    expect(notice?.data).toEqual({ eventId: event.id });
    expect(notice?.opts.delay ?? 0).toBe(0);
    expect((await audit(event.id)).map((e) => e.action)).toEqual(['event.create', 'event.cancel']);

    expectError(await cancel(manager, event.id), 409, 'event_cancelled');
    expectError(await patch(manager, event.id, { title: 'Dihidupkan lagi' }), 409, 'event_cancelled');
    expect((await audit(event.id)).map((e) => e.action)).toEqual(['event.create', 'event.cancel']);
  });

  it('two concurrent cancels: one 200, one 409 event_cancelled', async () => {
    const { manager, owner, community } = await cast();
    const event = await create(manager, community.slug);
    const answers = await Promise.all([cancel(manager, event.id), cancel(owner, event.id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body).toMatchObject({ error: { code: 'event_cancelled' } });
  });

  it('members may not cancel: 403, the event stays scheduled', async () => {
    const { manager, member, community } = await cast();
    const event = await create(manager, community.slug);
    expectError(await cancel(member, event.id), 403, 'forbidden');
    expectError(await patch(member, event.id, { title: 'Punyaku' }), 403, 'forbidden');
    const row = await server.rukun.deps.db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({ status: 'scheduled', sequence: 0, title: 'Kopdar Desember' });
  });
});

describe('listing', () => {
  const list = (user: TestUser, slug: string, query: Record<string, string> = {}) =>
    api.request<{ items: CommunityEvent[]; nextCursor: string | null }>('GET', `/api/communities/${slug}/events?${new URLSearchParams(query)}`, { token: user.token });

  it('lists by start ascending, from a day ago by default, including cancelled ones', async () => {
    const { manager, member, community } = await cast();
    const later = await create(manager, community.slug, { title: 'Later', startsAt: inHours(30), endsAt: inHours(31) });
    const sooner = await create(manager, community.slug, { title: 'Sooner', startsAt: inHours(2), endsAt: inHours(3) });
    const cancelled = await create(manager, community.slug, { title: 'Cancelled', startsAt: inHours(10), endsAt: inHours(11) });
    await cancel(manager, cancelled.id);
    // Started 20 hours ago (still inside the default range) and 30 hours ago (outside it), written directly.
    const db = server.rukun.deps.db;
    const communityId = (await db.community.findUniqueOrThrow({ where: { slug: community.slug } })).id;
    const recent = await db.event.create({ data: { communityId, createdById: manager.id, title: 'Recent', startsAt: new Date(inHours(-20)), endsAt: new Date(inHours(-19)) } });
    await db.event.create({ data: { communityId, createdById: manager.id, title: 'Old', startsAt: new Date(inHours(-30)), endsAt: new Date(inHours(-29)) } });

    const res = await list(member, community.slug);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e) => e.title)).toEqual(['Recent', 'Sooner', 'Cancelled', 'Later']);
    expect(res.body.items.map((e) => e.status)).toEqual(['ended', 'scheduled', 'cancelled', 'scheduled']);
    expect(res.body.items.every((e) => e.myRsvp === null && e.counts.going === 0)).toBe(true);
    expect(res.body.nextCursor).toBeNull();
    expect([recent.id, sooner.id, cancelled.id, later.id]).toEqual(res.body.items.map((e) => e.id));
  });

  it('lists an event still running that began before the range, and leaves out one that ended before it', async () => {
    const { manager, member, community } = await cast();
    const db = server.rukun.deps.db;
    const communityId = (await db.community.findUniqueOrThrow({ where: { slug: community.slug } })).id;
    // A three-day volunteer camp that began two days ago, and a one-hour talk that ended 29 hours ago.
    await db.event.create({ data: { communityId, createdById: manager.id, title: 'Camp', startsAt: new Date(inHours(-48)), endsAt: new Date(inHours(24)) } });
    await db.event.create({ data: { communityId, createdById: manager.id, title: 'Talk', startsAt: new Date(inHours(-30)), endsAt: new Date(inHours(-29)) } });
    const byDefault = await list(member, community.slug);
    expect(byDefault.body.items.map((e) => [e.title, e.status])).toEqual([['Camp', 'scheduled']]);
    const tomorrow = await list(member, community.slug, { from: inHours(12), to: inHours(36) });
    expect(tomorrow.body.items.map((e) => e.title)).toEqual(['Camp']);
  });

  it('keeps to the range: from inclusive, to exclusive', async () => {
    const { manager, community } = await cast();
    for (const h of [5, 6, 7, 8]) await create(manager, community.slug, { title: `H${h}`, startsAt: inHours(h), endsAt: inHours(h + 1) });
    const res = await list(manager, community.slug, { from: inHours(6), to: inHours(8) });
    expect(res.body.items.map((e) => e.title)).toEqual(['H6', 'H7']);
  });

  it('pages with a cursor through events that share a start, without gaps or repeats', async () => {
    const { manager, community } = await cast();
    const made: string[] = [];
    for (let i = 0; i < 7; i += 1) made.push((await create(manager, community.slug, { title: `E${i}`, startsAt: inHours(i < 4 ? 10 : 20), endsAt: inHours(30) })).id);
    const seen: CommunityEvent[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(manager, community.slug, { limit: '3', ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((e) => e.id).sort()).toEqual([...made].sort());
    expect(new Set(seen.map((e) => e.id)).size).toBe(7);
    const keys = seen.map((e) => `${e.startsAt}|${e.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("the managers' content calendar shows the range's events beside the scheduled posts", async () => {
    const { manager, community } = await cast();
    const inside = await create(manager, community.slug, { title: 'Di dalam', startsAt: inHours(5), endsAt: inHours(6) });
    await create(manager, community.slug, { title: 'Di luar', startsAt: inHours(50), endsAt: inHours(51) });
    const res = await api.request<{ scheduledPosts: unknown[]; events: CommunityEvent[] }>('GET', `/api/communities/${community.slug}/calendar?from=${inHours(0)}&to=${inHours(24)}`, { token: manager.token });
    expect(res.status).toBe(200);
    expect(res.body.events.map((e) => e.id)).toEqual([inside.id]);
  });

  it('answers 400 for a bad cursor or range, 403 for non-members, 404 for an unknown community', async () => {
    const { manager, community } = await cast();
    expectError(await list(manager, community.slug, { cursor: 'not-a-cursor' }), 400, 'bad_request');
    expectError(await list(manager, community.slug, { from: inHours(5), to: inHours(4) }), 400, 'bad_request');
    expectError(await list(manager, community.slug, { limit: '1000' }), 400, 'bad_request');
    expectError(await list(await createUser(api), community.slug), 403, 'not_a_member');
    expectError(await list(manager, 'no-such-community'), 404, 'not_found');
  });
});

describe('capacity changes and the waitlist', () => {
  /** Answers through the RSVP command (its route is the RSVP part's), announcing what it caused. */
  async function rsvp(user: TestUser, eventId: string, answer: RsvpAnswer): Promise<void> {
    const deps = server.rukun.deps;
    const event = await deps.db.event.findUniqueOrThrow({ where: { id: eventId } });
    const actor = await loadActor(deps.sql, { communityId: event.communityId, userId: user.id, now: clock });
    await afterCommit(deps, await rsvpToEvent({ db: deps.db, now: clock }, { actor, event, answer }));
  }

  async function line(eventId: string) {
    const rows = await server.rukun.deps.db.eventRsvp.findMany({ where: { eventId }, orderBy: { createdAt: 'asc' } });
    return Object.fromEntries(rows.map((r) => [r.userId, r.position === null ? r.status : `${r.status}#${r.position}`]));
  }

  async function fullHouse(capacity: number, people: number) {
    const { manager, community } = await cast();
    const event = await create(manager, community.slug, { capacity });
    const members: TestUser[] = [];
    for (let i = 0; i < people; i += 1) {
      const user = await createUser(api);
      await join(api, user, community.slug);
      await rsvp(user, event.id, 'going');
      members.push(user);
    }
    return { manager, community, event, members };
  }

  it('raising the capacity promotes the head of the line, in order, and notifies them', async () => {
    const { manager, event, members } = await fullHouse(2, 5);
    const [a, b, c, d, e] = members.map((m) => m.id);
    expect(await line(event.id)).toEqual({ [a!]: 'going', [b!]: 'going', [c!]: 'waitlisted#1', [d!]: 'waitlisted#2', [e!]: 'waitlisted#3' });

    const res = await patch(manager, event.id, { capacity: 3 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.event).toMatchObject({ capacity: 3, sequence: 1, counts: { going: 3, waitlisted: 2 } });
    expect(await line(event.id)).toEqual({ [a!]: 'going', [b!]: 'going', [c!]: 'going', [d!]: 'waitlisted#1', [e!]: 'waitlisted#2' });
    const notices = await server.rukun.deps.db.notification.findMany({ where: { kind: 'event_promoted' } });
    expect(notices.filter((n) => n.data.includes(event.id)).map((n) => n.userId)).toEqual([c]);

    // No limit any more: everyone waiting is admitted.
    const open = await patch(manager, event.id, { capacity: null });
    expect(open.body.event).toMatchObject({ capacity: null, counts: { going: 5, waitlisted: 0 } });
    expect(Object.values(await line(event.id))).toEqual(['going', 'going', 'going', 'going', 'going']);
  });

  it('the promoted member sees it as myRsvp, and members hear the fresh counts', async () => {
    const { manager, community, event, members } = await fullHouse(1, 2);
    const waiting = members[1]!;
    const live = await pool.connect(waiting.token);
    await live.join(community.slug);
    await patch(manager, event.id, { capacity: 2 });
    const heard = await live.next<EventPayload>('event:updated', (p) => p.event.id === event.id && p.event.capacity === 2);
    expect(heard.event.counts).toMatchObject({ going: 2, waitlisted: 0 });
    const mine = await api.request<{ event: CommunityEvent }>('GET', `/api/events/${event.id}`, { token: waiting.token });
    expect(mine.body.event.myRsvp).toMatchObject({ status: 'going', position: null });
  });

  it('lowering the capacity below the going count demotes nobody and admits nobody until there is room', async () => {
    const { manager, event, members } = await fullHouse(3, 4);
    const res = await patch(manager, event.id, { capacity: 1 });
    expect(res.body.event).toMatchObject({ capacity: 1, counts: { going: 3, waitlisted: 1 } });
    // One going member leaves: still two going for one seat, so the line does not move.
    await rsvp(members[0]!, event.id, 'not_going');
    const after = await api.request<{ event: CommunityEvent }>('GET', `/api/events/${event.id}`, { token: manager.token });
    expect(after.body.event.counts).toMatchObject({ going: 2, waitlisted: 1 });
    expect((await line(event.id))[members[3]!.id]).toBe('waitlisted#1');
  });
});
