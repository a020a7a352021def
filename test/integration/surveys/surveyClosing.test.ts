// Closing by closesAt with an injected clock: the surveys processor called with `now` (due, early, stale, twice,
// racing the manager), the job run by a real worker, and the re-plan on workers start (overdue open surveys close at
// once, the others get their jobs back). Also the portable Prisma answer command (answerSurvey.ts), which the route
// does not run on SQLite: the same rules as the lane's.
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSurvey } from '../../../server/commands/answerSurvey';
import { closeSurvey } from '../../../server/commands/closeSurvey';
import { QUEUE_NAMES, surveyCloseJobId, type SurveyJob } from '../../../server/contracts/jobs';
import type { Db } from '../../../server/db/client';
import { pseudonymServerKey } from '../../../server/lib/surveyPseudonym';
import { loadActor } from '../../../server/queries/actor';
import { createSurveyJobProcessor } from '../../../workers/processors/surveyJobs';
import { replanSurveys } from '../../../workers/startWorkers';
import { insertMembers } from '../../helpers/bulkMembers';
import { insertSurvey } from '../../helpers/surveyRows';
import { apiClient } from '../../helpers/api';
import { createCommunity, createUser, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { waitUntil } from '../support';

const NOW = new Date('2026-12-05T08:00:00.000Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

let server: TestServer;
let db: Db;
let owner: TestUser;
let slug: string;

beforeAll(async () => {
  // HTTP only: these tests run the processor and the re-plan themselves, with their own clock.
  server = await startTestServer({ process: 'server', now: () => NOW });
  db = server.rukun.deps.db;
  const api = apiClient(server.baseUrl);
  owner = await createUser(api);
  slug = (await createCommunity(api, owner)).slug;
});
afterAll(async () => {
  await server.rukun.deps.queues.surveys.obliterate({ force: true });
  await server?.close();
});

const processorAt = (now: Date) => createSurveyJobProcessor({ ...server.rukun.deps, now: () => now });
const jobOf = (data: SurveyJob) => ({ name: 'close', data }) as Job<SurveyJob>;
const stateOf = async (id: string) => (await db.survey.findUniqueOrThrow({ where: { id } })).state;

describe('closing by closesAt', () => {
  it('closes a due survey once; an early job is retried, a stale one (closesAt moved) does nothing', async () => {
    const survey = await insertSurvey(db, { communitySlug: slug, createdById: owner.id, closesAt: at(2) });
    const data = { surveyId: survey.id, closesAt: at(2).toISOString() };
    await expect(processorAt(at(1))(jobOf(data))).rejects.toThrow(/not due/);
    expect(await stateOf(survey.id)).toBe('open');
    // The manager moved closesAt to +5 h: the job planned for +2 h finds it stale.
    await db.survey.update({ where: { id: survey.id }, data: { closesAt: at(5) } });
    expect(await processorAt(at(3))(jobOf(data))).toBe('stale');
    expect(await stateOf(survey.id)).toBe('open');
    const fresh = { surveyId: survey.id, closesAt: at(5).toISOString() };
    expect(await processorAt(at(5))(jobOf(fresh))).toBe('closed');
    expect(await db.survey.findUniqueOrThrow({ where: { id: survey.id } })).toMatchObject({ state: 'closed', closedAt: at(5) });
    expect(await processorAt(at(6))(jobOf(fresh))).toBe('already_closed');
    const audit = await db.auditEntry.findMany({ where: { targetType: 'survey', targetId: survey.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['survey.close_due', null]]);
  });

  it('lets exactly one of a manager\'s close and several jobs at once close the survey', async () => {
    const survey = await insertSurvey(db, { communitySlug: slug, createdById: owner.id, closesAt: at(1) });
    const actor = await loadActor(server.rukun.deps.sql, { communityId: survey.communityId, userId: owner.id, now: at(1) });
    const data = { surveyId: survey.id, closesAt: at(1).toISOString() };
    const results = await Promise.all([
      closeSurvey({ db, now: at(1) }, { surveyId: survey.id, actor }).then((o) => o.value),
      ...Array.from({ length: 4 }, () => processorAt(at(1))(jobOf(data))),
    ]);
    expect(results.filter((r) => r === 'closed')).toHaveLength(1);
    expect(results.filter((r) => r === 'already_closed')).toHaveLength(4);
    expect(await db.auditEntry.count({ where: { targetType: 'survey', targetId: survey.id } })).toBe(1);
  });

  it('runs the delayed job through a real worker', async () => {
    const survey = await insertSurvey(db, { communitySlug: slug, createdById: owner.id, closesAt: at(-1) });
    const connection = new Redis(server.rukun.deps.config.REDIS_URL, { maxRetriesPerRequest: null });
    const worker = new Worker<SurveyJob>(QUEUE_NAMES.surveys, processorAt(NOW), { connection, prefix: server.prefix, concurrency: 1 });
    try {
      const data = { surveyId: survey.id, closesAt: at(-1).toISOString() };
      await server.rukun.deps.queues.surveys.add('close', data, { jobId: surveyCloseJobId(data) });
      await waitUntil('the closing job', async () => ((await server.rukun.deps.queues.surveys.getJobState(surveyCloseJobId(data))) === 'completed' ? true : undefined));
      expect(await stateOf(survey.id)).toBe('closed');
    } finally {
      await worker.close();
      connection.disconnect();
    }
  });

  it('re-plans on workers start: overdue open surveys close at once, the others get their closing job back', async () => {
    const overdue = await insertSurvey(db, { communitySlug: slug, createdById: owner.id, closesAt: at(-3) });
    const later = await insertSurvey(db, { communitySlug: slug, createdById: owner.id, closesAt: at(4) });
    const draft = await insertSurvey(db, { communitySlug: slug, createdById: owner.id, state: 'draft', closesAt: at(4) });
    const result = await replanSurveys({ ...server.rukun.deps, now: () => NOW });
    expect(result?.closed).toBeGreaterThanOrEqual(1);
    expect(await stateOf(overdue.id)).toBe('closed');
    expect(await stateOf(later.id)).toBe('open');
    const job = await server.rukun.deps.queues.surveys.getJob(surveyCloseJobId({ surveyId: later.id, closesAt: at(4).toISOString() }));
    expect(job?.opts.delay).toBe(4 * HOUR);
    expect(await server.rukun.deps.queues.surveys.getJob(surveyCloseJobId({ surveyId: draft.id, closesAt: at(4).toISOString() }))).toBeUndefined();
    // A second start adds nothing new: the job id names survey and time.
    await replanSurveys({ ...server.rukun.deps, now: () => NOW });
    const delayed = (await server.rukun.deps.queues.surveys.getDelayed()).filter((j) => j.data.surveyId === later.id);
    expect(delayed).toHaveLength(1);
  });
});

describe('the portable Prisma answer command', () => {
  it('keeps one response per member under concurrency and refuses closed surveys, named and anonymous', { timeout: 120_000 }, async () => {
    const members = await insertMembers(db, { communitySlug: slug, count: 40, now: NOW });
    const serverKey = pseudonymServerKey(server.rukun.deps.config);
    for (const anonymous of [false, true]) {
      const survey = await insertSurvey(db, { communitySlug: slug, createdById: owner.id, anonymous });
      const answer = async (member: TestUser) => {
        const actor = await loadActor(server.rukun.deps.sql, { communityId: survey.communityId, userId: member.id, now: NOW });
        try {
          await answerSurvey({ db, now: NOW, serverKey }, { actor, survey, rows: [{ questionId: survey.questions[0]?.id ?? '', optionIndex: 1, numberValue: null, textValue: null }] });
          return 'ok';
        } catch (err) {
          return (err as { code?: string }).code ?? String(err);
        }
      };
      const results = await Promise.all(members.flatMap((m) => [answer(m), answer(m)]));
      expect(results.filter((r) => r === 'ok')).toHaveLength(40);
      expect(results.filter((r) => r === 'already_responded')).toHaveLength(40);
      const rows = await db.surveyResponse.findMany({ where: { surveyId: survey.id } });
      expect(rows).toHaveLength(40);
      expect(rows.every((r) => (anonymous ? r.userId === null : r.userId === r.respondentKey))).toBe(true);
      expect((await db.survey.findUniqueOrThrow({ where: { id: survey.id } })).responseCount).toBe(40);
      // Closed between the route's check and the write: the conditional counter update refuses it.
      await db.survey.update({ where: { id: survey.id }, data: { state: 'closed' } });
      const extra = await insertMembers(db, { communitySlug: slug, count: 1, now: NOW });
      const actor = await loadActor(server.rukun.deps.sql, { communityId: survey.communityId, userId: extra[0]?.id ?? '', now: NOW });
      await expect(answerSurvey({ db, now: NOW, serverKey }, { actor, survey: { ...survey, state: 'open' }, rows: [] })).rejects.toMatchObject({ code: 'survey_closed' });
      expect(await db.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(40);
    }
  });
});
