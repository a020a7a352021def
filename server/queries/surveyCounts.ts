// The counts a survey's results and its live `survey:response` announcement share: how many answered, out of how
// many members in its audience. Three small indexed reads, whatever the number of responses.
import type { Db } from '../db/client';

export interface SurveyCounts {
  communityId: string;
  responseCount: number;
  memberResponseCount: number;
  audienceSize: number;
  /** responseCount / audienceSize, 0..1 (0 when the audience is empty; at most 1 when members who answered left). */
  responseRate: number;
}

interface AudienceOf {
  communityId: string;
  audience: string;
  audienceEventId: string | null;
}

/** Members the survey asks: active members of the community, or the checked-in attendees of its event. */
export async function countAudience(db: Db, survey: AudienceOf): Promise<number> {
  if (survey.audience === 'event') {
    // A survey for an event whose id is missing has nobody to ask (the create route never stores that).
    if (!survey.audienceEventId) return 0;
    // Attendees who are still active members: the same rule as the lane's count (queries/surveyOnLane.ts).
    return db.eventRsvp.count({
      where: { eventId: survey.audienceEventId, checkedInAt: { not: null }, user: { memberships: { some: { communityId: survey.communityId, status: 'active' } } } },
    });
  }
  return db.membership.count({ where: { communityId: survey.communityId, status: 'active' } });
}

/** The share of the audience that answered, rounded to four places and kept within 0..1. */
export function rateOf(responseCount: number, audienceSize: number): number {
  if (audienceSize <= 0) return 0;
  return Math.min(1, Math.round((responseCount / audienceSize) * 10_000) / 10_000);
}

/**
 * Counts of one survey, or null when it does not exist. `responseCount` is the survey's own counter, kept in the
 * transaction that writes each response, so this never counts response rows.
 */
export async function loadSurveyCounts(db: Db, surveyId: string): Promise<SurveyCounts | null> {
  const survey = await db.survey.findUnique({
    where: { id: surveyId },
    select: { communityId: true, responseCount: true, memberResponseCount: true, audience: true, audienceEventId: true },
  });
  if (!survey) return null;
  const audienceSize = await countAudience(db, survey);
  return { communityId: survey.communityId, responseCount: survey.responseCount, memberResponseCount: survey.memberResponseCount, audienceSize, responseRate: rateOf(survey.responseCount, audienceSize) };
}
