// The typed Socket.IO connection. Same origin: the browser sends the HttpOnly session cookie with the handshake.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../server/contracts/events';

export type RukunSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens a connection for the signed-in user; socket.io-client reconnects by itself with backoff. */
export function connectSocket(): RukunSocket {
  return io({ path: '/socket.io', withCredentials: true });
}
