// The demo's survey (`npm run demo`): an open, named survey of the five question kinds in the demo community with a
// dozen responses, so its results page, charts and CSV export have something to show. Nine quieter members join the
// community to answer it (same demo password). Rows are written as the answering command writes them on a named
// survey: the respondent key is the user id, one answer row per chosen option of a multi question.
import { randomUUID } from 'node:crypto';
import { joinCommunity } from '../server/commands/joinCommunity';
import { registerUser } from '../server/commands/registerUser';
import type { Db } from '../server/db/client';

const RESPONDENTS = [
  { handle: 'rina', displayName: 'Rina Marlina' },
  { handle: 'agus', displayName: 'Agus Setiawan' },
  { handle: 'dewi', displayName: 'Dewi Lestari' },
  { handle: 'eko', displayName: 'Eko Prasetyo' },
  { handle: 'fitri', displayName: 'Fitri Handayani' },
  { handle: 'joko', displayName: 'Joko Susilo' },
  { handle: 'lina', displayName: 'Lina Kusuma' },
  { handle: 'tono', displayName: 'Tono Hidayat' },
  { handle: 'wulan', displayName: 'Wulan Sari' },
];

const QUESTIONS = [
  { kind: 'single', prompt: 'Kopdar berikutnya sebaiknya di mana? / Where should the next meet-up be?', options: ['Jakarta Pusat', 'Jakarta Selatan', 'Depok', 'Tangerang'], required: true },
  { kind: 'multi', prompt: 'Kegiatan apa yang kamu minati? / Which activities interest you?', options: ['Cupping kopi', 'Kelas latte art', 'Hunting foto', 'Diskusi buku'] },
  { kind: 'rating', prompt: 'Seberapa puas dengan kopdar terakhir? / How satisfied were you with the last meet-up?', min: 1, max: 5 },
  { kind: 'nps', prompt: 'Seberapa mungkin kamu merekomendasikan komunitas ini ke teman? / How likely are you to recommend this community?' },
  { kind: 'text', prompt: 'Saran untuk pengelola / Suggestions for the organisers' },
] as const;

/** Answers in question order: option index, chosen indexes, rating, NPS score, text (or null when skipped). */
const ANSWERS: [number, number[], number | null, number, string | null][] = [
  [0, [0, 1], 5, 10, 'Tempatnya nyaman, lanjutkan!'],
  [1, [0], 4, 9, 'Kalau bisa mulai lebih pagi.'],
  [0, [2], 4, 8, null],
  [2, [0, 3], 3, 7, 'More English-friendly sessions, please.'],
  [0, [1, 2], 5, 10, 'Kelas latte art dong!'],
  [3, [], 2, 5, 'Parkirnya susah, cari tempat dekat stasiun.'],
  [1, [0, 1, 2], 4, 9, null],
  [0, [3], 4, 8, 'Diskusi buku sambil ngopi pasti seru.'],
  [1, [0], 5, 10, null],
  [2, [2], 3, 6, 'Harga tiket cupping agak mahal.'],
  [0, [0, 2], 4, 9, 'Terima kasih untuk pengelola!'],
  [3, [1], null, 7, null],
];

/** Registers (or finds) the respondents and makes them members; returns their ids. */
async function ensureRespondents(db: Db, input: { communityId: string; password: string; now: Date }): Promise<string[]> {
  const ids: string[] = [];
  for (const person of RESPONDENTS) {
    const existing = await db.user.findUnique({ where: { handle: person.handle } });
    const id = existing
      ? existing.id
      : (await registerUser({ db, now: input.now, sessionTtlDays: 1 }, { ...person, locale: 'id', email: `${person.handle}@demo.rukun.local`, password: input.password })).user.id;
    await joinCommunity({ db, now: input.now }, { communityId: input.communityId, userId: id });
    ids.push(id);
  }
  return ids;
}

/** Writes the demo survey and its twelve responses (Sari, Budi, Maya and nine more members). */
export async function seedSurvey(db: Db, input: { communityId: string; ownerId: string; memberIds: string[]; password: string; now: Date }): Promise<void> {
  const respondents = [...input.memberIds, ...(await ensureRespondents(db, input))].slice(0, ANSWERS.length);
  const hour = 3_600_000;
  const survey = await db.survey.create({
    data: {
      communityId: input.communityId,
      createdById: input.ownerId,
      title: 'Survei kepuasan anggota 2026',
      description: 'Bantu kami merencanakan kopdar tahun depan. Help us plan next year\'s meet-ups.',
      state: 'open',
      openedAt: new Date(input.now.getTime() - 72 * hour),
      responseCount: respondents.length,
      questions: { create: QUESTIONS.map((q, position) => ({ position, kind: q.kind, prompt: q.prompt, options: JSON.stringify('options' in q ? q.options : []), required: 'required' in q ? q.required : false, min: q.kind === 'nps' ? 0 : 'min' in q ? q.min : null, max: q.kind === 'nps' ? 10 : 'max' in q ? q.max : null })) },
    },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  const [single, multi, rating, nps, text] = survey.questions.map((q) => q.id) as [string, string, string, string, string];
  const responses = respondents.map((userId, i) => ({ id: randomUUID(), surveyId: survey.id, userId, respondentKey: userId, submittedAt: new Date(input.now.getTime() - (60 - i * 5) * hour) }));
  const answers = responses.flatMap((response, i) => {
    const [choice, chosen, stars, score, note] = ANSWERS[i] ?? [0, [], null, 0, null];
    const base = { responseId: response.id, surveyId: survey.id };
    return [
      { ...base, questionId: single, optionIndex: choice },
      ...chosen.map((optionIndex) => ({ ...base, questionId: multi, optionIndex })),
      ...(stars === null ? [] : [{ ...base, questionId: rating, numberValue: stars }]),
      { ...base, questionId: nps, numberValue: score },
      ...(note === null ? [] : [{ ...base, questionId: text, textValue: note }]),
    ];
  });
  await db.$transaction(async (tx) => {
    await tx.surveyResponse.createMany({ data: responses });
    await tx.surveyAnswer.createMany({ data: answers });
  });
}
