// The one place that emits. It runs after the commit, loads the committed state and sends it to the right rooms,
// through either the Socket.IO server (server process) or the Redis emitter (worker process).
import type { ServerToClientEvents } from '../contracts/events';
import type { SqlLane } from '../db/sqlLane';
import type { Db } from '../db/client';
import { loadEventBroadcastOnLane } from '../queries/eventViewOnLane';
import type { DomainEvent } from '../commands/outcome';
import { loadPostAudienceViews } from '../queries/postViews';
import { loadNotification } from '../queries/notifications';
import { loadQueueItem } from '../queries/queueItems';
import { loadFeedbackBroadcast } from '../queries/feedback';
import { loadActor } from '../queries/actor';
import { findCommunitySlug } from '../queries/communities';
import { loadSurveyCounts } from '../queries/surveyOnLane';
import { allCommunityRooms, managersRoom, membersRoom, moderatorsRoom, roomsForRole, sessionRoom, userRoom } from './rooms';
import type { Logger } from '../logger';
import type { Clock } from '../lib/clock';

type EventName = keyof ServerToClientEvents;

/**
 * What both `io` and the Redis emitter offer: emit an event to a set of rooms, leaving out others; take the sockets
 * of a room out of other rooms, or disconnect them, on every server process (requests through the adapter).
 */
export interface BroadcastOperator {
  except(rooms: string | string[]): BroadcastOperator;
  emit(event: EventName, payload: unknown): unknown;
  socketsLeave(rooms: string | string[]): void;
  disconnectSockets(close?: boolean): void;
}
export interface BroadcastTarget {
  to(rooms: string | string[]): BroadcastOperator;
  /**
   * This process's own sockets, when it is a Socket.IO server. The adapter applies a cluster-wide leave or
   * disconnect here only when the request comes back from Redis, after this process's own emits (which it delivers
   * at once): revocations go through `local` first, so nothing emitted here afterwards reaches a revoked socket.
   */
  local?: BroadcastTarget;
}

export type Announce = (events: DomainEvent[]) => Promise<void>;

/** Builds the announcer for a process; failures are logged, never thrown into the request that caused them. */
export function createAnnouncer(deps: { db: Db; sql: SqlLane; target: BroadcastTarget; logger: Logger; now: Clock }): Announce {
  const { db, sql, target, logger, now } = deps;
  const emit = (rooms: string[], event: EventName, payload: unknown, except: string[] = []) => target.to(rooms).except(except).emit(event, payload);
  /** This process first, then every process: another process hears the request before any later broadcast of ours. */
  const everywhere = (room: string, act: (operator: BroadcastOperator) => void) => {
    if (target.local) act(target.local.to(room));
    act(target.to(room));
  };

  /**
   * Loads shared by the events of one outcome: a held post announces the same post and item twice (queue:item_opened
   * and post:held), and each load is a handful of queries. One outcome's events describe one committed state.
   */
  function loadsForOneOutcome() {
    const posts = new Map<string, ReturnType<typeof loadPostAudienceViews>>();
    const items = new Map<string, ReturnType<typeof loadQueueItem>>();
    const once = <T>(cache: Map<string, T>, key: string, load: () => T): T => {
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const value = load();
      cache.set(key, value);
      return value;
    };
    return {
      post: (postId: string) => once(posts, postId, () => loadPostAudienceViews(sql, postId)),
      item: (itemId: string) => once(items, itemId, () => loadQueueItem(sql, itemId, now())),
    };
  }

  async function announceOne(event: DomainEvent, load: ReturnType<typeof loadsForOneOutcome>): Promise<void> {
    switch (event.type) {
      case 'post:published':
      case 'post:updated':
      case 'post:removed':
      case 'post:changed_private': {
        // Members see censored text; the author and the moderators see what was written (as over HTTP).
        const views = await load.post(event.postId);
        if (!views) return;
        const { members: post, insiders: original } = views;
        const insiders = [moderatorsRoom(event.communityId), userRoom(event.authorId)];
        const members = membersRoom(event.communityId);
        const payload = { communitySlug: post.communitySlug, post };
        const insiderPayload = { communitySlug: post.communitySlug, post: original };
        if (event.type === 'post:changed_private') {
          emit(insiders, 'post:updated', insiderPayload);
        } else if (post.status === 'published' && post.body === original.body && post.title === original.title) {
          // Nothing censored: one broadcast to everyone (a socket in several of the rooms gets it once).
          emit([members, ...insiders], event.type, payload);
        } else if (post.status === 'published') {
          emit([members], event.type, payload, insiders);
          emit(insiders, event.type, insiderPayload);
        } else {
          // Whatever the command said, a post that is not published now never reaches members with its text:
          // they get a removal without the content; its author and the moderators get the real state.
          emit([members], 'post:removed', { communitySlug: post.communitySlug, post: { ...post, title: null, body: '', tags: [] } }, insiders);
          emit(insiders, 'post:updated', insiderPayload);
        }
        return;
      }
      case 'post:held': {
        const post = (await load.post(event.postId))?.insiders;
        const item = await load.item(event.itemId);
        if (!post || !item) return;
        emit([moderatorsRoom(event.communityId)], 'post:held', {
          communitySlug: post.communitySlug,
          post,
          itemId: item.id,
          reasons: item.reasons,
        });
        emit([userRoom(event.authorId)], 'post:updated', { communitySlug: post.communitySlug, post });
        return;
      }
      case 'queue:item_opened':
      case 'queue:item_updated': {
        const item = await load.item(event.itemId);
        if (!item) return;
        const post = (await load.post(item.postId))?.insiders;
        if (!post) return;
        emit([moderatorsRoom(event.communityId)], event.type, { communitySlug: post.communitySlug, item, post });
        return;
      }
      case 'access:changed': {
        // The standing after the commit decides; only rooms are taken away here, the client joins again for more.
        const [actor, slug] = await Promise.all([
          loadActor(sql, { communityId: event.communityId, userId: event.userId, now: now() }),
          findCommunitySlug(sql, event.communityId),
        ]);
        if (slug === undefined) return;
        const allowed = actor.role ? roomsForRole(event.communityId, actor.role) : [];
        const lost = allCommunityRooms(event.communityId).filter((room) => !allowed.includes(room));
        everywhere(userRoom(event.userId), (sockets) => sockets.socketsLeave(lost));
        emit([userRoom(event.userId)], 'membership:changed', { communitySlug: slug, role: actor.role });
        return;
      }
      case 'session:ended':
        everywhere(sessionRoom(event.sessionId), (sockets) => sockets.disconnectSockets(true));
        return;
      case 'notification': {
        const notification = await loadNotification(sql, event.notificationId);
        if (!notification) return;
        emit([userRoom(event.userId)], 'notification', { communitySlug: notification.communitySlug, notification });
        return;
      }
      case 'event:updated': {
        // Fresh counts for everyone in the community (every role is in the members room); myRsvp stays null.
        // On the lane: every RSVP announces one of these (bench/README.md, Events).
        const communityEvent = await loadEventBroadcastOnLane(sql, event.eventId, now());
        if (!communityEvent) return;
        emit([membersRoom(event.communityId)], 'event:updated', { communitySlug: communityEvent.communitySlug, event: communityEvent });
        return;
      }
      case 'survey:response': {
        // Counts only, to the managers: never who answered, never what (anonymous surveys included).
        const counts = await loadSurveyCounts(sql, event.surveyId);
        if (!counts) return;
        emit([managersRoom(event.communityId)], 'survey:response', { communitySlug: counts.communitySlug, surveyId: event.surveyId, responseCount: counts.responseCount, memberResponseCount: counts.memberResponseCount, responseRate: counts.responseRate });
        return;
      }
      case 'feedback:new': {
        // Managers and owners are in the moderators' room too (rooms.ts): one emit reaches every inbox.
        const feedback = await loadFeedbackBroadcast(db, event.feedbackId);
        if (!feedback) return;
        emit([moderatorsRoom(event.communityId)], 'feedback:new', { communitySlug: feedback.communitySlug, feedback });
        return;
      }
    }
  }

  return async (events) => {
    const load = loadsForOneOutcome();
    for (const event of events) {
      try {
        await announceOne(event, load);
      } catch (err) {
        logger.warn({ err, event }, 'could not announce an event');
      }
    }
  };
}
