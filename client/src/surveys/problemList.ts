// The order in which a form's problems are listed in its error summary and the first one the keyboard is taken to:
// the order of the fields on the page. Pure, so the order can be tested without a browser.
import type { SurveyQuestion } from '../../../server/contracts/surveys';
import type { AnswerProblems } from './answers';
import type { FormProblem, FormProblems, ServerProblems } from './surveyBody';

/** The questions of an answering form that are marked, in the form's order. */
export function answerProblemOrder(questions: readonly Pick<SurveyQuestion, 'id'>[], problems: AnswerProblems): { questionId: string; index: number }[] {
  return questions.flatMap((q, index) => (problems[q.id] ? [{ questionId: q.id, index }] : []));
}

export type BuilderField = 'title' | 'description' | 'closesAt' | 'event';
export type QuestionPart = 'prompt' | 'options' | 'range';

/** One marked place in the builder: a survey field, a part of a question (with its key and 1-based number), or the
 * missing questions. `target` is the value of the `data-problem` attribute on the control to focus. */
export type BuilderProblem =
  | { kind: 'field'; field: BuilderField; problem: FormProblem | null; message: string | null; target: string }
  | { kind: 'question'; key: string; n: number; part: QuestionPart; problem: FormProblem | null; message: string | null; target: string }
  | { kind: 'questions'; target: string };

export const problemTarget = {
  field: (field: BuilderField): string => field,
  question: (key: string, part: QuestionPart): string => `q-${key}-${part}`,
  questions: 'questions',
} as const;

const FIELDS: readonly BuilderField[] = ['title', 'description', 'closesAt', 'event'];
const PARTS: readonly QuestionPart[] = ['prompt', 'options', 'range'];

/** Every marked place of the builder, client checks and the server's 422/409 details together, top to bottom. A
 * server message is kept as given ('' means "no sentence": the caller says "not accepted"). */
export function builderProblemOrder(problems: FormProblems, server: ServerProblems, questions: readonly { key: string }[]): BuilderProblem[] {
  const found: BuilderProblem[] = [];
  for (const field of FIELDS) {
    const problem = problems[field] ?? null;
    const told = server[field === 'event' ? 'audience' : field];
    if (problem || told !== undefined) found.push({ kind: 'field', field, problem, message: problem ? null : (told ?? null), target: problemTarget.field(field) });
  }
  questions.forEach(({ key }, index) => {
    const marked = problems.question[key] ?? {};
    const told = server[`question:${index}`];
    for (const part of PARTS) {
      const problem = marked[part] ?? null;
      const fromServer = part === 'prompt' && !problem && told !== undefined;
      if (problem || fromServer) {
        found.push({ kind: 'question', key, n: index + 1, part, problem, message: fromServer ? told : null, target: problemTarget.question(key, part) });
      }
    }
  });
  if (problems.questions) found.push({ kind: 'questions', target: problemTarget.questions });
  return found;
}
