// Surveys written straight to the database, for suites that test answering, results or closing without going
// through the create route (its own suite covers that). The rows are what the create command would write.
import type { Db } from '../../server/db/client';
import type { QuestionKind } from '../../server/contracts/surveys';

export interface QuestionRowInput {
  kind: QuestionKind;
  prompt?: string;
  options?: string[];
  required?: boolean;
  min?: number | null;
  max?: number | null;
}

export interface SurveyRowInput {
  communitySlug: string;
  createdById: string;
  title?: string;
  anonymous?: boolean;
  state?: 'draft' | 'open' | 'closed';
  closesAt?: Date | null;
  audienceEventId?: string | null;
  questions?: QuestionRowInput[];
}

const DEFAULT_QUESTIONS: QuestionRowInput[] = [
  { kind: 'single', prompt: 'Kopdar berikutnya di mana?', options: ['Jakarta', 'Bandung', 'Surabaya'], required: true },
  { kind: 'multi', prompt: 'Topik yang diminati', options: ['Moderasi', 'Acara', 'Survei'] },
  { kind: 'rating', prompt: 'Seberapa puas?', min: 1, max: 5 },
  { kind: 'nps', prompt: 'Seberapa mungkin Anda merekomendasikan komunitas ini?' },
  { kind: 'text', prompt: 'Saran lain' },
];

/** Inserts a survey (open by default, named, the five question kinds) with its questions and returns them. */
export async function insertSurvey(db: Db, input: SurveyRowInput) {
  const community = await db.community.findUniqueOrThrow({ where: { slug: input.communitySlug }, select: { id: true } });
  const state = input.state ?? 'open';
  const now = new Date();
  const survey = await db.survey.create({
    data: {
      communityId: community.id,
      createdById: input.createdById,
      title: input.title ?? 'Survei kopdar',
      anonymous: input.anonymous ?? false,
      state,
      closesAt: input.closesAt ?? null,
      openedAt: state === 'draft' ? null : now,
      closedAt: state === 'closed' ? now : null,
      audience: input.audienceEventId ? 'event' : 'all',
      audienceEventId: input.audienceEventId ?? null,
      questions: {
        create: (input.questions ?? DEFAULT_QUESTIONS).map((q, position) => ({
          position,
          kind: q.kind,
          prompt: q.prompt ?? `Pertanyaan ${position + 1}`,
          options: JSON.stringify(q.options ?? []),
          required: q.required ?? false,
          min: q.kind === 'nps' ? 0 : q.kind === 'rating' ? (q.min ?? 1) : null,
          max: q.kind === 'nps' ? 10 : q.kind === 'rating' ? (q.max ?? 5) : null,
        })),
      },
    },
    include: { questions: { orderBy: { position: 'asc' } } },
  });
  return survey;
}
