// The surveys processor: closes a survey at its closesAt. A thin adapter around closeSurvey, which tests call with
// their own `now`; a job planned for a closesAt the survey no longer has is stale and does nothing.
import { UnrecoverableError, type Job } from 'bullmq';
import { closeSurvey } from '../../server/commands/closeSurvey';
import { SURVEY_JOB_NAMES, type SurveyJob } from '../../server/contracts/jobs';
import type { Deps } from '../../server/deps';
import { afterCommit } from '../../server/deps';

export type SurveyProcessorDeps = Pick<Deps, 'db' | 'now' | 'enqueue' | 'announce'>;

function isClose(data: SurveyJob): boolean {
  const d = data as Partial<SurveyJob>;
  return typeof d.surveyId === 'string' && typeof d.closesAt === 'string' && !Number.isNaN(Date.parse(d.closesAt));
}

/** Builds the processor for the `surveys` queue (job name `close`); returns what closeSurvey did. */
export function createSurveyJobProcessor(deps: SurveyProcessorDeps) {
  return async (job: Job<SurveyJob>): Promise<string> => {
    if (job.name !== SURVEY_JOB_NAMES.close || !isClose(job.data)) throw new UnrecoverableError(`unknown surveys job ${job.name} ${JSON.stringify(job.data)}`);
    const outcome = await closeSurvey({ db: deps.db, now: deps.now() }, { surveyId: job.data.surveyId, actor: null, dueAt: new Date(job.data.closesAt) });
    await afterCommit(deps, outcome);
    // A delayed job that fires early (clocks of two machines) is tried again after its backoff.
    if (outcome.value === 'not_due') throw new Error(`survey ${job.data.surveyId} is not due until ${job.data.closesAt}`);
    return outcome.value;
  };
}
