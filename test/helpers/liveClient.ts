// A Socket.IO client for tests that records every event it hears, so a test can await an event that may already
// have arrived. socketPool opens clients against one server and closes them all at once.
import { io as connect, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import type { Ack } from '../../server/contracts/events';

interface Received {
  event: string;
  payload: unknown;
}

/** A connected Socket.IO client that records every event it hears. */
export interface LiveClient {
  socket: Socket;
  received: Received[];
  /** The first payload (already received or future) of `event` that satisfies `match`. */
  next<T>(event: string, match?: (payload: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Joins the community's rooms and asserts the ack is ok. */
  join(slug: string): Promise<Ack>;
  /** Joins and returns the ack as it is, for tests of refusals. */
  joinAck(slug: string): Promise<Ack>;
}

/** Opens sockets against one server and closes them all at once. */
export function socketPool(baseUrl: () => string) {
  const sockets: Socket[] = [];
  return {
    async connect(token: string): Promise<LiveClient> {
      const socket = connect(baseUrl(), { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const received: Received[] = [];
      const waiters: { event: string; match: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
      socket.onAny((event: string, payload: unknown) => {
        received.push({ event, payload });
        for (const w of [...waiters]) {
          if (w.event === event && w.match(payload)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(payload);
          }
        }
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return {
        socket,
        received,
        next<T>(event: string, match: (payload: T) => boolean = () => true, timeoutMs = 10_000) {
          const seen = received.find((r) => r.event === event && match(r.payload as T));
          if (seen) return Promise.resolve(seen.payload as T);
          return new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no matching ${event} within ${timeoutMs} ms; got ${received.map((r) => r.event).join(', ')}`)), timeoutMs);
            waiters.push({ event, match: match as (p: unknown) => boolean, resolve: (p) => (clearTimeout(timer), resolve(p as T)) });
          });
        },
        joinAck(slug) {
          return socket.timeout(5000).emitWithAck('community:join', { slug }) as Promise<Ack>;
        },
        async join(slug) {
          const ack = (await socket.timeout(5000).emitWithAck('community:join', { slug })) as Ack;
          expect(ack).toMatchObject({ ok: true });
          return ack;
        },
      };
    },
    closeAll(): void {
      for (const socket of sockets.splice(0)) socket.disconnect();
    },
  };
}
