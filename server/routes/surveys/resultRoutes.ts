// Results of a survey (managers): SQL aggregates, text answers paged, CSV export.
import type { Request, Response } from 'express';
import type { Locale } from '../../contracts/api';
import type { Deps } from '../../deps';
import { recordAudit } from '../../commands/recordAudit';
import { fail } from '../../errors';
import { writeSurveyCsv } from '../../exports/surveyCsv';
import { decodeCursor } from '../../lib/cursor';
import { requireUser } from '../../middlewares/authenticate';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { loadManagedSurvey } from '../../queries/managedSurvey';
import { loadSurveyResults, resultsHidden } from '../../queries/surveyResults';
import { listTextAnswers } from '../../queries/surveyTexts';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams } from '../schemas';
import { csvQuery, textParams, textsQuery } from './resultSchemas';

const PROBLEMS = {
  identifyAnonymous: {
    en: 'This survey is anonymous: its export never names respondents.',
    id: 'Survei ini anonim: ekspornya tidak pernah menyebut nama responden.',
  },
  notText: { en: 'This question has no text answers.', id: 'Pertanyaan ini tidak memiliki jawaban teks.' },
} as const;

const FILE_PREFIX = { id: 'hasil-survei', en: 'survey-results' } as const;

function localeOf(req: Request): Locale {
  return req.locale ?? 'en';
}

/** An ASCII file name from the survey's title (accents dropped), with a fallback for titles with no Latin letters. */
export function csvFileName(title: string, locale: Locale, day: Date): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `${FILE_PREFIX[locale]}${slug ? `-${slug}` : ''}-${day.toISOString().slice(0, 10)}.csv`;
}

/** Streams the CSV; a failure after the first byte can only cut the download short (the status is already sent). */
async function sendCsv(res: Response, stream: () => Promise<void>): Promise<void> {
  try {
    await stream();
  } catch (err) {
    if (!res.headersSent) throw err;
    res.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}

/** Routes of the surveys work (issue 11), results part. */
export function mountResultRoutes(target: RouteTarget, deps: Deps, _limits: RateLimiters): void {
  defineRoute(target, { method: 'get', path: '/surveys/:id/results', summary: 'Results of a survey (manager): counts per option, rating mean and distribution, NPS, first page of text answers, response rate; breakdowns hidden below 5 responses on anonymous surveys', tag: 'surveys', auth: true, params: idParams, responses: { 200: '{results}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const { survey } = await loadManagedSurvey(deps, { userId: auth.user.id, surveyId: params.id });
    res.json({ results: await loadSurveyResults(deps.db, survey) });
  });

  defineRoute(target, { method: 'get', path: '/surveys/:id/results/questions/:questionId/texts', summary: 'Text answers of one question (manager), newest first, paged; empty while the results are hidden', tag: 'surveys', auth: true, params: textParams, query: textsQuery, responses: { 200: '{items, nextCursor, hidden}' } }, async ({ params, query }, req, res) => {
    const auth = requireUser(req);
    const { survey } = await loadManagedSurvey(deps, { userId: auth.user.id, surveyId: params.id });
    const question = survey.questions.find((q) => q.id === params.questionId) ?? fail('not_found');
    if (question.kind !== 'text') {
      fail('validation_failed', { details: [{ path: 'params.questionId', message: PROBLEMS.notText[localeOf(req)], reason: 'not_text' }] });
    }
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    if (resultsHidden(survey)) {
      res.json({ items: [], nextCursor: null, hidden: true });
      return;
    }
    const page = await listTextAnswers(deps.db, { surveyId: survey.id, questionId: question.id, after, limit: query.limit });
    res.json({ ...page, hidden: false });
  });

  defineRoute(target, { method: 'get', path: '/surveys/:id/results.csv', summary: 'Responses as CSV (manager), one row per response; `?identify=true` adds handle, display name and e-mail on named surveys (audited; 422 on anonymous ones); 409 results_hidden while an anonymous survey\'s results are hidden', tag: 'surveys', auth: true, params: idParams, query: csvQuery, responses: { 200: 'text/csv' } }, async ({ params, query }, req, res) => {
    const auth = requireUser(req);
    const { survey } = await loadManagedSurvey(deps, { userId: auth.user.id, surveyId: params.id });
    const locale = localeOf(req);
    if (query.identify && survey.anonymous) {
      fail('validation_failed', { details: [{ path: 'query.identify', message: PROBLEMS.identifyAnonymous[locale], reason: 'anonymous_survey' }] });
    }
    // The export carries every answer of every response: it keeps the same threshold as the results.
    if (resultsHidden(survey)) fail('results_hidden');
    const now = deps.now();
    // An export that names people is recorded before its first byte leaves, whether or not the download completes.
    if (query.identify) {
      await recordAudit(deps.db, { communityId: survey.communityId, actorId: auth.user.id, action: 'survey.export_identified', targetType: 'survey', targetId: survey.id, after: { responseCount: survey.responseCount }, now });
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${csvFileName(survey.title, locale, now)}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    await sendCsv(res, () => writeSurveyCsv({ db: deps.db, survey, identify: query.identify, locale, out: res }));
  });
}
