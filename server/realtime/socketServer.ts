// The typed Socket.IO server: handshake auth (token or cookie, the cookie only from our own origins), community:join
// with ack, rooms per role. The Redis adapter carries every emit, leave and disconnect to the other server processes.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../contracts/events';
import type { Deps } from '../deps';
import { errorMessage } from '../errorMessages';
import { isAppError, type ErrorCode } from '../errors';
import { resolveSession, tokenFromHeaders, type AuthUser } from '../middlewares/authenticate';
import type { Actor } from '../policies/actor';
import { loadActor } from '../queries/actor';
import { sessionIsLive } from '../queries/sessions';
import { createAdapterParser } from './adapterParser';
import type { BroadcastOperator, BroadcastTarget } from './announce';
import { handshakeOriginAllowed } from './handshakeOrigin';
import { allCommunityRooms, roomsForRole, sessionRoom, userRoom } from './rooms';

interface SocketData {
  user: AuthUser;
  sessionId: string;
}

export type RukunServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RukunSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The Redis channel prefix shared by the adapter (servers) and the emitter (workers). */
export const socketKey = (prefix: string): string => `${prefix}:socket.io`;

/** Attaches Socket.IO to the HTTP server; `pub`/`sub` are dedicated Redis connections for the adapter. */
export function attachSocketServer(options: { httpServer: HttpServer; deps: Deps; pub: Redis; sub: Redis }): RukunServer {
  const { deps } = options;
  const io: RukunServer = new Server(options.httpServer, {
    adapter: createAdapter(options.pub, options.sub, { key: socketKey(deps.config.QUEUE_PREFIX), parser: createAdapterParser() }),
    serveClient: false,
    cors: deps.config.PUBLIC_ORIGINS.length ? { origin: deps.config.PUBLIC_ORIGINS, credentials: true } : undefined,
  });

  io.use(async (socket, next) => {
    const auth: unknown = socket.handshake.auth;
    const token = auth && typeof auth === 'object' && 'token' in auth && typeof auth.token === 'string' ? auth.token : undefined;
    const found = token ? { token, via: 'bearer' as const } : tokenFromHeaders({ cookie: socket.handshake.headers.cookie });
    const { PUBLIC_ORIGINS: allowedOrigins, TRUST_PROXY: trustProxy } = deps.config;
    if (found?.via === 'cookie' && !handshakeOriginAllowed(socket.handshake, { allowedOrigins, trustProxy })) return next(new Error('origin_mismatch'));
    try {
      const session = found ? await resolveSession(deps, found.token) : null;
      if (!session) return next(new Error('unauthenticated'));
      socket.data.user = session.user;
      socket.data.sessionId = session.sessionId;
      next();
    } catch {
      next(new Error('service_unavailable'));
    }
  });

  io.on('connection', (socket) => {
    deps.metrics.socketsConnected.inc();
    socket.on('disconnect', () => deps.metrics.socketsConnected.dec());
    // The user's room hears changes of their standing; the session's room is how a logout reaches this socket.
    void socket.join([userRoom(socket.data.user.id), sessionRoom(socket.data.sessionId)]);
    socket.on('community:join', (request, ack) => void handleJoin(deps, socket, request, ack));
    socket.on('community:leave', (request, ack) => void handleLeave(deps, socket, request, ack));
    // Connection-state recovery needs one event after connect; it also tells the client who it is.
    socket.emit('hello', { userId: socket.data.user.id });
  });
  return io;
}

/** The announcer's target in a server process: every process through the adapter, and this one's sockets first. */
export function socketTarget(io: RukunServer): BroadcastTarget {
  return {
    to: (rooms) => io.to(rooms) as unknown as BroadcastOperator,
    local: { to: (rooms) => io.local.to(rooms) as unknown as BroadcastOperator },
  };
}

function failure(code: ErrorCode, socket: RukunSocket): Ack {
  return { ok: false, error: { code, message: errorMessage(code, socket.data.user.locale) } };
}

function safeAck(ack: unknown): (reply: Ack) => void {
  return typeof ack === 'function' ? (ack as (reply: Ack) => void) : () => undefined;
}

/** How many times a join re-reads a standing that changed under it before it gives up (a change needs one more). */
const JOIN_ATTEMPTS = 3;

async function handleJoin(deps: Deps, socket: RukunSocket, request: unknown, rawAck: unknown): Promise<void> {
  const ack = safeAck(rawAck);
  const slug = request && typeof request === 'object' && 'slug' in request && typeof request.slug === 'string' ? request.slug : null;
  if (!slug || slug.length > 64) return ack(failure('validation_failed', socket));
  try {
    // The session may have ended since the handshake (logout elsewhere, expiry): such a socket is done.
    if (!(await sessionIsLive(deps.sql, { sessionId: socket.data.sessionId, now: deps.now() }))) {
      ack(failure('unauthenticated', socket));
      socket.disconnect(true);
      return;
    }
    const community = await deps.db.community.findUnique({ where: { slug }, select: { id: true } });
    if (!community) return ack(failure('not_found', socket));
    const standing = () => loadActor(deps.sql, { communityId: community.id, userId: socket.data.user.id, now: deps.now() });
    let actor = await standing();
    for (let attempt = 1; ; attempt += 1) {
      await enterRooms(socket, community.id, actor);
      // A change committed between the read and the join announced its leave before this socket joined: read again
      // after joining, so a socket never keeps rooms of a standing that no longer holds.
      const now = await standing();
      if (now.role === actor.role && now.banned === actor.banned) break;
      actor = now;
      if (attempt === JOIN_ATTEMPTS) {
        await enterRooms(socket, community.id, { ...actor, role: null });
        return ack(failure('service_unavailable', socket));
      }
    }
    if (actor.banned) return ack(failure('banned', socket));
    if (!actor.role) return ack(failure('not_a_member', socket));
    ack({ ok: true, role: actor.role });
  } catch (err) {
    ack(failure(isAppError(err) ? err.code : 'service_unavailable', socket));
  }
}

/** Leaves every room of the community, then joins those of the actor's role (none for a non-member or a banned user). */
async function enterRooms(socket: RukunSocket, communityId: string, actor: Actor): Promise<void> {
  for (const room of allCommunityRooms(communityId)) await socket.leave(room);
  if (actor.role && !actor.banned) await socket.join(roomsForRole(communityId, actor.role));
}

async function handleLeave(deps: Deps, socket: RukunSocket, request: unknown, rawAck: unknown): Promise<void> {
  const ack = safeAck(rawAck);
  const slug = request && typeof request === 'object' && 'slug' in request && typeof request.slug === 'string' ? request.slug : null;
  if (!slug) return ack(failure('validation_failed', socket));
  const community = await deps.db.community.findUnique({ where: { slug }, select: { id: true } });
  if (community) for (const room of allCommunityRooms(community.id)) await socket.leave(room);
  ack({ ok: true });
}
