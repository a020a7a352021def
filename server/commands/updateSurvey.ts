// A manager edits a survey. A draft takes any edit (its questions are replaced wholesale: it has no answers). An open
// survey takes only edits that keep every answer already given valid (server/lib/surveyEdits.ts); anything else is
// 409 survey_locked naming each problem. A closed survey takes none. The write is conditional on the version and
// state the edit was checked against, so two editors, or an edit racing the open or the close, cannot both win.
import type { Db } from '../db/client';
import { inWriteTransaction, type Tx } from '../db/transaction';
import { fail } from '../errors';
import type { Locale } from '../contracts/api';
import { openQuestionProblems, openSurveyProblems, type LockProblem } from '../lib/surveyEdits';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { parseOptions } from '../presenters/presentSurvey';
import type { QuestionInput } from '../routes/surveys/surveySchemas';
import { planSurveyClose } from './closeSurvey';
import { assertAudienceEvent, questionRows, surveyAuditFields, type SurveyAudienceInput } from './createSurvey';
import type { Outcome } from './outcome';
import { recordAudit } from './recordAudit';

export interface SurveyPatch {
  title?: string | undefined;
  description?: string | undefined;
  anonymous?: boolean | undefined;
  closesAt?: Date | null | undefined;
  audience?: SurveyAudienceInput | undefined;
  questions?: QuestionInput[] | undefined;
}

interface StoredSurvey {
  id: string;
  communityId: string;
  state: string;
  version: number;
  anonymous: boolean;
  closesAt: Date | null;
  audience: string;
  audienceEventId: string | null;
  questions: { id: string; position: number; kind: string; prompt: string; options: string; required: boolean; min: number | null; max: number | null }[];
}

function lockDetails(problems: LockProblem[], locale: Locale) {
  return problems.map((p) => ({ path: p.path, message: p.messages[locale], reason: p.reason }));
}

function audienceChanged(survey: StoredSurvey, audience: SurveyAudienceInput | undefined): boolean {
  if (!audience) return false;
  return audience.kind !== survey.audience || (audience.kind === 'event' ? audience.eventId : null) !== survey.audienceEventId;
}

/** The locked changes of an edit to an open survey (empty: the edit keeps every answer valid). */
export function openEditProblems(survey: StoredSurvey, patch: SurveyPatch): LockProblem[] {
  const stored = survey.questions.map((q) => ({ ...q, options: parseOptions(q.options) }));
  return [
    ...openSurveyProblems({ anonymousChanged: patch.anonymous !== undefined && patch.anonymous !== survey.anonymous, audienceChanged: audienceChanged(survey, patch.audience) }),
    ...(patch.questions ? openQuestionProblems(stored, patch.questions) : []),
  ];
}

/** The questions as the survey.update audit entry records them: prompts and option labels, before and after. */
function auditQuestions(questions: readonly { id: string; prompt: string; options: string }[]) {
  return questions.map((q) => ({ id: q.id, prompt: q.prompt, options: parseOptions(q.options) }));
}

/** Writes the question list of an edit: wholesale for a draft; kept questions updated and new ones appended when open. */
async function writeQuestions(tx: Tx, survey: StoredSurvey, questions: QuestionInput[]): Promise<void> {
  if (survey.state === 'draft') {
    await tx.surveyQuestion.deleteMany({ where: { surveyId: survey.id } });
    await tx.surveyQuestion.createMany({ data: questionRows(survey.id, questions) });
    return;
  }
  const kept = questions.filter((q) => q.id);
  for (const q of kept) {
    await tx.surveyQuestion.update({ where: { id: q.id as string }, data: { prompt: q.prompt, options: JSON.stringify(q.options), required: q.required, max: q.kind === 'text' ? q.max : undefined } });
  }
  const added = questions.filter((q) => !q.id);
  if (added.length) await tx.surveyQuestion.createMany({ data: questionRows(survey.id, added, kept.length) });
}

/** Applies `patch` (checked against the survey's state) when the survey is still at `survey.version` (and `expectedVersion`). */
export async function updateSurvey(
  deps: { db: Db; now: Date },
  input: { actor: Actor; survey: StoredSurvey; patch: SurveyPatch; expectedVersion?: number | undefined; locale: Locale },
): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'survey.manage');
  const { survey, patch } = input;
  if (input.expectedVersion !== undefined && input.expectedVersion !== survey.version) fail('version_conflict');
  if (survey.state === 'closed' || (survey.closesAt && survey.closesAt.getTime() <= deps.now.getTime())) fail('survey_closed');
  if (survey.state === 'open') {
    const problems = openEditProblems(survey, patch);
    if (problems.length) fail('survey_locked', { details: lockDetails(problems, input.locale) });
  }
  const after = await inWriteTransaction(deps.db, async (tx) => {
    if (patch.audience) await assertAudienceEvent(tx, { communityId: survey.communityId, audience: patch.audience, locale: input.locale });
    const before = await tx.survey.findUniqueOrThrow({ where: { id: survey.id } });
    const written = await tx.survey.updateMany({
      where: { id: survey.id, version: survey.version, state: survey.state },
      data: {
        title: patch.title,
        description: patch.description,
        anonymous: patch.anonymous,
        closesAt: patch.closesAt,
        ...(patch.audience ? { audience: patch.audience.kind, audienceEventId: patch.audience.kind === 'event' ? patch.audience.eventId : null } : {}),
        updatedAt: deps.now,
        version: { increment: 1 },
      },
    });
    if (written.count === 0) fail('version_conflict');
    if (patch.questions) await writeQuestions(tx, survey, patch.questions);
    const row = await tx.survey.findUniqueOrThrow({ where: { id: survey.id } });
    // The wording is recorded too: a reworded prompt or label must be visible in the log, not only the counts.
    const questionsAfter = patch.questions ? await tx.surveyQuestion.findMany({ where: { surveyId: survey.id }, orderBy: { position: 'asc' }, select: { id: true, prompt: true, options: true } }) : survey.questions;
    await recordAudit(tx, {
      communityId: survey.communityId,
      actorId: input.actor.userId,
      action: 'survey.update',
      targetType: 'survey',
      targetId: survey.id,
      before: { ...surveyAuditFields(before, survey.questions.length), questionTexts: auditQuestions(survey.questions) },
      after: { ...surveyAuditFields(row, patch.questions?.length ?? survey.questions.length), questionTexts: auditQuestions(questionsAfter) },
      now: deps.now,
    });
    return row;
  });
  // A new closesAt gets its own job (the job id names the time); the job of the old one finds it stale.
  const moved = (after.closesAt?.getTime() ?? null) !== (survey.closesAt?.getTime() ?? null);
  return { value: { id: survey.id }, events: [], jobs: moved ? planSurveyClose(after, deps.now) : [] };
}
