// The Redis adapter's parser (server/realtime/adapterParser.ts): this process's own broadcasts, heard back from Redis,
// are dropped without being decoded; every other process's broadcasts still arrive whole.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { encode } from 'notepack.io';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAdapterParser } from '../../server/realtime/adapterParser';
import { createPublishingRedis, waitUntilReady } from '../../server/runtime/redisConnections';

describe('createAdapterParser', () => {
  const packet = { type: 2, data: ['post:published', { id: 'p1', body: 'halo warga' }], nsp: '/' };
  const opts = { rooms: ['c:1:members'], except: [], flags: {} };

  it('answers a broadcast it encoded itself with just its uid, and decodes everything else whole', () => {
    const parser = createAdapterParser();
    const own = parser.encode(['Ab3_x9', packet, opts]);
    expect(parser.decode(own)).toEqual(['Ab3_x9']);
    // Another process's broadcast, a request between nodes, and the emitter's messages: decoded as they are.
    expect(parser.decode(encode(['Zz9-k1', packet, opts]) as Buffer)).toEqual(['Zz9-k1', packet, opts]);
    const request = { uid: 'Ab3_x9', requestId: 'r1', type: 0, opts: { rooms: [], except: [] } };
    expect(parser.decode(parser.encode(request))).toEqual(request);
    expect(parser.decode(encode(['emitter', packet, opts]) as Buffer)).toEqual(['emitter', packet, opts]);
  });

  it('decodes an echo normally before it has published anything', () => {
    const parser = createAdapterParser();
    expect(parser.decode(encode(['Ab3_x9', packet, opts]) as Buffer)).toEqual(['Ab3_x9', packet, opts]);
  });
});

/** One Socket.IO node: its own HTTP server, Redis connections and parser, as a separate process would have. */
async function startNode(url: string): Promise<{ io: Server; http: HttpServer; port: number; close(): Promise<void> }> {
  const pub = createPublishingRedis(url);
  const sub = createPublishingRedis(url);
  await Promise.all([waitUntilReady(pub), waitUntilReady(sub)]);
  const http = createServer();
  const io = new Server(http, { adapter: createAdapter(pub, sub, { key: 'rukun-parser-test', parser: createAdapterParser() }) });
  io.on('connection', (socket) => void socket.join('room'));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    io,
    http,
    port: (http.address() as AddressInfo).port,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      pub.disconnect();
      sub.disconnect();
    },
  };
}

describe('two Socket.IO nodes with the parser', () => {
  let a: Awaited<ReturnType<typeof startNode>>;
  let b: Awaited<ReturnType<typeof startNode>>;
  const clients: ClientSocket[] = [];

  beforeAll(async () => {
    a = await startNode(inject('redisUrl'));
    b = await startNode(inject('redisUrl'));
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await a.close();
    await b.close();
  });

  const join = async (port: number): Promise<{ heard: unknown[] }> => {
    const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
    clients.push(client);
    const heard: unknown[] = [];
    client.on('news', (payload: unknown) => heard.push(payload));
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    return { heard };
  };

  it('delivers each broadcast once to sockets on both nodes, whichever node sends it', async () => {
    const onA = await join(a.port);
    const onB = await join(b.port);
    // The join happens in the connection handler: wait until both nodes see their socket in the room.
    await expect.poll(async () => (await a.io.in('room').fetchSockets()).length).toBe(2);
    a.io.to('room').emit('news', { from: 'a' });
    b.io.to('room').emit('news', { from: 'b' });
    await expect.poll(() => [onA.heard.length, onB.heard.length]).toEqual([2, 2]);
    // Nothing more arrives: the echo of each node's own broadcast is dropped.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onA.heard).toEqual(expect.arrayContaining([{ from: 'a' }, { from: 'b' }]));
    expect(onB.heard).toEqual(expect.arrayContaining([{ from: 'a' }, { from: 'b' }]));
    expect([onA.heard.length, onB.heard.length]).toEqual([2, 2]);
  });
});
