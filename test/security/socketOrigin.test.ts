// Finding 9: cross-site WebSocket hijacking. A browser sends the session cookie with a socket handshake from any
// site, so a cookie-authenticated handshake must come from this server's own origin or PUBLIC_ORIGINS, as
// cookie-authenticated HTTP writes must. A token in `auth` is never sent by a browser on its own: no Origin needed.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/middlewares/authenticate';
import { apiClient, type ApiClient } from '../helpers/api';
import { createUser, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

const PARTNER = 'https://app.rukun.example';
let server: TestServer;
let api: ApiClient;
let user: TestUser;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ process: 'server', env: { PUBLIC_ORIGINS: PARTNER } });
  api = apiClient(server.baseUrl);
  user = await createUser(api);
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** Opens a socket with the given handshake and resolves with 'connected' or the connect error's message. */
async function handshake(options: { auth?: Record<string, string>; headers?: Record<string, string> }): Promise<string> {
  const socket = connect(server.baseUrl, {
    auth: options.auth ?? {},
    extraHeaders: options.headers ?? {},
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });
}

const cookie = (): string => `${SESSION_COOKIE}=${user.token}`;

describe('the Origin of a cookie-authenticated socket handshake', () => {
  it('refuses a foreign Origin', async () => {
    expect(await handshake({ headers: { cookie: cookie(), origin: 'https://evil.example' } })).toBe('origin_mismatch');
    // A look-alike of our own origin is foreign too.
    expect(await handshake({ headers: { cookie: cookie(), origin: `${server.baseUrl}.evil.example` } })).toBe('origin_mismatch');
  });

  it('refuses a handshake a browser marks as cross-site even without an Origin', async () => {
    expect(await handshake({ headers: { cookie: cookie(), 'sec-fetch-site': 'cross-site' } })).toBe('origin_mismatch');
  });

  it('accepts our own origin and a configured public origin', async () => {
    expect(await handshake({ headers: { cookie: cookie(), origin: server.baseUrl } })).toBe('connected');
    expect(await handshake({ headers: { cookie: cookie(), origin: PARTNER } })).toBe('connected');
  });

  it('accepts a same-origin request that carries no Origin (browsers leave it out of same-origin GETs)', async () => {
    expect(await handshake({ headers: { cookie: cookie(), 'sec-fetch-site': 'same-origin' } })).toBe('connected');
  });
});

describe('a token handshake', () => {
  it('needs no Origin, whatever Origin it carries', async () => {
    expect(await handshake({ auth: { token: user.token } })).toBe('connected');
    expect(await handshake({ auth: { token: user.token }, headers: { origin: 'https://evil.example' } })).toBe('connected');
  });

  it('a foreign Origin does not get in with a cookie and a bad token either', async () => {
    // The token wins over the cookie; an unknown one is refused as before, it never falls back to the cookie.
    expect(await handshake({ auth: { token: 'nope' }, headers: { cookie: cookie(), origin: 'https://evil.example' } })).toBe('unauthenticated');
  });
});
