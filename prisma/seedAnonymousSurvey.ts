// The demo's anonymous survey (`npm run demo`): an open, anonymous survey of the five question kinds, closing in two weeks,
// answered by Sari and Maya through the same commands the routes run (the Prisma answer path: the demo needs no lane
// batching). Its closing job is planned by the workers on start, as for every open survey.
import { answerSurvey } from '../server/commands/answerSurvey';
import { createSurvey } from '../server/commands/createSurvey';
import { openSurvey } from '../server/commands/openSurvey';
import type { Db } from '../server/db/client';
import type { SqlLane } from '../server/db/sqlLane';
import { checkAnswers } from '../server/lib/surveyAnswers';
import { loadActor } from '../server/queries/actor';
import { parseOptions } from '../server/presenters/presentSurvey';
import type { QuestionKind } from '../server/contracts/surveys';

/** Creates, opens and answers the demo survey of `communityId`. */
export async function seedAnonymousSurvey(deps: { db: Db; sql: SqlLane; serverKey: Buffer; now: Date }, input: { communityId: string; ids: Map<string, string> }): Promise<void> {
  const { db, sql, now } = deps;
  const owner = await loadActor(sql, { communityId: input.communityId, userId: input.ids.get('demo') ?? '', now });
  const created = await createSurvey({ db, now }, {
    actor: owner,
    communityId: input.communityId,
    locale: 'id',
    survey: {
      title: 'Survei kopdar 2026 / Meetup survey 2026',
      description: 'Bantu kami merencanakan kopdar berikutnya. Jawaban Anda anonim.',
      anonymous: true,
      closesAt: new Date(now.getTime() + 14 * 86_400_000),
      audience: { kind: 'all' },
      questions: [
        { kind: 'single', prompt: 'Kopdar berikutnya sebaiknya di mana?', options: ['Blok M', 'Kemang', 'Sabang'], required: true, min: null, max: null },
        { kind: 'multi', prompt: 'Kegiatan apa yang Anda minati?', options: ['Cupping kopi', 'Latte art', 'Jalan-jalan kafe'], required: false, min: null, max: null },
        { kind: 'rating', prompt: 'Seberapa puas Anda dengan kopdar terakhir?', options: [], required: false, min: 1, max: 5 },
        { kind: 'nps', prompt: 'Seberapa mungkin Anda merekomendasikan komunitas ini ke teman?', options: [], required: true, min: 0, max: 10 },
        { kind: 'text', prompt: 'Saran lain?', options: [], required: false, min: null, max: 2000 },
      ],
    },
  });
  await openSurvey({ db, now }, { actor: owner, surveyId: created.value.id, locale: 'id' });
  const survey = await db.survey.findUniqueOrThrow({ where: { id: created.value.id }, include: { questions: { orderBy: { position: 'asc' } } } });
  const rules = survey.questions.map((q) => ({ id: q.id, kind: q.kind as QuestionKind, options: parseOptions(q.options), required: q.required, min: q.min, max: q.max }));
  const answers: [string, unknown[]][] = [
    ['sari', [2, [0, 1], 5, 9, 'Lebih sering di akhir pekan.']],
    ['maya', [0, [0], 4, 10, 'More English-friendly events, please!']],
  ];
  for (const [handle, values] of answers) {
    const checked = checkAnswers(rules, rules.map((q, i) => ({ questionId: q.id, value: values[i] })));
    if ('problems' in checked) throw new Error(`demo answers of ${handle} are invalid: ${JSON.stringify(checked.problems)}`);
    const actor = await loadActor(sql, { communityId: input.communityId, userId: input.ids.get(handle) ?? '', now });
    await answerSurvey({ db, now, serverKey: deps.serverKey }, { actor, survey, rows: checked.rows });
  }
}
