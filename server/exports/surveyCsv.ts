// A survey's responses as CSV, one row per response, streamed: responses are read a page at a time by keyset
// (submittedAt, id), turned into records and fed through csv-stringify into the HTTP response, so memory stays flat
// whatever the survey's size. Cells a spreadsheet would run as a formula are neutralised; names and e-mails appear
// only on an identified export of a named survey.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Locale } from '../contracts/api';
import type { Db } from '../db/client';
import { optionLabels, type QuestionRow } from '../presenters/presentQuestionResult';

/** Responses read per round trip: two queries (responses, their answers) per page. */
const PAGE = 1000;

const HEADERS = {
  id: { number: 'No.', submitted: 'Dikirim (UTC)', handle: 'Nama pengguna', displayName: 'Nama tampilan', email: 'E-mail' },
  en: { number: 'No.', submitted: 'Submitted (UTC)', handle: 'Handle', displayName: 'Display name', email: 'E-mail' },
} as const;

export interface SurveyCsvInput {
  db: Db;
  survey: { id: string; anonymous: boolean; questions: QuestionRow[] };
  /** Adds handle, display name and e-mail columns; the route allows it on named surveys only. */
  identify: boolean;
  locale: Locale;
  out: Writable;
}

type Cell = string | number;

/**
 * Against CSV (formula) injection: a text cell that starts with = + - @, a tab or a carriage return gets a leading
 * apostrophe, so spreadsheets show it as text instead of evaluating it (OWASP's advice).
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

interface AnswerRow {
  questionId: string;
  optionIndex: number | null;
  numberValue: number | null;
  textValue: string | null;
}

/** The cell of one question in one response: label(s), number or text; '' when unanswered. */
function cellOf(question: QuestionRow, labels: string[], answers: AnswerRow[]): Cell {
  const mine = answers.filter((a) => a.questionId === question.id);
  if (mine.length === 0) return '';
  switch (question.kind) {
    case 'single':
    case 'multi':
      return neutralise(
        mine
          .map((a) => a.optionIndex ?? -1)
          .sort((a, b) => a - b)
          .map((index) => labels[index] ?? '')
          .join('; '),
      );
    case 'rating':
    case 'nps':
      return mine[0]?.numberValue ?? '';
    default:
      return neutralise(mine[0]?.textValue ?? '');
  }
}

/** Anonymous responses carry only their day; named ones the instant. */
function submittedCell(at: Date, anonymous: boolean): string {
  return anonymous ? at.toISOString().slice(0, 10) : at.toISOString();
}

/** The records of the export, header first, read from the database a page at a time. */
async function* records(input: SurveyCsvInput): AsyncGenerator<Cell[]> {
  const { db, survey } = input;
  const identify = input.identify && !survey.anonymous;
  const words = HEADERS[input.locale];
  const labels = new Map(survey.questions.map((q) => [q.id, optionLabels(q)]));
  yield [words.number, words.submitted, ...(identify ? [words.handle, words.displayName, words.email] : []), ...survey.questions.map((q) => neutralise(q.prompt))];
  let after: { at: Date; id: string } | null = null;
  let number = 0;
  for (;;) {
    const page: { id: string; submittedAt: Date; userId: string | null; answers: AnswerRow[] }[] = await db.surveyResponse.findMany({
      where: {
        surveyId: survey.id,
        ...(after ? { OR: [{ submittedAt: { gt: after.at } }, { submittedAt: after.at, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      take: PAGE,
      select: { id: true, submittedAt: true, userId: true, answers: { select: { questionId: true, optionIndex: true, numberValue: true, textValue: true } } },
    });
    const people = identify ? await peopleOf(db, page) : new Map<string, Cell[]>();
    for (const response of page) {
      number += 1;
      const who = identify ? (people.get(response.userId ?? '') ?? ['', '', '']) : [];
      const cells = survey.questions.map((q) => cellOf(q, labels.get(q.id) ?? [], response.answers));
      yield [number, submittedCell(response.submittedAt, survey.anonymous), ...who, ...cells];
    }
    const last = page[page.length - 1];
    if (!last || page.length < PAGE) return;
    after = { at: last.submittedAt, id: last.id };
  }
}

/** Handle, display name and e-mail of a page's respondents, by user id. */
async function peopleOf(db: Db, page: { userId: string | null }[]): Promise<Map<string, Cell[]>> {
  const ids = [...new Set(page.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, handle: true, displayName: true, email: true } });
  return new Map(users.map((u) => [u.id, [neutralise(u.handle), neutralise(u.displayName), neutralise(u.email)]]));
}

/** Streams the export into `out` (with a UTF-8 BOM, so Excel reads the accents right) and ends it. */
export async function writeSurveyCsv(input: SurveyCsvInput): Promise<void> {
  await pipeline(Readable.from(records(input)), stringify({ bom: true }), input.out);
}
