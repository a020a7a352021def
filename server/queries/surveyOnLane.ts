// Survey reads on the SQL lane, for the path every response pays (bench/README.md, "Surveys"): the survey and its
// questions before the answer, the audience check, and the counts `survey:response` carries after it.
import { fromSqlDate, type SqlLane, type SqlRunner } from '../db/sqlLane';
import type { Deps } from '../deps';
import { fail } from '../errors';
import type { QuestionRule } from '../lib/surveyAnswers';
import { parseOptions } from '../presenters/presentSurvey';
import type { QuestionKind } from '../contracts/surveys';
import { loadActor } from './actor';
import { managesSurveys } from './surveyViews';
import { rateOf } from './surveyCounts';

const SURVEY = 'SELECT id, communityId, anonymous, state, closesAt, audience, audienceEventId FROM "Survey" WHERE id = ?';
const QUESTIONS = 'SELECT id, kind, options, required, min, max FROM "SurveyQuestion" WHERE surveyId = ? ORDER BY position';
const CHECKED_IN = 'SELECT 1 AS one FROM "EventRsvp" WHERE eventId = ? AND userId = ? AND checkedInAt IS NOT NULL';
const ACTIVE_MEMBERS = `SELECT COUNT(*) AS n FROM "Membership" WHERE communityId = ? AND status = 'active'`;
const CHECKED_IN_MEMBERS = `SELECT COUNT(*) AS n FROM "EventRsvp" r JOIN "Membership" m ON m.userId = r.userId AND m.communityId = ? AND m.status = 'active'
  WHERE r.eventId = ? AND r.checkedInAt IS NOT NULL`;
const COUNTS = 'SELECT s.responseCount, s.memberResponseCount, s.communityId, s.audience, s.audienceEventId, c.slug FROM "Survey" s JOIN "Community" c ON c.id = s.communityId WHERE s.id = ?';

export interface AnswerableSurveyRecord {
  id: string;
  communityId: string;
  anonymous: boolean;
  state: string;
  closesAt: Date | null;
  audience: { kind: 'all' } | { kind: 'event'; eventId: string };
  questions: QuestionRule[];
}

/** loadVisibleSurvey's rule (404 for non-members, the banned, and drafts to non-managers) with what answering needs. */
export async function loadAnswerableSurveyOnLane(deps: Pick<Deps, 'sql' | 'now'>, input: { userId: string; surveyId: string }) {
  const survey = await deps.sql.read((q) => {
    const row = q.get<{ id: string; communityId: string; anonymous: number; state: string; closesAt: string | null; audience: string; audienceEventId: string | null }>(SURVEY, input.surveyId);
    if (!row) return null;
    const questions = q.all<{ id: string; kind: string; options: string; required: number; min: number | null; max: number | null }>(QUESTIONS, row.id);
    const record: AnswerableSurveyRecord = {
      id: row.id,
      communityId: row.communityId,
      anonymous: Boolean(row.anonymous),
      state: row.state,
      closesAt: fromSqlDate(row.closesAt),
      audience: row.audience === 'event' && row.audienceEventId ? { kind: 'event', eventId: row.audienceEventId } : { kind: 'all' },
      questions: questions.map((qq) => ({ id: qq.id, kind: qq.kind as QuestionKind, options: parseOptions(qq.options), required: Boolean(qq.required), min: qq.min, max: qq.max })),
    };
    return record;
  });
  if (!survey) fail('not_found');
  const actor = await loadActor(deps.sql, { communityId: survey.communityId, userId: input.userId, now: deps.now() });
  if (actor.banned || actor.role === null) fail('not_found');
  if (survey.state === 'draft' && !managesSurveys(actor)) fail('not_found');
  return { survey, actor };
}

/** Whether the user is in the survey's audience: every member, or those checked in at the audience's event. */
export function inAudience(sql: SqlLane, input: { audience: AnswerableSurveyRecord['audience']; userId: string }): Promise<boolean> {
  const { audience } = input;
  if (audience.kind === 'all') return Promise.resolve(true);
  return sql.read((q) => q.get(CHECKED_IN, audience.eventId, input.userId) !== undefined);
}

function audienceSizeIn(q: SqlRunner, input: { communityId: string; audience: string; audienceEventId: string | null }): number {
  if (input.audience === 'event' && input.audienceEventId) return q.get<{ n: number }>(CHECKED_IN_MEMBERS, input.communityId, input.audienceEventId)?.n ?? 0;
  return q.get<{ n: number }>(ACTIVE_MEMBERS, input.communityId)?.n ?? 0;
}

/** The counts `survey:response` carries, on the lane; the same rules as loadSurveyCounts (queries/surveyCounts.ts). */
export function loadSurveyCounts(sql: SqlLane, surveyId: string): Promise<{ communitySlug: string; responseCount: number; memberResponseCount: number; audienceSize: number; responseRate: number } | null> {
  return sql.read((q) => {
    const row = q.get<{ responseCount: number; memberResponseCount: number; communityId: string; audience: string; audienceEventId: string | null; slug: string }>(COUNTS, surveyId);
    if (!row) return null;
    const audienceSize = audienceSizeIn(q, row);
    return { communitySlug: row.slug, responseCount: row.responseCount, memberResponseCount: row.memberResponseCount, audienceSize, responseRate: rateOf(row.responseCount, audienceSize) };
  });
}
