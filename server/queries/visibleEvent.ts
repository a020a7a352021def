// The one way routes load an event by id: the event, its community's slug and the caller as an actor of that
// community, or 404 before any other check for an event the caller may not know exists (as loadVisiblePost).
import type { Deps } from '../deps';
import { fail } from '../errors';
import { loadActor } from './actor';

/** An event the user may see (members of its community, not banned), with the user as an actor; 404 otherwise. */
export async function loadVisibleEvent(deps: Pick<Deps, 'db' | 'sql' | 'now'>, input: { userId: string; eventId: string }) {
  const event = await deps.db.event.findUnique({ where: { id: input.eventId }, include: { community: { select: { slug: true, name: true } } } });
  if (!event) fail('not_found');
  const actor = await loadActor(deps.sql, { communityId: event.communityId, userId: input.userId, now: deps.now() });
  if (actor.banned || actor.role === null) fail('not_found');
  return { event, actor };
}
