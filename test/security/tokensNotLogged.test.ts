// Finding 7: register and login responses wrote the session cookie (set-cookie) into the access log in full. The
// server here logs through the real createLogger (server/logger.ts) into memory, at info, where the access log is on.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResult } from '../../server/contracts/api';
import { createLogger } from '../../server/logger';
import { unique } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

const lines: string[] = [];
let server: TestServer;

beforeAll(async () => {
  const memory = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await startTestServer({ logger: createLogger('info', memory) });
});
afterAll(async () => {
  await server.close();
});

async function send(path: string, body: unknown): Promise<{ res: Response; auth: AuthResult }> {
  const res = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { res, auth: (await res.json()) as AuthResult };
}

/** The value of the session cookie a response set. */
function cookieValue(res: Response): string {
  const [cookie] = res.headers.getSetCookie();
  const value = cookie?.split(';')[0]?.split('=')[1] ?? '';
  expect(value.length).toBeGreaterThan(20);
  return value;
}

describe('session tokens', () => {
  it('never reach the log, and responses that carry one are not cached', async () => {
    const handle = `u_${unique()}`;
    const password = 'kata-sandi-rahasia-log';
    const registered = await send('/api/auth/register', { handle, email: `${handle}@example.test`, password, displayName: 'Log Test' });
    expect(registered.res.status).toBe(201);
    expect(registered.res.headers.get('cache-control')).toBe('no-store');
    const loggedIn = await send('/api/auth/login', { login: handle, password });
    expect(loggedIn.res.status).toBe(200);
    expect(loggedIn.res.headers.get('cache-control')).toBe('no-store');
    const secrets = [registered.auth.token, cookieValue(registered.res), loggedIn.auth.token, cookieValue(loggedIn.res), password];

    // The cookie and the token also travel back in requests, which the log sees too.
    const cookie = `rukun_session=${loggedIn.auth.token}`;
    expect((await fetch(`${server.baseUrl}/api/me`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${registered.auth.token}` } })).status).toBe(200);

    const log = lines.join('');
    // The access log did write these requests and their responses, with the cookie header's place redacted.
    expect(log).toContain('/api/auth/register');
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('[Redacted]');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  it('redacts a token field wherever a log line puts it', () => {
    const out: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void out.push(line) });
    logger.info({ token: 'top-secret-1', session: { token: 'top-secret-2' }, job: { data: { token: 'top-secret-3' } } }, 'tokens');
    expect(out.join('')).not.toMatch(/top-secret/);
  });
});
