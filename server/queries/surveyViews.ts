// Surveys as the contract shows them, with the caller's own `answered` (through the same respondent key the answer
// was stored under, so anonymous surveys too), in a fixed number of queries for any number of surveys.
import type { Survey } from '../contracts/surveys';
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import type { Deps } from '../deps';
import { fail } from '../errors';
import { respondentKey } from '../lib/surveyPseudonym';
import type { Actor } from '../policies/actor';
import { atLeast } from '../policies/roles';
import { presentSurvey } from '../presenters/presentSurvey';
import { presentUser } from '../presenters/presentUser';
import { loadActor } from './actor';

const userFields = { id: true, handle: true, displayName: true, locale: true, createdAt: true } as const;

/** Managers and owners see drafts and manage surveys. */
export function managesSurveys(actor: Actor): boolean {
  return !actor.banned && atLeast(actor.role, 'manager');
}

/**
 * A survey the user may know exists, with questions and the user as an actor of its community: 404 for non-members,
 * the banned, unknown ids and (to anyone but managers) drafts.
 */
export async function loadVisibleSurvey(deps: Pick<Deps, 'db' | 'sql' | 'now'>, input: { userId: string; surveyId: string }) {
  const survey = await deps.db.survey.findUnique({ where: { id: input.surveyId }, include: { questions: { orderBy: { position: 'asc' } }, community: { select: { slug: true } } } });
  if (!survey) fail('not_found');
  const actor = await loadActor(deps.sql, { communityId: survey.communityId, userId: input.userId, now: deps.now() });
  if (actor.banned || actor.role === null) fail('not_found');
  if (survey.state === 'draft' && !managesSurveys(actor)) fail('not_found');
  return { survey, actor };
}

export type VisibleSurvey = Awaited<ReturnType<typeof loadVisibleSurvey>>['survey'];

/** The surveys with these ids that exist, in the order given, with whether `viewerId` answered each. */
export async function loadSurveyViews(deps: { db: Db; serverKey: Buffer }, input: { surveyIds: string[]; viewerId: string; now: Date }): Promise<Survey[]> {
  if (input.surveyIds.length === 0) return [];
  const { db } = deps;
  const rows = await db.survey.findMany({ where: { id: { in: input.surveyIds } }, include: { questions: true, community: { select: { slug: true } } } });
  const keys = rows.map((row) => ({ surveyId: row.id, respondentKey: respondentKey(deps.serverKey, { surveyId: row.id, userId: input.viewerId, anonymous: row.anonymous }) }));
  const [creators, mine] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.createdById))] } }, select: userFields }),
    keys.length ? db.surveyResponse.findMany({ where: { OR: keys }, select: { surveyId: true } }) : Promise.resolve([]),
  ]);
  const creatorById = new Map(creators.map((user) => [user.id, presentUser(user)]));
  const answered = new Set(mine.map((r) => r.surveyId));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return input.surveyIds.flatMap((id) => {
    const row = byId.get(id);
    const createdBy = row && creatorById.get(row.createdById);
    if (!row || !createdBy) return [];
    return [presentSurvey({ row, questions: row.questions, communitySlug: row.community.slug, createdBy, answered: answered.has(id), now: input.now })];
  });
}

/** Rows in the state a member sees (presentSurvey's surveyState): an open survey past its closesAt reads as closed. */
function seenAs(state: string, now: Date): Prisma.SurveyWhereInput {
  if (state === 'open') return { state: 'open', OR: [{ closesAt: null }, { closesAt: { gt: now } }] };
  if (state === 'closed') return { OR: [{ state: 'closed' }, { state: 'open', closesAt: { lte: now } }] };
  return { state };
}

/** One page of a community's surveys in `states` (as members see them), newest first; members never see drafts. */
export function listCommunitySurveys(db: Db, input: { communityId: string; states: string[]; after: { at: Date; id: string } | null; limit: number; now: Date }) {
  const { after } = input;
  return db.survey.findMany({
    where: {
      communityId: input.communityId,
      AND: [
        { OR: input.states.map((state) => seenAs(state, input.now)) },
        ...(after ? [{ OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] : []),
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: { id: true, createdAt: true },
  });
}
