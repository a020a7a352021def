// The typed Socket.IO server: handshake auth (token or cookie), community:join with ack, rooms per role.
// The Redis adapter carries every emit to sockets on other server processes.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../contracts/events';
import type { Deps } from '../deps';
import { errorMessage } from '../errorMessages';
import { isAppError, type ErrorCode } from '../errors';
import { resolveSession, tokenFromHeaders, type AuthUser } from '../middlewares/authenticate';
import { loadActor } from '../queries/actor';
import { createAdapterParser } from './adapterParser';
import { handshakeOriginAllowed } from './handshakeOrigin';
import { allCommunityRooms, roomsForRole, userRoom } from './rooms';

interface SocketData {
  user: AuthUser;
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
      next();
    } catch {
      next(new Error('service_unavailable'));
    }
  });

  io.on('connection', (socket) => {
    deps.metrics.socketsConnected.inc();
    socket.on('disconnect', () => deps.metrics.socketsConnected.dec());
    void socket.join(userRoom(socket.data.user.id));
    socket.on('community:join', (request, ack) => void handleJoin(deps, socket, request, ack));
    socket.on('community:leave', (request, ack) => void handleLeave(deps, socket, request, ack));
    // Connection-state recovery needs one event after connect; it also tells the client who it is.
    socket.emit('hello', { userId: socket.data.user.id });
  });
  return io;
}

function failure(code: ErrorCode, socket: RukunSocket): Ack {
  return { ok: false, error: { code, message: errorMessage(code, socket.data.user.locale) } };
}

function safeAck(ack: unknown): (reply: Ack) => void {
  return typeof ack === 'function' ? (ack as (reply: Ack) => void) : () => undefined;
}

async function handleJoin(deps: Deps, socket: RukunSocket, request: unknown, rawAck: unknown): Promise<void> {
  const ack = safeAck(rawAck);
  const slug = request && typeof request === 'object' && 'slug' in request && typeof request.slug === 'string' ? request.slug : null;
  if (!slug || slug.length > 64) return ack(failure('validation_failed', socket));
  try {
    const community = await deps.db.community.findUnique({ where: { slug }, select: { id: true } });
    if (!community) return ack(failure('not_found', socket));
    const actor = await loadActor(deps.sql, { communityId: community.id, userId: socket.data.user.id, now: deps.now() });
    if (actor.banned) return ack(failure('banned', socket));
    if (!actor.role) return ack(failure('not_a_member', socket));
    // A role may have changed since the last join: leave every room of the community, then join the right ones.
    for (const room of allCommunityRooms(community.id)) await socket.leave(room);
    await socket.join(roomsForRole(community.id, actor.role));
    ack({ ok: true, role: actor.role });
  } catch (err) {
    ack(failure(isAppError(err) ? err.code : 'service_unavailable', socket));
  }
}

async function handleLeave(deps: Deps, socket: RukunSocket, request: unknown, rawAck: unknown): Promise<void> {
  const ack = safeAck(rawAck);
  const slug = request && typeof request === 'object' && 'slug' in request && typeof request.slug === 'string' ? request.slug : null;
  if (!slug) return ack(failure('validation_failed', socket));
  const community = await deps.db.community.findUnique({ where: { slug }, select: { id: true } });
  if (community) for (const room of allCommunityRooms(community.id)) await socket.leave(room);
  ack({ ok: true });
}
