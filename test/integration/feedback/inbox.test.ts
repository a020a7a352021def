// The inbox on an injected clock: what waits longest comes first (unanswered open items oldest first, then the
// rest newest first), the counts for the tabs, the filters (status, kind, assignee me/none/id, waitingHours), and
// cursor paging that crosses from the waiting part to the rest without losing or repeating an item.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Feedback } from '../../../server/contracts/surveys';
import { apiClient, type ApiClient } from '../../helpers/api';
import type { TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { cast, feedbackCalls, type Cast } from './feedbackSupport';

const START = new Date('2026-12-05T01:00:00.000Z');
const HOUR = 3_600_000;
let clock = START;
let server: TestServer;
let api: ApiClient;
let calls: ReturnType<typeof feedbackCalls>;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  api = apiClient(server.baseUrl);
  calls = feedbackCalls(api);
});
beforeEach(() => {
  clock = START;
});
afterAll(async () => {
  await server?.close();
});

const at = (hours: number) => {
  clock = new Date(START.getTime() + hours * HOUR);
};

interface Scene extends Cast {
  a: Feedback;
  b: Feedback;
  c: Feedback;
  d: Feedback;
}

/**
 * A question at 0 h (claimed by the manager), a suggestion at 1 h (answered at 4 h), a problem at 2 h (resolved
 * unanswered at 4 h) and a question at 3 h (claimed by the moderator); the clock then stands at 5 h.
 */
async function scene(): Promise<Scene> {
  const people = await cast(api);
  const { member, memberId, moderator, manager, community } = people;
  at(0);
  const a = await calls.sent(member, community.slug, { kind: 'question', body: 'Kapan kopdar berikutnya?' });
  at(1);
  const b = await calls.sent(memberId, community.slug, { kind: 'suggestion', body: 'Adakan kelas fotografi' });
  at(2);
  const c = await calls.sent(member, community.slug, { kind: 'problem', body: 'Gambar di kiriman saya tidak muncul' });
  at(3);
  const d = await calls.sent(memberId, community.slug, { kind: 'question', body: 'Bagaimana cara ganti nama?' });
  at(4);
  expect((await calls.patch(moderator, b.id, { reply: 'Ide bagus, kami diskusikan.' })).status).toBe(200);
  expect((await calls.patch(moderator, c.id, { status: 'resolved' })).status).toBe(200);
  expect((await calls.patch(manager, a.id, { assignee: 'me' })).status).toBe(200);
  expect((await calls.patch(moderator, d.id, { assignee: 'me' })).status).toBe(200);
  at(5);
  return { ...people, a, b, c, d };
}

const ids = (items: Feedback[]) => items.map((f) => f.id);

async function inboxIds(user: TestUser, slug: string, query = ''): Promise<string[]> {
  const res = await calls.inbox(user, slug, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ids(res.body.items);
}

describe('order and counts', () => {
  it('puts unanswered open items first, oldest first, then the rest newest first; counts per status', async () => {
    const { moderator, community, a, b, c, d } = await scene();
    const res = await calls.inbox(moderator, community.slug);
    expect(res.status).toBe(200);
    expect(ids(res.body.items)).toEqual([a.id, d.id, c.id, b.id]);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.counts).toEqual({ new: 2, in_progress: 1, resolved: 1, held: 0 });
    const byId = new Map(res.body.items.map((f) => [f.id, f]));
    expect(byId.get(b.id)).toMatchObject({ status: 'in_progress', firstResponseAt: new Date(START.getTime() + 4 * HOUR).toISOString(), replyCount: 1 });
    expect(byId.get(c.id)).toMatchObject({ status: 'resolved', resolvedAt: new Date(START.getTime() + 4 * HOUR).toISOString(), firstResponseAt: null });
    expect(byId.get(d.id)?.assignee).toMatchObject({ id: moderator.id });
  });

  it('pages with a cursor across both parts, each item once, in the same order', async () => {
    const { manager, community, a, b, c, d } = await scene();
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await calls.inbox(manager, community.slug, query);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...ids(res.body.items));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen, `limit ${limit}`).toEqual([a.id, d.id, c.id, b.id]);
    }
  });

  it('shows only its own community', async () => {
    const first = await scene();
    const second = await scene();
    expect(await inboxIds(first.moderator, first.community.slug)).toHaveLength(4);
    expect(await inboxIds(second.moderator, second.community.slug)).not.toContain(first.a.id);
  });
});

describe('filters', () => {
  it('by status and kind', async () => {
    const { moderator, community, a, b, c, d } = await scene();
    expect(await inboxIds(moderator, community.slug, '?status=new')).toEqual([a.id, d.id]);
    expect(await inboxIds(moderator, community.slug, '?status=in_progress')).toEqual([b.id]);
    expect(await inboxIds(moderator, community.slug, '?status=resolved')).toEqual([c.id]);
    expect(await inboxIds(moderator, community.slug, '?kind=question')).toEqual([a.id, d.id]);
    expect(await inboxIds(moderator, community.slug, '?kind=problem&status=resolved')).toEqual([c.id]);
    expect(await inboxIds(moderator, community.slug, '?kind=suggestion&status=new')).toEqual([]);
  });

  it('by assignee: me, none, or a user id', async () => {
    const { moderator, manager, community, a, b, c, d } = await scene();
    expect(await inboxIds(moderator, community.slug, '?assignee=me')).toEqual([d.id]);
    expect(await inboxIds(manager, community.slug, '?assignee=me')).toEqual([a.id]);
    expect(await inboxIds(moderator, community.slug, '?assignee=none')).toEqual([c.id, b.id]);
    expect(await inboxIds(moderator, community.slug, `?assignee=${manager.id}`)).toEqual([a.id]);
  });

  it('waitingHours=N keeps only unanswered open items older than N hours, on the injected clock', async () => {
    const { moderator, community, a, d } = await scene();
    // Now is 5 h: a was sent 5 h ago, d 2 h ago; b is answered and c resolved, so neither waits.
    expect(await inboxIds(moderator, community.slug, '?waitingHours=0')).toEqual([a.id, d.id]);
    expect(await inboxIds(moderator, community.slug, '?waitingHours=1')).toEqual([a.id, d.id]);
    expect(await inboxIds(moderator, community.slug, '?waitingHours=2')).toEqual([a.id]);
    expect(await inboxIds(moderator, community.slug, '?waitingHours=4')).toEqual([a.id]);
    expect(await inboxIds(moderator, community.slug, '?waitingHours=5')).toEqual([]);
    at(30);
    expect(await inboxIds(moderator, community.slug, '?waitingHours=24')).toEqual([a.id, d.id]);
    expect(await inboxIds(moderator, community.slug, '?waitingHours=28')).toEqual([a.id]);
    // Answering takes an item out of the waiting view.
    expect((await calls.patch(moderator, a.id, { reply: 'Bulan depan, di Jakarta.' })).status).toBe(200);
    expect(await inboxIds(moderator, community.slug, '?waitingHours=24')).toEqual([d.id]);
  });

  it('refuses malformed filters and cursors with 400', async () => {
    const { moderator, community } = await scene();
    for (const query of ['?status=done', '?kind=complaint', '?screening=maybe', '?waitingHours=-1', '?waitingHours=abc', '?limit=0', '?limit=101', '?cursor=bukan-kursor', `?cursor=${Buffer.from('[2,"x","y"]').toString('base64url')}`]) {
      expectError(await calls.inbox(moderator, community.slug, query), 400);
    }
  });
});
