// The benchmark's side of the contract: JSON over a keep-alive undici pool, and Socket.IO listeners that timestamp
// the events they hear. Only public HTTP and Socket.IO are used, as a real client would.
import { io, type Socket } from 'socket.io-client';
import { Pool } from 'undici';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/contracts/events';

export interface Http {
  pool: Pool;
  /** Sends JSON and returns status and parsed body. */
  json<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** A pool of `connections` keep-alive connections to `baseUrl`. */
export function createHttp(baseUrl: string, connections: number): Http {
  const pool = new Pool(baseUrl, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  return {
    pool,
    async json(method, path, options = {}) {
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const res = await pool.request({ method, path, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await res.body.text();
      return { status: res.statusCode, body: (text ? JSON.parse(text) : null) as never };
    },
    close: () => pool.close(),
  };
}

export interface BenchUser {
  id: string;
  token: string;
}

/** Registers a user through the API (scrypt runs here, once per user, outside every measurement). */
export async function registerUser(http: Http, handle: string): Promise<BenchUser> {
  const res = await http.json<{ user: { id: string }; token: string }>('POST', '/api/auth/register', {
    body: { handle, email: `${handle}@bench.test`, password: 'kata-sandi-bench', displayName: handle, locale: 'en' },
  });
  if (res.status !== 201) throw new Error(`register ${handle}: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, token: res.body.token };
}

/** Asserts an expected status, naming the step. */
export function expectStatus(step: string, res: { status: number; body: unknown }, status: number): void {
  if (res.status !== status) throw new Error(`${step}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
}

type EventName = keyof ServerToClientEvents;

/** The parts of a post or queue-item event the benchmark reads: the body names the post, the times mark its stages. */
export interface HeardPayload {
  post?: { id: string; body: string; createdAt: string; publishedAt: string | null };
  item?: { openedAt: string };
}

export interface Listener {
  /** Called with the event's payload and the time (performance.now()) it arrived. */
  on(event: EventName, handler: (payload: HeardPayload, at: number) => void): void;
  close(): void;
}

/** Connects over WebSocket with a token and joins one community's rooms. */
export async function listen(baseUrl: string, token: string, slug: string): Promise<Listener> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await socket.timeout(10_000).emitWithAck('community:join', { slug });
  if (!ack.ok) throw new Error(`community:join ${slug}: ${JSON.stringify(ack)}`);
  return {
    on(event, handler) {
      socket.on(event, ((payload: HeardPayload) => handler(payload, performance.now())) as never);
    },
    close: () => void socket.close(),
  };
}
