// The web client's feed reducer (client/src/feed/feedReducer.ts) with live events and the POST's answer out of order.
import { describe, expect, it } from 'vitest';
import type { Post } from '../../server/contracts/api';
import { feedReducer } from '../../client/src/feed/feedReducer';
import { initialFeed } from '../../client/src/feed/feedTypes';

const me = 'user-ani';

function post(overrides: Partial<Post>): Post {
  return {
    id: 'post-1',
    communitySlug: 'rt05',
    author: { id: me, handle: 'ani', displayName: 'Ani', locale: 'id', createdAt: '2026-11-30T00:00:00.000Z' },
    parentId: null,
    title: null,
    body: 'Kopdar hari Minggu',
    status: 'pending',
    review: 'checking',
    revision: 1,
    tags: [],
    reactions: { like: 0, love: 0, insightful: 0, funny: 0 },
    myReactions: [],
    replyCount: 0,
    publishAt: null,
    publishedAt: null,
    createdAt: '2026-11-30T10:00:00.000Z',
    editedAt: null,
    ...overrides,
  };
}

const ready = () => feedReducer(initialFeed(null), { type: 'headLoaded', page: { items: [], nextCursor: null }, pending: [] });

describe('feedReducer: my new post', () => {
  it('shows the answer to my POST as pending while nothing newer has arrived', () => {
    const state = feedReducer(ready(), { type: 'created', post: post({}) });
    expect(state.pending.map((p) => p.review)).toEqual(['checking']);
  });

  it('keeps the hold that arrived before the answer to my POST', () => {
    const held = feedReducer(ready(), { type: 'updated', post: post({ review: 'awaiting_review' }), meId: me });
    const state = feedReducer(held, { type: 'created', post: post({}) });
    expect(state.pending).toHaveLength(1);
    expect(state.pending[0]?.review).toBe('awaiting_review');
  });

  it('keeps the publication that arrived before the answer to my POST', () => {
    const shown = feedReducer(ready(), { type: 'published', post: post({ status: 'published', review: null, publishedAt: '2026-11-30T10:00:00.010Z' }) });
    const state = feedReducer(shown, { type: 'created', post: post({}) });
    expect(state.items.map((p) => p.status)).toEqual(['published']);
    expect(state.pending).toEqual([]);
  });
});
