// Review 11: live results of an anonymous survey must not re-read the breakdowns after each response (the diff of
// two reads would be one member's answers). The counts stay live; breakdowns wait for 5 more member responses.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS_BATCH, shouldRefetch } from '../../client/src/surveys/useLiveResults';

describe('live results re-reads', () => {
  it('re-read named surveys on every response, anonymous ones only after 5 more member responses since the last read', () => {
    expect(ANONYMOUS_BATCH).toBe(5);
    expect(shouldRefetch({ anonymous: false, lastFetchedMembers: 5, memberResponseCount: 6 })).toBe(true);
    expect(shouldRefetch({ anonymous: true, lastFetchedMembers: 5, memberResponseCount: 6 })).toBe(false);
    expect(shouldRefetch({ anonymous: true, lastFetchedMembers: 5, memberResponseCount: 9 })).toBe(false);
    expect(shouldRefetch({ anonymous: true, lastFetchedMembers: 5, memberResponseCount: 10 })).toBe(true);
    // Staff responses do not move memberResponseCount, so they never trigger a re-read.
    expect(shouldRefetch({ anonymous: true, lastFetchedMembers: 5, memberResponseCount: 5 })).toBe(false);
    expect(shouldRefetch({ anonymous: true, lastFetchedMembers: null, memberResponseCount: 50 })).toBe(false);
  });
});
