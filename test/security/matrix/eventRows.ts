// Matrix rows of the events work (issue 10), event part: one per route, as the contract says. Members read events;
// only managers and owners create, edit and cancel them. An event id is something a non-member or a banned user may
// not know exists (404, as posts); the community's list answers like the posts list (403 not_a_member / banned).
import { insertEvent } from '../../helpers/eventRows';
import { UNAUTHENTICATED, OK, CREATED, FORBIDDEN, NOT_MEMBER, BANNED, NOT_FOUND, slug, type CellContext, type Row } from './cells';

const HOUR = 3_600_000;

/** A fresh scheduled event of the world (written directly), so a call that edits or cancels it changes no other row. */
async function freshEvent({ env, world }: CellContext): Promise<string> {
  const event = await insertEvent(env.db, { communitySlug: world.community.slug, createdById: world.owner.id, title: 'Kopdar matriks' });
  return event.id;
}

/** Readers: every member, whatever their sanctions. */
const READ_BY_ID: Row['expect'] = { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: OK, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: OK, suspended: OK };
/** Writers: managers and owners; members who may see the event get 403, others 404. */
const WRITE_BY_ID: Row['expect'] = { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: FORBIDDEN, moderator: FORBIDDEN, manager: OK, owner: OK, banned: NOT_FOUND, muted: FORBIDDEN, suspended: FORBIDDEN };

export const EVENT_ROWS: Record<string, Row> = {
  'GET /api/communities/{slug}/events': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_MEMBER, otherModerator: NOT_MEMBER, otherManager: NOT_MEMBER, member: OK, moderator: OK, manager: OK, owner: OK, banned: BANNED, muted: OK, suspended: OK },
    call: async (ctx) => slug(ctx),
  },
  'POST /api/communities/{slug}/events': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: CREATED, owner: CREATED, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => {
      const startsAt = Date.now() + 48 * HOUR;
      return {
        ...slug(ctx),
        body: { title: 'Kopdar matriks', startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 2 * HOUR).toISOString(), timezone: 'Asia/Jakarta', capacity: 20, reminders: [60] },
      };
    },
  },
  'GET /api/events/{id}': { expect: READ_BY_ID, call: async (ctx) => ({ params: { id: await freshEvent(ctx) } }) },
  'PATCH /api/events/{id}': {
    expect: WRITE_BY_ID,
    call: async (ctx) => ({ params: { id: await freshEvent(ctx) }, body: { title: 'Kopdar matriks (diubah)', sequence: 0 } }),
  },
  'POST /api/events/{id}/cancel': { expect: WRITE_BY_ID, call: async (ctx) => ({ params: { id: await freshEvent(ctx) } }) },
};
