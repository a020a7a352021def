// What the feedback suites share: a community with its staff and members, and typed calls of the feedback routes.
// Not a test file itself (no `.test.ts`).
import { expect } from 'vitest';
import type { Community } from '../../../server/contracts/api';
import type { Feedback, FeedbackInboxPage } from '../../../server/contracts/surveys';
import type { ApiClient } from '../../helpers/api';
import { createCommunity, createUser, join, setRole, type TestUser } from '../../helpers/factories';

export interface Cast {
  owner: TestUser;
  manager: TestUser;
  moderator: TestUser;
  member: TestUser;
  /** A member who reads Indonesian (the factories default to English). */
  memberId: TestUser;
  community: Community;
}

/** A community with its owner, a manager, a moderator, an English-reading and an Indonesian-reading member. */
export async function cast(api: ApiClient): Promise<Cast> {
  const [owner, manager, moderator, member, memberId] = await Promise.all([
    createUser(api),
    createUser(api),
    createUser(api),
    createUser(api, { locale: 'en' }),
    createUser(api, { locale: 'id' }),
  ]);
  const community = await createCommunity(api, owner);
  await Promise.all([manager, moderator, member, memberId].map((u) => join(api, u, community.slug)));
  await setRole(api, owner, community.slug, manager.id, 'manager');
  await setRole(api, owner, community.slug, moderator.id, 'moderator');
  return { owner, manager, moderator, member, memberId, community };
}

/** Feedback calls of one server. */
export function feedbackCalls(api: ApiClient) {
  return {
    send: (user: TestUser, slug: string, body: unknown) => api.request<{ feedback: Feedback }>('POST', `/api/communities/${slug}/feedback`, { token: user.token, body }),
    /** Sends and asserts 201. */
    async sent(user: TestUser, slug: string, body: { kind: string; body: string }): Promise<Feedback> {
      const res = await api.request<{ feedback: Feedback }>('POST', `/api/communities/${slug}/feedback`, { token: user.token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.feedback;
    },
    inbox: (user: TestUser, slug: string, query = '') => api.request<FeedbackInboxPage>('GET', `/api/communities/${slug}/feedback${query}`, { token: user.token }),
    read: (user: TestUser, id: string) => api.request<{ feedback: Feedback }>('GET', `/api/feedback/${id}`, { token: user.token }),
    patch: (user: TestUser, id: string, body: unknown) => api.request<{ feedback: Feedback }>('PATCH', `/api/feedback/${id}`, { token: user.token, body }),
    mine: (user: TestUser, query = '') => api.request<{ items: Feedback[]; nextCursor: string | null }>('GET', `/api/me/feedback${query}`, { token: user.token }),
  };
}
