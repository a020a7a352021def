// Surveys of a community: create, edit, open, close (managers); list and read (members). Every answer is built by
// loadSurveyViews, with the caller's own `answered`, in a fixed number of queries per page.
import type { Request } from 'express';
import type { Locale } from '../../contracts/api';
import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { closeSurvey } from '../../commands/closeSurvey';
import { createSurvey } from '../../commands/createSurvey';
import { openSurvey } from '../../commands/openSurvey';
import { updateSurvey } from '../../commands/updateSurvey';
import { fail } from '../../errors';
import { decodeCursor, toPage } from '../../lib/cursor';
import { pseudonymServerKey } from '../../lib/surveyPseudonym';
import { requireUser } from '../../middlewares/authenticate';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { authorize } from '../../policies/community';
import { loadActor } from '../../queries/actor';
import { findCommunityOr404 } from '../../queries/communities';
import { listCommunitySurveys, loadSurveyViews, loadVisibleSurvey, managesSurveys } from '../../queries/surveyViews';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams, slugParams } from '../schemas';
import { createSurveyBody, listSurveysQuery, updateSurveyBody } from './surveySchemas';

/** The survey as the caller sees it (with whether they answered). */
async function present(deps: Deps, surveyId: string, viewerId: string) {
  const [survey] = await loadSurveyViews({ db: deps.db, serverKey: pseudonymServerKey(deps.config) }, { surveyIds: [surveyId], viewerId, now: deps.now() });
  return survey ?? fail('not_found');
}

function localeOf(req: Request): Locale {
  return req.locale ?? 'en';
}

/** Routes of the surveys work (issue 11): the survey itself and its lifecycle. */
export function mountSurveyRoutes(target: RouteTarget, deps: Deps, _limits: RateLimiters): void {
  defineRoute(target, { method: 'post', path: '/communities/:slug/surveys', summary: 'Create a survey in state draft (manager)', tag: 'surveys', auth: true, params: slugParams, body: createSurveyBody(deps.now), responses: { 201: '{survey}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const now = deps.now();
    const actor = await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now });
    const outcome = await createSurvey({ db: deps.db, now }, { actor, communityId: community.id, survey: body, locale: localeOf(req) });
    await afterCommit(deps, outcome);
    res.status(201).json({ survey: await present(deps, outcome.value.id, auth.user.id) });
  });

  defineRoute(target, { method: 'get', path: '/communities/:slug/surveys', summary: 'Surveys, newest first (?state=, paged); members see open and closed ones, managers drafts too', tag: 'surveys', auth: true, params: slugParams, query: listSurveysQuery, responses: { 200: '{items, nextCursor}' } }, async ({ params, query }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const now = deps.now();
    const actor = await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now });
    authorize(actor, 'survey.read');
    const visible = managesSurveys(actor) ? ['draft', 'open', 'closed'] : ['open', 'closed'];
    const states = query.state ? visible.filter((s) => s === query.state) : visible;
    const rows = states.length ? await listCommunitySurveys(deps.db, { communityId: community.id, states, after: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit, now }) : [];
    const page = toPage(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    const items = await loadSurveyViews({ db: deps.db, serverKey: pseudonymServerKey(deps.config) }, { surveyIds: page.rows.map((row) => row.id), viewerId: auth.user.id, now });
    res.json({ items, nextCursor: page.nextCursor });
  });

  defineRoute(target, { method: 'get', path: '/surveys/:id', summary: 'One survey with its questions, its state and whether I answered (a draft is 404 to non-managers)', tag: 'surveys', auth: true, params: idParams, responses: { 200: '{survey}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const { survey, actor } = await loadVisibleSurvey(deps, { userId: auth.user.id, surveyId: params.id });
    authorize(actor, 'survey.read');
    res.json({ survey: await present(deps, survey.id, auth.user.id) });
  });

  defineRoute(target, { method: 'patch', path: '/surveys/:id', summary: 'Edit a survey (manager): a draft freely, an open survey only in ways that keep answers valid (409 survey_locked otherwise); optional `version` guard', tag: 'surveys', auth: true, params: idParams, body: updateSurveyBody(deps.now), responses: { 200: '{survey}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const { survey, actor } = await loadVisibleSurvey(deps, { userId: auth.user.id, surveyId: params.id });
    const { version, ...patch } = body;
    const outcome = await updateSurvey({ db: deps.db, now: deps.now() }, { actor, survey, patch, expectedVersion: version, locale: localeOf(req) });
    await afterCommit(deps, outcome);
    res.json({ survey: await present(deps, survey.id, auth.user.id) });
  });

  defineRoute(target, { method: 'post', path: '/surveys/:id/open', summary: 'Open a draft survey for answers (manager; needs at least one question)', tag: 'surveys', auth: true, params: idParams, responses: { 200: '{survey}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const { survey, actor } = await loadVisibleSurvey(deps, { userId: auth.user.id, surveyId: params.id });
    const outcome = await openSurvey({ db: deps.db, now: deps.now() }, { actor, surveyId: survey.id, locale: localeOf(req) });
    await afterCommit(deps, outcome);
    res.json({ survey: await present(deps, survey.id, auth.user.id) });
  });

  defineRoute(target, { method: 'post', path: '/surveys/:id/close', summary: 'Close a survey (manager); closing a closed survey answers 200 with it', tag: 'surveys', auth: true, params: idParams, responses: { 200: '{survey}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const { survey, actor } = await loadVisibleSurvey(deps, { userId: auth.user.id, surveyId: params.id });
    const outcome = await closeSurvey({ db: deps.db, now: deps.now() }, { surveyId: survey.id, actor });
    await afterCommit(deps, outcome);
    res.json({ survey: await present(deps, survey.id, auth.user.id) });
  });
}
