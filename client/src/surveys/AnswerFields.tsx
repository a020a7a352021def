// One control per question kind: radios (single), checkboxes (multi), a row of value buttons (rating min..max),
// the 0-10 scale with its end labels (nps) and a textarea with a counter (text). Used by the answering form and by
// the builder's live preview; each question is a fieldset whose legend is the prompt, its problem tied to it.
import type { SurveyQuestion } from '../../../server/contracts/surveys';
import { boundsOf, textLength, textLimit, toggleOption, type AnswerProblem, type AnswerProblems, type AnswerValue, type Answers } from './answers';
import type { SvI18n } from './i18n/useSvI18n';
import { useSvI18n } from './i18n/useSvI18n';
import { npsGroup } from './nps';

export interface AnswerFieldsProps {
  questions: readonly SurveyQuestion[];
  answers: Answers;
  problems: AnswerProblems;
  onChange: (questionId: string, value: AnswerValue) => void;
  /** Makes ids and radio names unique (the preview and the form can share a page). */
  idPrefix: string;
  disabled?: boolean;
}

/** The sentence for an answer's problem. */
export function answerProblemText(problem: AnswerProblem, t: SvI18n['t'], formatNumber: (n: number) => string): string {
  switch (problem.reason) {
    case 'missing':
      return t('sv.answer.missing');
    case 'invalidOption':
      return t('sv.answer.invalidOption');
    case 'outOfRange':
      return t('sv.answer.outOfRange', { min: formatNumber(problem.min), max: formatNumber(problem.max) });
    case 'tooLong':
      return t('sv.answer.tooLong', { max: formatNumber(problem.max) });
    case 'server':
      return problem.message || t('sv.problem.invalid');
  }
}

/** The control to take the keyboard to in a question's fieldset (by the fieldset's id): the chosen value, else the
 * first one. */
export function questionControl(fieldsetId: string): HTMLElement | null {
  const set = document.getElementById(fieldsetId);
  return set?.querySelector<HTMLElement>('input:checked') ?? set?.querySelector<HTMLElement>('input, textarea') ?? null;
}

/** Every question of a survey as an answerable control. */
export function AnswerFields({ questions, answers, problems, onChange, idPrefix, disabled }: AnswerFieldsProps) {
  return (
    <ol className="sv-questions">
      {questions.map((question, index) => (
        <li key={question.id} className="sv-question" data-testid="sv-question" data-kind={question.kind}>
          <QuestionField
            question={question}
            number={index + 1}
            value={answers[question.id] ?? null}
            problem={problems[question.id] ?? null}
            onChange={(value) => onChange(question.id, value)}
            id={`${idPrefix}-${index}`}
            disabled={disabled ?? false}
          />
        </li>
      ))}
    </ol>
  );
}

interface QuestionFieldProps {
  question: SurveyQuestion;
  number: number;
  value: AnswerValue;
  problem: AnswerProblem | null;
  onChange: (value: AnswerValue) => void;
  id: string;
  disabled: boolean;
}

function QuestionField({ question, number, value, problem, onChange, id, disabled }: QuestionFieldProps) {
  const { t, formatNumber } = useSvI18n();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [question.kind === 'nps' ? hintId : null, problem ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} className="sv-question__set" aria-describedby={described} aria-invalid={problem ? true : undefined} disabled={disabled}>
      <legend className="sv-question__prompt">
        <span className="sv-question__number">{number}.</span> {question.prompt || '…'}{' '}
        <span className={question.required ? 'sv-question__required' : 'sv-question__optional'}>
          ({question.required ? t('sv.answer.required') : t('sv.answer.optional')})
        </span>
      </legend>
      {question.kind === 'single' && (
        <div className="sv-choices">
          {question.options.map((option, i) => (
            <label key={i} className="sv-choice">
              <input type="radio" name={`${id}-single`} checked={value === i} onChange={() => onChange(i)} />
              <span>{option || '…'}</span>
            </label>
          ))}
        </div>
      )}
      {question.kind === 'multi' && (
        <div className="sv-choices">
          {question.options.map((option, i) => (
            <label key={i} className="sv-choice">
              <input type="checkbox" checked={Array.isArray(value) && value.includes(i)} onChange={() => onChange(toggleOption(value, i))} />
              <span>{option || '…'}</span>
            </label>
          ))}
        </div>
      )}
      {(question.kind === 'rating' || question.kind === 'nps') && (
        <Scale question={question} value={typeof value === 'number' ? value : null} onChange={onChange} id={id} />
      )}
      {question.kind === 'nps' && (
        <p className="sv-scale__ends" id={hintId} aria-hidden="false">
          <span>0 = {t('sv.answer.npsLow')}</span>
          <span>10 = {t('sv.answer.npsHigh')}</span>
        </p>
      )}
      {question.kind === 'text' && (
        <div className="sv-text">
          <textarea
            className="field__input sv-text__input"
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
            rows={4}
            aria-label={question.prompt}
            aria-describedby={`${id}-counter`}
            aria-invalid={problem ? true : undefined}
          />
          <p className="sv-text__counter" id={`${id}-counter`}>
            {t('sv.answer.counter', {
              count: formatNumber(typeof value === 'string' ? textLength(value) : 0),
              max: formatNumber(textLimit(question)),
            })}
          </p>
        </div>
      )}
      {problem && (
        <p className="field__error" id={errorId} data-testid="sv-answer-error">
          {answerProblemText(problem, t, formatNumber)}
        </p>
      )}
    </fieldset>
  );
}

/** Value buttons min..max (radios underneath, so arrow keys move along the scale). */
function Scale({ question, value, onChange, id }: { question: SurveyQuestion; value: number | null; onChange: (v: AnswerValue) => void; id: string }) {
  const { t, formatNumber } = useSvI18n();
  const { min, max } = boundsOf(question);
  const values = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
  return (
    <div className={`sv-scale${question.kind === 'nps' ? ' sv-scale--nps' : ''}`} style={{ ['--sv-steps' as string]: values.length }}>
      {values.map((v) => (
        <label
          key={v}
          className={`sv-scale__step${value === v ? ' sv-scale__step--on' : ''}${question.kind === 'nps' ? ` sv-scale__step--${npsGroup(v)}` : ''}`}
        >
          <input
            type="radio"
            className="sv-scale__input"
            name={`${id}-scale`}
            checked={value === v}
            onChange={() => onChange(v)}
            aria-label={question.kind === 'rating' ? t('sv.answer.ratingLabel', { value: formatNumber(v), max: formatNumber(max) }) : formatNumber(v)}
          />
          <span className="sv-scale__text" aria-hidden="true">
            {formatNumber(v)}
          </span>
        </label>
      ))}
    </div>
  );
}
