// A Socket.IO client joined to one community that records every event it hears, for tests that count
// announcements (exactly one `post:published` per post, one `queue:item_opened` per held post).
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../server/contracts/events';

type EventName = keyof ServerToClientEvents;

export interface Heard {
  event: EventName;
  postId: string | null;
}

export interface LiveClient {
  heard: Heard[];
  /** How often `event` was heard about `postId`. */
  count(event: EventName, postId: string): number;
  /** Resolves once `event` was heard about every post in `postIds`; rejects after `timeoutMs` naming the missing ones. */
  waitFor(event: EventName, postIds: string[], timeoutMs?: number): Promise<void>;
  close(): void;
}

const RECORDED: EventName[] = ['post:published', 'post:updated', 'post:removed', 'post:held', 'queue:item_opened', 'queue:item_updated'];

/** Connects with the user's token over WebSocket and joins the community's rooms for the user's role. */
export async function connectLiveClient(baseUrl: string, token: string, slug: string): Promise<LiveClient> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, { auth: { token }, transports: ['websocket'], reconnection: false });
  const heard: Heard[] = [];
  const waiters = new Set<() => void>();
  for (const event of RECORDED) {
    socket.on(event, ((payload: { post?: { id: string } }) => {
      heard.push({ event, postId: payload.post?.id ?? null });
      for (const wake of waiters) wake();
    }) as never);
  }
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await socket.timeout(5000).emitWithAck('community:join', { slug });
  if (!ack.ok) throw new Error(`community:join failed: ${JSON.stringify(ack)}`);

  const count = (event: EventName, postId: string) => heard.filter((h) => h.event === event && h.postId === postId).length;
  return {
    heard,
    count,
    waitFor(event, postIds, timeoutMs = 20_000) {
      const missing = () => postIds.filter((id) => count(event, id) === 0);
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (missing().length > 0) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${event} never heard for ${missing().join(', ')}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => void socket.close(),
  };
}
