// What the results suites share: a community with a manager and members, a survey of the five kinds written
// straight to the database, and typed calls to the results routes. Not a test file itself.
import type { SurveyResults } from '../../../server/contracts/surveys';
import type { ApiClient } from '../../helpers/api';
import { insertMembers } from '../../helpers/bulkMembers';
import { createCommunity, createUser, type TestUser } from '../../helpers/factories';
import { insertSurvey, type QuestionRowInput } from '../../helpers/surveyRows';
import type { TestServer } from '../../helpers/testServer';

export interface Setting {
  owner: TestUser;
  slug: string;
  communityId: string;
  members: TestUser[];
}

/** A community owned by a new user, with `members` more active members written straight to the database. */
export async function communityWith(server: TestServer, api: ApiClient, members: number): Promise<Setting> {
  const owner = await createUser(api);
  const community = await createCommunity(api, owner);
  const db = server.rukun.deps.db;
  const joined = members > 0 ? await insertMembers(db, { communitySlug: community.slug, count: members }) : [];
  const row = await db.community.findUniqueOrThrow({ where: { slug: community.slug }, select: { id: true } });
  return { owner, slug: community.slug, communityId: row.id, members: joined };
}

/** A survey of the setting (open, five kinds unless given), with its question ids by position. */
export async function surveyOf(server: TestServer, setting: Setting, options: { anonymous?: boolean; audienceEventId?: string; questions?: QuestionRowInput[]; state?: 'draft' | 'open' | 'closed'; title?: string } = {}) {
  const survey = await insertSurvey(server.rukun.deps.db, {
    communitySlug: setting.slug,
    createdById: setting.owner.id,
    ...(options.anonymous ? { anonymous: true } : {}),
    ...(options.audienceEventId ? { audienceEventId: options.audienceEventId } : {}),
    ...(options.questions ? { questions: options.questions } : {}),
    ...(options.state ? { state: options.state } : {}),
    ...(options.title ? { title: options.title } : {}),
  });
  return { ...survey, q: survey.questions.map((question) => question.id) };
}

/** GET /surveys/:id/results as `user`, asserting 200. */
export async function resultsOf(api: ApiClient, user: TestUser, surveyId: string): Promise<SurveyResults> {
  const res = await api.request<{ results: SurveyResults }>('GET', `/api/surveys/${surveyId}/results`, { token: user.token });
  if (res.status !== 200) throw new Error(`results: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.results;
}

type Result = SurveyResults['questions'][number];
/** The member of the result union whose `kind` includes K ('single' and 'multi' share one). */
type ResultOf<K extends Result['kind'], R = Result> = R extends { kind: infer Kinds } ? (K extends Kinds ? R : never) : never;

/** The result of the question at `index`, narrowed to `kind`. */
export function questionAt<K extends Result['kind']>(results: SurveyResults, index: number, kind: K): ResultOf<K> {
  const question = results.questions[index];
  if (!question || question.kind !== kind) throw new Error(`question ${index} is ${question?.kind}, not ${kind}`);
  return question as ResultOf<K>;
}
