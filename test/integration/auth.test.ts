// Accounts: register, login, logout, the web client's session cookie, security headers, my profile and notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResult, MeResponse, Notification } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createUser, join, setRole, unique } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { detailPaths, expectError } from './support';

const PASSWORD = 'kata-sandi-rahasia';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

function registration(overrides: Record<string, unknown> = {}) {
  const handle = `u_${unique()}`;
  return { handle, email: `${handle}@example.test`, password: PASSWORD, displayName: `User ${handle}`, ...overrides };
}

/** The `rukun_session` Set-Cookie line of a response, or undefined. */
function sessionCookie(headers: Headers): string | undefined {
  return headers.getSetCookie().find((c) => c.startsWith('rukun_session='));
}

/** "name=value" of a Set-Cookie line, as a browser would send it back. */
function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0] ?? '';
}

describe('register', () => {
  it('creates the account, returns a working token and never the password hash', async () => {
    const input = registration({ locale: 'id' });
    const res = await api.request<AuthResult>('POST', '/api/auth/register', { body: input });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ handle: input.handle, email: input.email, displayName: input.displayName, locale: 'id' });
    expect(typeof res.body.user.id).toBe('string');
    expect(typeof res.body.token).toBe('string');
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt/);

    const me = await api.request<MeResponse>('GET', '/api/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: res.body.user.id, handle: input.handle, email: input.email });
    expect(me.body.memberships).toEqual([]);
    expect(JSON.stringify(me.body)).not.toMatch(/passwordHash|scrypt/);
  });

  it('stores the e-mail lower-cased', async () => {
    const handle = `u_${unique()}`;
    const res = await api.request<AuthResult>('POST', '/api/auth/register', { body: registration({ handle, email: `${handle.toUpperCase()}@Example.TEST` }) });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe(`${handle}@example.test`);
  });

  it.each([
    ['too short', 'ab'],
    ['too long', 'a'.repeat(33)],
    ['upper case', 'Budi_Santoso'],
    ['a hyphen', 'budi-santoso'],
    ['a space', 'budi santoso'],
    ['non-ASCII letters', 'büdi'],
    ['not a string', 12345],
  ])('refuses a handle with %s (422 naming the handle)', async (_label, handle) => {
    const res = await api.request('POST', '/api/auth/register', { body: registration({ handle }) });
    const body = expectError(res, 422, 'validation_failed');
    expect(detailPaths(body).some((p) => p.startsWith('body') && p.includes('handle'))).toBe(true);
  });

  it('accepts handles at the bounds: 3 and 32 of [a-z0-9_]', async () => {
    const short = unique().slice(0, 3);
    const long = `u_${unique()}`.padEnd(32, '9').slice(0, 32);
    for (const handle of [short, long]) {
      const res = await api.request('POST', '/api/auth/register', { body: registration({ handle, email: `${handle}@example.test` }) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['email', { email: '' }],
    ['password', { password: 'short1234' }],
    ['displayName', { displayName: '' }],
    ['displayName', { displayName: '   ' }],
    ['locale', { locale: 'fr' }],
  ])('refuses a bad %s (422 with details)', async (field, override) => {
    const res = await api.request('POST', '/api/auth/register', { body: registration(override) });
    const body = expectError(res, 422, 'validation_failed');
    expect(detailPaths(body).some((p) => p.includes(field))).toBe(true);
  });

  it('lists every missing field at once', async () => {
    const res = await api.request('POST', '/api/auth/register', { body: {} });
    const body = expectError(res, 422, 'validation_failed');
    const paths = detailPaths(body).join(' ');
    for (const field of ['handle', 'email', 'password', 'displayName']) expect(paths).toContain(field);
  });

  it('refuses a taken handle with 409 handle_taken', async () => {
    const first = registration();
    expect((await api.request('POST', '/api/auth/register', { body: first })).status).toBe(201);
    const res = await api.request('POST', '/api/auth/register', { body: registration({ handle: first.handle }) });
    expectError(res, 409, 'handle_taken');
  });

  it('refuses a taken e-mail with 409 email_taken, whatever its case', async () => {
    const first = registration();
    expect((await api.request('POST', '/api/auth/register', { body: first })).status).toBe(201);
    const res = await api.request('POST', '/api/auth/register', { body: registration({ email: first.email.toUpperCase() }) });
    expectError(res, 409, 'email_taken');
  });

  it('lets exactly one of two concurrent registrations of the same handle through', async () => {
    const handle = `u_${unique()}`;
    const results = await Promise.all(
      ['a', 'b'].map((suffix) => api.request('POST', '/api/auth/register', { body: registration({ handle, email: `${handle}.${suffix}@example.test` }) })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409);
    if (loser) expectError(loser, 409, 'handle_taken');
  });
});

describe('login and logout', () => {
  it('signs in by handle and by e-mail in any case, each time with a new working token', async () => {
    const input = registration();
    expect((await api.request('POST', '/api/auth/register', { body: input })).status).toBe(201);
    for (const login of [input.handle, input.email, input.email.toUpperCase(), ` ${input.email} `]) {
      const res = await api.request<AuthResult>('POST', '/api/auth/login', { body: { login, password: PASSWORD } });
      expect(res.status, `login as ${login}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.user.handle).toBe(input.handle);
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt/);
      expect((await api.request('GET', '/api/me', { token: res.body.token })).status).toBe(200);
    }
  });

  it('answers 401 invalid_credentials for a wrong password and for an unknown login alike', async () => {
    const input = registration();
    expect((await api.request('POST', '/api/auth/register', { body: input })).status).toBe(201);
    const wrong = await api.request('POST', '/api/auth/login', { body: { login: input.handle, password: 'salah-kata-sandi' } });
    const unknown = await api.request('POST', '/api/auth/login', { body: { login: `nobody_${unique()}`, password: PASSWORD } });
    const unknownEmail = await api.request('POST', '/api/auth/login', { body: { login: `nobody_${unique()}@example.test`, password: PASSWORD } });
    for (const res of [wrong, unknown, unknownEmail]) expectError(res, 401, 'invalid_credentials');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('logout makes the token stop working', async () => {
    const user = await createUser(api);
    const other = await api.request<AuthResult>('POST', '/api/auth/login', { body: { login: user.handle, password: PASSWORD } });
    const res = await api.request('POST', '/api/auth/logout', { token: user.token });
    expect(res.status).toBe(204);
    expectError(await api.request('GET', '/api/me', { token: user.token }), 401, 'unauthenticated');
    expectError(await api.request('POST', '/api/auth/logout', { token: user.token }), 401, 'unauthenticated');
    // Only that session ends: the user's other session keeps working.
    expect((await api.request('GET', '/api/me', { token: other.body.token })).status).toBe(200);
  });

  it('answers 401 to signed-in routes without a token or with an unknown one', async () => {
    expectError(await api.request('GET', '/api/me'), 401, 'unauthenticated');
    expectError(await api.request('GET', '/api/me', { token: 'not-a-real-token' }), 401, 'unauthenticated');
    expectError(await api.request('POST', '/api/auth/logout'), 401, 'unauthenticated');
  });
});

describe('the session cookie', () => {
  it('is set on register and login: HttpOnly, SameSite=Lax, for the whole site', async () => {
    const reg = await api.request<AuthResult>('POST', '/api/auth/register', { body: registration() });
    expect(reg.status).toBe(201);
    const cookie = sessionCookie(reg.headers);
    expect(cookie, `Set-Cookie: ${reg.headers.getSetCookie().join(' | ')}`).toBeDefined();
    const attributes = (cookie ?? '').split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    expect(cookiePair(cookie ?? '')).toBe(`rukun_session=${reg.body.token}`);

    const input = registration();
    await api.request('POST', '/api/auth/register', { body: input });
    const login = await api.request('POST', '/api/auth/login', { body: { login: input.handle, password: PASSWORD } });
    expect(sessionCookie(login.headers)?.toLowerCase()).toContain('httponly');
  });

  it('reads with the cookie alone, no Origin needed', async () => {
    const reg = await api.request<AuthResult>('POST', '/api/auth/register', { body: registration() });
    const cookie = cookiePair(sessionCookie(reg.headers) ?? '');
    const me = await api.request<MeResponse>('GET', '/api/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(reg.body.user.id);
  });

  it('refuses a cookie-authenticated write from a foreign Origin (403 origin_mismatch) and allows our own', async () => {
    const reg = await api.request<AuthResult>('POST', '/api/auth/register', { body: registration() });
    const cookie = cookiePair(sessionCookie(reg.headers) ?? '');
    const body = { slug: `c-${unique()}`, name: 'Warga RT 05' };

    const foreign = await api.request('POST', '/api/communities', { body, headers: { cookie, origin: 'https://evil.example' } });
    expectError(foreign, 403, 'origin_mismatch');
    const foreignReferer = await api.request('POST', '/api/communities', { body, headers: { cookie, referer: 'https://evil.example/page' } });
    expectError(foreignReferer, 403, 'origin_mismatch');
    const noOrigin = await api.request('POST', '/api/communities', { body, headers: { cookie } });
    expectError(noOrigin, 403, 'origin_mismatch');
    // Nothing was created by the refused requests.
    expect((await api.request('GET', `/api/communities/${body.slug}`, { token: reg.body.token })).status).toBe(404);

    const own = await api.request('POST', '/api/communities', { body, headers: { cookie, origin: server.baseUrl } });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
  });

  it('lets a Bearer request through whatever its Origin', async () => {
    const user = await createUser(api);
    const res = await api.request('POST', '/api/communities', { token: user.token, body: { slug: `c-${unique()}`, name: 'Bearer' }, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(201);
  });

  it('stops working after logout through the cookie, which is cleared', async () => {
    const reg = await api.request<AuthResult>('POST', '/api/auth/register', { body: registration() });
    const cookie = cookiePair(sessionCookie(reg.headers) ?? '');
    const out = await api.request('POST', '/api/auth/logout', { headers: { cookie, origin: server.baseUrl } });
    expect(out.status).toBe(204);
    const cleared = sessionCookie(out.headers) ?? '';
    expect(cleared).toMatch(/^rukun_session=;/);
    expectError(await api.request('GET', '/api/me', { headers: { cookie } }), 401);
    expectError(await api.request('GET', '/api/me', { token: reg.body.token }), 401, 'unauthenticated');
  });
});

describe('security headers', () => {
  it('sends helmet headers on API responses and error responses', async () => {
    const ok = await api.request('GET', '/healthz');
    const failed = await api.request('GET', '/api/me');
    for (const res of [ok, failed]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('my profile', () => {
  it('changes my language and display name', async () => {
    const user = await createUser(api, { locale: 'en' });
    const res = await api.request<AuthResult>('PATCH', '/api/me', { token: user.token, body: { locale: 'id', displayName: '  Siti Nurhaliza  ' } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, locale: 'id', displayName: 'Siti Nurhaliza' });
    const me = await api.request<MeResponse>('GET', '/api/me', { token: user.token });
    expect(me.body.user).toMatchObject({ locale: 'id', displayName: 'Siti Nurhaliza' });
  });

  it('answers error messages in Indonesian when the request asks for it', async () => {
    const user = await createUser(api, { locale: 'en' });
    const res = await api.request('GET', '/api/communities/no-such-community', { token: user.token, headers: { 'accept-language': 'id-ID,id;q=0.9,en;q=0.5' } });
    expect(expectError(res, 404, 'not_found').error.message).toBe('Tidak ditemukan.');
    const english = await api.request('GET', '/api/communities/no-such-community', { token: user.token, headers: { 'accept-language': 'en-GB' } });
    expect(expectError(english, 404, 'not_found').error.message).toBe('Not found.');
  });

  it('refuses an unknown language or an empty name with 422', async () => {
    const user = await createUser(api);
    expectError(await api.request('PATCH', '/api/me', { token: user.token, body: { locale: 'fr' } }), 422, 'validation_failed');
    expectError(await api.request('PATCH', '/api/me', { token: user.token, body: { displayName: '' } }), 422, 'validation_failed');
  });

  it('lists my memberships with role and status', async () => {
    const owner = await createUser(api);
    const member = await createUser(api);
    const community = await createCommunity(api, owner);
    await join(api, member, community.slug);
    const mine = await api.request<MeResponse>('GET', '/api/me', { token: member.token });
    expect(mine.body.memberships).toEqual([{ community: { slug: community.slug, name: community.name }, role: 'member', status: 'active' }]);
    const theirs = await api.request<MeResponse>('GET', '/api/me', { token: owner.token });
    expect(theirs.body.memberships).toEqual([expect.objectContaining({ role: 'owner', status: 'active' })]);
  });
});

describe('notifications', () => {
  it('lists my notifications newest first and marks them read', async () => {
    const owner = await createUser(api);
    const member = await createUser(api);
    const community = await createCommunity(api, owner);
    await join(api, member, community.slug);
    await setRole(api, owner, community.slug, member.id, 'moderator');
    await setRole(api, owner, community.slug, member.id, 'member');

    type List = { items: Notification[]; nextCursor: string | null; unreadCount?: number };
    const list = await api.request<List>('GET', '/api/me/notifications', { token: member.token });
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items).toHaveLength(2);
    const [latest, earlier] = list.body.items;
    expect(latest).toMatchObject({ kind: 'role_changed', communitySlug: community.slug, readAt: null, data: { to: 'member' } });
    expect(earlier).toMatchObject({ kind: 'role_changed', communitySlug: community.slug, readAt: null, data: { to: 'moderator' } });
    expect(list.body.unreadCount).toBe(2);

    // Paged: one at a time, each exactly once.
    const first = await api.request<List>('GET', '/api/me/notifications?limit=1', { token: member.token });
    expect(first.body.items.map((n) => n.id)).toEqual([latest?.id]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.request<List>('GET', `/api/me/notifications?limit=1&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`, { token: member.token });
    expect(second.body.items.map((n) => n.id)).toEqual([earlier?.id]);
    expect(second.body.nextCursor).toBeNull();

    // The owner's notifications are the owner's own: none here.
    const ownerList = await api.request<List>('GET', '/api/me/notifications', { token: owner.token });
    expect(ownerList.body.items).toEqual([]);

    // Marking someone else's notification read does nothing to it.
    expect((await api.request('POST', '/api/me/notifications/read', { token: owner.token, body: { ids: [latest?.id] } })).status).toBe(204);
    const unchanged = await api.request<List>('GET', '/api/me/notifications', { token: member.token });
    expect(unchanged.body.items.every((n) => n.readAt === null)).toBe(true);

    const read = await api.request('POST', '/api/me/notifications/read', { token: member.token, body: { ids: [latest?.id] } });
    expect(read.status).toBe(204);
    const after = await api.request<List>('GET', '/api/me/notifications', { token: member.token });
    expect(after.body.items.find((n) => n.id === latest?.id)?.readAt).toEqual(expect.any(String));
    expect(after.body.items.find((n) => n.id === earlier?.id)?.readAt).toBeNull();
    expect(after.body.unreadCount).toBe(1);
  });

  it('refuses a read request without ids (422) and without a session (401)', async () => {
    const user = await createUser(api);
    expectError(await api.request('POST', '/api/me/notifications/read', { token: user.token, body: { ids: [] } }), 422, 'validation_failed');
    expectError(await api.request('POST', '/api/me/notifications/read', { token: user.token, body: {} }), 422, 'validation_failed');
    expectError(await api.request('GET', '/api/me/notifications'), 401, 'unauthenticated');
  });
});
