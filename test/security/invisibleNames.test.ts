// Issue 9, finding 11: names that render empty, reorder text or hide control/invisible characters are refused with
// 422 wherever a name enters (registration, profile, community creation); real names in any script are kept, NFC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResult, Community, Me } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { createUser, unique, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { expectError, type ErrorBody } from '../integration/support';
import { ACCEPTED_NAMES, REFUSED_NAMES } from './nameCases';

let server: TestServer;
let api: ApiClient;
let user: TestUser;

beforeAll(async () => {
  server = await startTestServer({ process: 'server' });
  api = apiClient(server.baseUrl);
  user = await createUser(api);
});
afterAll(async () => {
  await server?.close();
});

function registration(displayName: string) {
  const handle = `u_${unique()}`;
  return { handle, email: `${handle}@example.test`, password: 'kata-sandi-rahasia', displayName };
}

/** The 422 detail for `path`, which must exist. */
function detailFor(body: ErrorBody, path: string): { path: string; message: string; reason?: string } {
  const details = body.error.details as { path: string; message: string; reason?: string }[];
  const found = details.find((d) => d.path === path);
  expect(found, `a detail for ${path} in ${JSON.stringify(details)}`).toBeDefined();
  return found ?? { path, message: '' };
}

// Three doors a name comes in through; each returns the response and, on success, the name as stored.
const doors = [
  {
    door: 'registration',
    field: 'body.displayName',
    send: async (name: string) => {
      const res = await api.request<AuthResult>('POST', '/api/auth/register', { body: registration(name) });
      return { res, stored: res.status === 201 ? res.body.user.displayName : undefined };
    },
  },
  {
    door: 'profile update',
    field: 'body.displayName',
    send: async (name: string) => {
      const res = await api.request<{ user: Me }>('PATCH', '/api/me', { token: user.token, body: { displayName: name } });
      return { res, stored: res.status === 200 ? res.body.user.displayName : undefined };
    },
  },
  {
    door: 'community creation',
    field: 'body.name',
    send: async (name: string) => {
      const res = await api.request<{ community: Community }>('POST', '/api/communities', { token: user.token, body: { slug: `c-${unique()}`, name } });
      return { res, stored: res.status === 201 ? res.body.community.name : undefined };
    },
  },
];

describe.each(doors)('names through $door', ({ send, field }) => {
  it.each(ACCEPTED_NAMES)('accepts $label', async ({ input, stored }) => {
    const result = await send(input);
    expect(result.res.status, JSON.stringify(result.res.body)).toBeLessThan(300);
    expect(result.stored).toBe(stored);
  });

  it.each(REFUSED_NAMES)('refuses $label (422, reason $reason)', async ({ input, reason }) => {
    const { res } = await send(input);
    const detail = detailFor(expectError(res, 422, 'validation_failed'), field);
    expect(detail.reason).toBe(reason);
  });
});

describe('the reason is given in the reader’s language', () => {
  it('in English and in Bahasa Indonesia', async () => {
    const body = registration('Budi\u202Etrela');
    const en = await api.request('POST', '/api/auth/register', { body, headers: { 'accept-language': 'en' } });
    const id = await api.request('POST', '/api/auth/register', { body, headers: { 'accept-language': 'id' } });
    expect(detailFor(expectError(en, 422, 'validation_failed'), 'body.displayName').message).toBe('must not contain text-direction control characters');
    expect(detailFor(expectError(id, 422, 'validation_failed'), 'body.displayName').message).toBe('tidak boleh berisi karakter pengatur arah teks');
  });
});

describe('a refused profile update changes nothing', () => {
  it('keeps the previous display name', async () => {
    const before = await api.request<{ user: Me }>('GET', '/api/me', { token: user.token });
    expectError(await api.request('PATCH', '/api/me', { token: user.token, body: { displayName: '\u3164' } }), 422, 'validation_failed');
    const after = await api.request<{ user: Me }>('GET', '/api/me', { token: user.token });
    expect(after.body.user.displayName).toBe(before.body.user.displayName);
  });
});

describe('handles and logins cannot be confused', () => {
  it.each([
    ['a zero-width space', 'budi\u200B_x'],
    ['a trailing newline', 'budi_x\n'],
    ['full-width letters', 'ｂｕｄｉ_x'],
    ['a right-to-left override', '\u202Ebudi_x'],
    ['a Kelvin sign for k', '\u212Aevin_x'],
    ['a dotless i', 'bud\u0131_x'],
  ])('refuses a handle with %s', async (_label, handle) => {
    const res = await api.request('POST', '/api/auth/register', { body: { ...registration('Budi'), handle } });
    const body = expectError(res, 422, 'validation_failed');
    detailFor(body, 'body.handle');
  });

  it('a login that only looks like a handle does not reach its account', async () => {
    const owner = await createUser(api);
    for (const login of [`${owner.handle}\u200B`, `\u202E${owner.handle}`, owner.handle.replace('_', '\uFF3F')]) {
      const res = await api.request('POST', '/api/auth/login', { body: { login, password: 'kata-sandi-rahasia' } });
      expectError(res, 401, 'invalid_credentials');
    }
  });
});
