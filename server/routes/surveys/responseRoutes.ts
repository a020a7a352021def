// Answering a survey. The answers are checked against the survey's questions first (422 naming each bad answer),
// then stored by the command in one transaction, one response per member by the unique key.
import type { Request } from 'express';
import type { Locale } from '../../contracts/api';
import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { assertAnswerable } from '../../commands/answerSurvey';
import { answerSurveyOnLane } from '../../commands/answerSurveyOnLane';
import { fail } from '../../errors';
import { answerProblemDetails, checkAnswers } from '../../lib/surveyAnswers';
import { pseudonymServerKey } from '../../lib/surveyPseudonym';
import { requireUser } from '../../middlewares/authenticate';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { authorize } from '../../policies/community';
import { inAudience, loadAnswerableSurveyOnLane } from '../../queries/surveyOnLane';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams } from '../schemas';
import { answerBody } from './surveySchemas';

function localeOf(req: Request): Locale {
  return req.locale ?? 'en';
}

/** Routes of the surveys work (issue 11): responses. */
export function mountResponseRoutes(target: RouteTarget, deps: Deps, _limits: RateLimiters): void {
  defineRoute(target, { method: 'post', path: '/surveys/:id/responses', summary: 'Answer a survey once: 409 already_responded, 409 survey_closed, 422 naming each bad answer (details[].path answers[i].value, reason)', tag: 'surveys', auth: true, params: idParams, body: answerBody, responses: { 201: '{response}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const { survey, actor } = await loadAnswerableSurveyOnLane(deps, { userId: auth.user.id, surveyId: params.id });
    const now = deps.now();
    // In the order a member would want to hear them: may I at all, is it open, am I asked, what is wrong with my answers.
    authorize(actor, 'survey.answer');
    assertAnswerable(survey, now);
    if (!(await inAudience(deps.sql, { audience: survey.audience, userId: auth.user.id }))) fail('forbidden');
    const checked = checkAnswers(survey.questions, body.answers);
    if ('problems' in checked) fail('validation_failed', { details: answerProblemDetails(checked.problems, localeOf(req)) });
    // The hot path runs on the SQL lane (bench/README.md, Surveys); answerSurvey is the same rules on Prisma.
    const outcome = await answerSurveyOnLane({ sql: deps.sql, now, serverKey: pseudonymServerKey(deps.config) }, { actor, survey, rows: checked.rows });
    await afterCommit(deps, outcome);
    res.status(201).json(outcome.value);
  });
}
