// Communities: list, create, read and join.
import type { Community, Locale, Membership, Page } from '../../../server/contracts/api';
import { requestJson } from './http';

export interface CreateCommunityInput {
  slug: string;
  name: string;
  description?: string;
  locale?: Locale;
}

/** One page of all communities, newest first, each with my role. */
export function listCommunities(query: { cursor?: string | null; limit?: number } = {}): Promise<Page<Community>> {
  return requestJson<Page<Community>>('GET', '/api/communities', { query });
}

/** Creates a community owned by me. */
export async function createCommunity(input: CreateCommunityInput): Promise<Community> {
  return (await requestJson<{ community: Community }>('POST', '/api/communities', { body: input })).community;
}

/** One community with its settings. */
export async function getCommunity(slug: string, signal?: AbortSignal): Promise<Community> {
  return (await requestJson<{ community: Community }>('GET', `/api/communities/${encodeURIComponent(slug)}`, { signal }))
    .community;
}

/** Joins a community as a member. */
export async function joinCommunity(slug: string): Promise<Membership> {
  const path = `/api/communities/${encodeURIComponent(slug)}/join`;
  return (await requestJson<{ membership: Membership }>('POST', path)).membership;
}
