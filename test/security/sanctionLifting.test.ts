// Issue 9, finding 4: lifting a sanction follows the rank rules of imposing it (warn, mute, suspend: moderator and
// up; ban: manager and up; nobody acts on their own rank or above, by the target's current role, a banned user
// counting as a member), and nobody lifts a sanction on themselves. Callers who may not see it still get 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sanction } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { setRole, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { cast } from '../integration/moderation/support';
import { expectError } from '../integration/support';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

async function impose(actor: TestUser, slug: string, target: TestUser, kind: string): Promise<Sanction> {
  const res = await api.request<{ sanction: Sanction }>('POST', `/api/communities/${slug}/members/${target.id}/sanctions`, { token: actor.token, body: { kind, reason: `Uji ${kind}` } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.sanction;
}

const lift = (actor: TestUser, sanction: Sanction) => api.request('DELETE', `/api/sanctions/${sanction.id}`, { token: actor.token });

describe('lifting a sanction', () => {
  it('is refused to its own target: a muted moderator cannot lift their own mute', async () => {
    const { community, manager, moderator, moderator2 } = await cast(api);
    const mute = await impose(manager, community.slug, moderator, 'mute');
    expectError(await lift(moderator, mute), 403, 'forbidden');
    // A moderator of the same rank may not lift it either: the target is not below them.
    expectError(await lift(moderator2, mute), 403, 'forbidden');
    expect((await lift(manager, mute)).status).toBe(204);
  });

  it('is refused to a manager on the owner’s suspension of them, and allowed to the owner', async () => {
    const { community, owner, manager } = await cast(api);
    const suspension = await impose(owner, community.slug, manager, 'suspend');
    expectError(await lift(manager, suspension), 403, 'forbidden');
    expect((await lift(owner, suspension)).status).toBe(204);
  });

  it('of a ban is a manager’s: a moderator cannot lift it, a manager can', async () => {
    const { community, manager, moderator, author } = await cast(api);
    const ban = await impose(manager, community.slug, author, 'ban');
    expectError(await lift(moderator, ban), 403, 'forbidden');
    expect((await lift(manager, ban)).status).toBe(204);
    // The ban is over: the user may join again.
    expect((await api.request('POST', `/api/communities/${community.slug}/join`, { token: author.token })).status).toBe(201);
  });

  it('uses the target’s current role: a moderator cannot lift the warning of a member since promoted to moderator', async () => {
    const { community, owner, manager, moderator, author } = await cast(api);
    const warning = await impose(moderator, community.slug, author, 'warn');
    await setRole(api, owner, community.slug, author.id, 'moderator');
    expectError(await lift(moderator, warning), 403, 'forbidden');
    expect((await lift(manager, warning)).status).toBe(204);
  });

  it('lets a moderator lift a member’s mute, and answers 404 to members and outsiders', async () => {
    const { community, moderator, moderator2, author, members } = await cast(api);
    const [member] = members as [TestUser];
    const mute = await impose(moderator, community.slug, author, 'mute');
    expectError(await lift(author, mute), 404, 'not_found');
    expectError(await lift(member, mute), 404, 'not_found');
    expect((await lift(moderator2, mute)).status).toBe(204);
  });
});
