// iCalendar through the HTTP app: the per-event and per-community files, and the personal feed (issue, rotate,
// revoke, what it holds, who loses it), its token kept out of the access log, and its rate limits.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarFeed } from '../../../server/contracts/calendarFeed';
import { createLogger } from '../../../server/logger';
import { apiClient, type ApiClient } from '../../helpers/api';
import { insertEvent, type EventRowInput } from '../../helpers/eventRows';
import { createCommunity, createUser, join, unique, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';

const NOW = new Date('2026-12-05T08:00:00Z');
const DAY = 86_400_000;
const lines: string[] = [];

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  // The real logger into memory at info, where the access log is on (as test/security/tokensNotLogged.test.ts).
  const memory = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await startTestServer({ now: () => NOW, logger: createLogger('info', memory) });
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
});

function db() {
  return server.rukun.deps.db;
}

function vevents(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

/** The event ids in a calendar file (UIDs are `<eventId>@rukun` when PUBLIC_ORIGINS is not set). */
function idsIn(text: string): string[] {
  return vevents(text)
    .map((e) => e.uid.replace(/@rukun$/, ''))
    .sort();
}

async function get(path: string, token?: string): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
}

/** An owner, a community and members who joined it. */
async function communityWith(memberCount: number): Promise<{ owner: TestUser; slug: string; members: TestUser[] }> {
  const owner = await createUser(api);
  const community = await createCommunity(api, owner);
  const members = await Promise.all(Array.from({ length: memberCount }, () => createUser(api)));
  for (const m of members) await join(api, m, community.slug);
  return { owner, slug: community.slug, members };
}

function event(owner: TestUser, slug: string, input: Partial<EventRowInput> = {}) {
  return insertEvent(db(), { communitySlug: slug, createdById: owner.id, startsAt: new Date(NOW.getTime() + 3 * DAY), ...input });
}

/** An RSVP row written directly (the RSVP command is another part's): enough for what the feed reads. */
async function rsvp(eventId: string, user: TestUser, status: 'going' | 'waitlisted' | 'interested' | 'not_going'): Promise<void> {
  await db().eventRsvp.create({ data: { eventId, userId: user.id, status, position: status === 'waitlisted' ? 1 : null, code: unique() } });
}

async function issueFeed(user: TestUser): Promise<CalendarFeed & { path: string }> {
  const res = await api.request<{ feed: CalendarFeed }>('POST', '/api/me/calendar-feed', { token: user.token });
  expect(res.status).toBe(201);
  const { url } = res.body.feed;
  if (!url) throw new Error('no feed url');
  return { ...res.body.feed, path: new URL(url).pathname };
}

describe('one event as .ics', () => {
  it('is an attachment of type text/calendar named after the event, for members only', async () => {
    const { owner, slug, members } = await communityWith(1);
    const row = await event(owner, slug, { title: 'Kopdar Akbar: Jakarta!', timezone: 'Asia/Makassar', startsAt: new Date('2026-12-20T07:00:00Z') });
    const res = await get(`/api/events/${row.id}/ics`, members[0]?.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="kopdar-akbar-jakarta.ics"');
    const text = await res.text();
    const [parsed] = vevents(text);
    expect(parsed?.uid).toBe(`${row.id}@rukun`);
    expect(parsed?.summary).toBe('Kopdar Akbar: Jakarta!');
    expect(parsed?.start.toISOString()).toBe('2026-12-20T07:00:00.000Z');
    expect(text).toContain('DTSTART;TZID=Asia/Makassar:20261220T150000');

    const outsider = await createUser(api);
    expect((await get(`/api/events/${row.id}/ics`, outsider.token)).status).toBe(404);
    expect((await get(`/api/events/${row.id}/ics`)).status).toBe(401);
    expect((await get(`/api/events/no-such-event/ics`, owner.token)).status).toBe(404);
  });

  it('shows a cancelled event as STATUS:CANCELLED with its bumped SEQUENCE', async () => {
    const { owner, slug } = await communityWith(0);
    const row = await event(owner, slug, { status: 'cancelled' });
    await db().event.update({ where: { id: row.id }, data: { sequence: 3 } });
    const [parsed] = vevents(await (await get(`/api/events/${row.id}/ics`, owner.token)).text());
    expect(parsed?.status).toBe('CANCELLED');
    expect(Number(parsed?.sequence)).toBe(3);
  });
});

describe("a community's .ics", () => {
  it('holds its events from 30 days ago to a year ahead, cancelled ones included', async () => {
    const { owner, slug, members } = await communityWith(1);
    const recent = await event(owner, slug, { startsAt: new Date(NOW.getTime() - 10 * DAY) });
    const soon = await event(owner, slug, { startsAt: new Date(NOW.getTime() + 2 * DAY) });
    const cancelled = await event(owner, slug, { startsAt: new Date(NOW.getTime() + 5 * DAY), status: 'cancelled' });
    const late = await event(owner, slug, { startsAt: new Date(NOW.getTime() + 300 * DAY) });
    await event(owner, slug, { startsAt: new Date(NOW.getTime() - 40 * DAY) });
    await event(owner, slug, { startsAt: new Date(NOW.getTime() + 400 * DAY) });
    const other = await communityWith(0);
    await event(other.owner, other.slug);

    const res = await get(`/api/communities/${slug}/events.ics`, members[0]?.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${slug}.ics"`);
    const text = await res.text();
    expect(idsIn(text)).toEqual([recent.id, soon.id, cancelled.id, late.id].sort());
    expect(vevents(text).find((e) => e.uid === `${cancelled.id}@rukun`)?.status).toBe('CANCELLED');
    expect(text).toContain('X-WR-CALNAME:Komunitas Uji');
    expect(text).toContain('X-WR-TIMEZONE:Asia/Jakarta');
  });

  it('is refused to non-members, banned members and anonymous callers', async () => {
    const { owner, slug, members } = await communityWith(1);
    const outsider = await createUser(api);
    const res = await api.request('GET', `/api/communities/${slug}/events.ics`, { token: outsider.token });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'not_a_member' } });
    const banned = members[0] as TestUser;
    const ban = await api.request('POST', `/api/communities/${slug}/members/${banned.id}/sanctions`, { token: owner.token, body: { kind: 'ban', reason: 'uji' } });
    expect(ban.status).toBe(201);
    expect((await api.request('GET', `/api/communities/${slug}/events.ics`, { token: banned.token })).body).toMatchObject({ error: { code: 'banned' } });
    expect((await get(`/api/communities/${slug}/events.ics`)).status).toBe(401);
    expect((await get(`/api/communities/no-such-${unique()}/events.ics`, owner.token)).status).toBe(404);
  });
});

describe('the personal calendar feed', () => {
  it('is made, shown without its secret, rotated and revoked', async () => {
    const user = await createUser(api);
    expect((await api.request('GET', '/api/me/calendar-feed', { token: user.token })).body).toEqual({ feed: null });

    const res = await api.request<{ feed: CalendarFeed }>('POST', '/api/me/calendar-feed', { token: user.token });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { url, webcalUrl, createdAt } = res.body.feed;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(webcalUrl).toBe(url?.replace(/^http:\/\//, 'webcal://'));
    expect(createdAt).toBe(NOW.toISOString());
    const token = url?.match(/calendar\/([^.]+)\.ics$/)?.[1] ?? '';
    // Only the hash is stored.
    const stored = await db().calendarFeed.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const shown = await api.request<{ feed: CalendarFeed }>('GET', '/api/me/calendar-feed', { token: user.token });
    expect(shown.body).toEqual({ feed: { url: null, webcalUrl: null, createdAt: NOW.toISOString() } });

    const first = new URL(url ?? '').pathname;
    expect((await get(first)).status).toBe(200);
    const second = await issueFeed(user);
    expect(second.path).not.toBe(first);
    expect((await get(first)).status).toBe(404);
    expect((await get(second.path)).status).toBe(200);
    expect(await db().calendarFeed.count({ where: { userId: user.id } })).toBe(1);

    const revoked = await api.request('DELETE', '/api/me/calendar-feed', { token: user.token });
    expect(revoked.status).toBe(204);
    expect((await get(second.path)).status).toBe(404);
    expect((await api.request('GET', '/api/me/calendar-feed', { token: user.token })).body).toEqual({ feed: null });
    // Revoking again is not an error; the routes need a session.
    expect((await api.request('DELETE', '/api/me/calendar-feed', { token: user.token })).status).toBe(204);
    expect((await api.request('POST', '/api/me/calendar-feed')).status).toBe(401);
  });

  it('holds only the events I am going to or waitlisted for, cached privately for five minutes', async () => {
    const { owner, slug, members } = await communityWith(2);
    const [me, other] = members as [TestUser, TestUser];
    const going = await event(owner, slug, { title: 'Pergi' });
    const waitlisted = await event(owner, slug, { title: 'Antre' });
    const interested = await event(owner, slug, { title: 'Minat' });
    const notGoing = await event(owner, slug, { title: 'Tidak' });
    const othersOnly = await event(owner, slug, { title: 'Orang lain' });
    const cancelled = await event(owner, slug, { title: 'Batal', status: 'cancelled' });
    const old = await event(owner, slug, { title: 'Lama', startsAt: new Date(NOW.getTime() - 60 * DAY) });
    await rsvp(going.id, me, 'going');
    await rsvp(waitlisted.id, me, 'waitlisted');
    await rsvp(interested.id, me, 'interested');
    await rsvp(notGoing.id, me, 'not_going');
    await rsvp(othersOnly.id, other, 'going');
    await rsvp(cancelled.id, me, 'going');
    await rsvp(old.id, me, 'going');

    const feed = await issueFeed(me);
    const res = await get(feed.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    expect(res.headers.get('content-disposition')).toBeNull();
    const text = await res.text();
    expect(idsIn(text)).toEqual([going.id, waitlisted.id, cancelled.id].sort());
    expect(vevents(text).find((e) => e.uid === `${cancelled.id}@rukun`)?.status).toBe('CANCELLED');
    // The feed's name is in its owner's language (the factory registers users in English).
    expect(text).toContain('X-WR-CALNAME:My events · Rukun');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
  });

  it('drops the events of a community I left or was banned from', async () => {
    const a = await communityWith(1);
    const b = await communityWith(0);
    const c = await communityWith(0);
    const me = a.members[0] as TestUser;
    await join(api, me, b.slug);
    await join(api, me, c.slug);
    const inA = await event(a.owner, a.slug);
    const inB = await event(b.owner, b.slug);
    const inC = await event(c.owner, c.slug);
    for (const e of [inA, inB, inC]) await rsvp(e.id, me, 'going');
    const feed = await issueFeed(me);
    expect(idsIn(await (await get(feed.path)).text())).toEqual([inA.id, inB.id, inC.id].sort());

    // There is no leave route yet: leaving is the membership row going away.
    const communityB = await db().community.findUniqueOrThrow({ where: { slug: b.slug } });
    await db().membership.delete({ where: { communityId_userId: { communityId: communityB.id, userId: me.id } } });
    const ban = await api.request('POST', `/api/communities/${c.slug}/members/${me.id}/sanctions`, { token: c.owner.token, body: { kind: 'ban', reason: 'uji' } });
    expect(ban.status).toBe(201);
    expect(idsIn(await (await get(feed.path)).text())).toEqual([inA.id]);
  });

  it('keeps one feed per member when several are made at once: only the last URL works', async () => {
    const user = await createUser(api, { locale: 'id' });
    const made = await Promise.all(Array.from({ length: 6 }, () => api.request<{ feed: CalendarFeed }>('POST', '/api/me/calendar-feed', { token: user.token })));
    expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(await db().calendarFeed.count({ where: { userId: user.id } })).toBe(1);
    const answers = await Promise.all(made.map(async (r) => (await get(new URL(r.body.feed.url ?? '').pathname)).status));
    expect(answers.filter((s) => s === 200)).toHaveLength(1);
    expect(answers.filter((s) => s === 404)).toHaveLength(5);
    const working = made[answers.indexOf(200)]?.body.feed.url ?? '';
    // A member who reads Indonesian gets the feed's name in Indonesian.
    expect(await (await get(new URL(working).pathname)).text()).toContain('X-WR-CALNAME:Acara saya · Rukun');
  });

  it('answers 404 to a token that is unknown or not a token at all', async () => {
    for (const token of [randomBytes(32).toString('base64url'), 'short', 'x'.repeat(150), '%E2%80%AE', 'a.b']) {
      const res = await api.request('GET', `/api/calendar/${token}.ics`);
      expect(res.status, token).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await api.request('GET', `/api/calendar/${'y'.repeat(300)}.ics`)).status).toBeLessThan(500);
  });

  it('never writes its token into the access log', async () => {
    const user = await createUser(api);
    const feed = await issueFeed(user);
    const token = feed.path.match(/calendar\/([^.]+)\.ics$/)?.[1] ?? '';
    expect(token).toHaveLength(43);
    expect((await get(feed.path)).status).toBe(200);
    // Routing ignores letter case, so must the redaction.
    expect((await get(feed.path.replace('/api/calendar/', '/API/Calendar/'))).status).toBe(200);
    const unknown = randomBytes(32).toString('base64url');
    expect((await get(`/api/calendar/${unknown}.ics`)).status).toBe(404);
    // The POST's answer carries the token too: the log keeps responses' headers, never bodies.
    const log = lines.join('');
    expect(log).toContain('/api/calendar/[Redacted]');
    expect(log).toContain('/API/Calendar/[Redacted]');
    expect(log).not.toContain(token);
    expect(log).not.toContain(unknown);
  });
});

describe('feed rate limits', () => {
  let limited: TestServer;
  let limitedApi: ApiClient;
  beforeAll(async () => {
    limited = await startTestServer({ now: () => NOW, env: { RUKUN_RATE_LIMITS: 'on', RATE_LIMIT_REGISTER_PER_HOUR: '1000', RATE_LIMIT_CALENDAR_FEED_PER_HOUR: '3' } });
    limitedApi = apiClient(limited.baseUrl);
  });
  afterAll(async () => {
    await limited?.close();
  });

  async function statuses(path: string, times: number): Promise<{ codes: number[]; retryAfter: string | null }> {
    const codes: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < times; i++) {
      const res = await fetch(`${limited.baseUrl}${path}`);
      codes.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    return { codes, retryAfter };
  }

  async function feedPath(): Promise<string> {
    const user = await createUser(limitedApi);
    const res = await limitedApi.request<{ feed: CalendarFeed }>('POST', '/api/me/calendar-feed', { token: user.token });
    return new URL(res.body.feed.url ?? '').pathname;
  }

  it('limits each feed, and fetches of other feeds from the same address go on', async () => {
    const [first, second] = [await feedPath(), await feedPath()];
    const { codes, retryAfter } = await statuses(first, 4);
    expect(codes).toEqual([200, 200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Calendar services fetch many members' feeds from one address: successful fetches do not use up the address.
    expect((await statuses(second, 3)).codes).toEqual([200, 200, 200]);
  });

  it('limits guessing per address, with the contract error body', async () => {
    const guess = () => `/api/calendar/${randomBytes(32).toString('base64url')}.ics`;
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await fetch(`${limited.baseUrl}${guess()}`)).status);
    expect(codes).toEqual([404, 404, 404, 429]);
    const res = await limitedApi.request('GET', guess());
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ error: { code: 'rate_limited' } });
  });
});
