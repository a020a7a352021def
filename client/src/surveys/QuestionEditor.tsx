// One question in the builder: kind, prompt, options, required, rating bounds, and the up/down/remove buttons.
// On an open survey a saved question keeps its kind, required flag, bounds, place and options (rewording is fine,
// options may be added at the end); the controls say so instead of failing on save.
import { useId } from 'react';
import type { QuestionKind } from '../../../server/contracts/surveys';
import { TextField } from '../components/TextField';
import { TEXT_ANSWER_MAX } from './answers';
import { useSvI18n } from './i18n/useSvI18n';
import { problemTarget } from './problemList';
import type { FormProblem } from './surveyBody';
import { canMove, OPTIONS_MAX, type QuestionDraft, type SurveyFormAction } from './surveyForm';

export const KINDS: readonly QuestionKind[] = ['single', 'multi', 'rating', 'nps', 'text'];

export interface QuestionEditorProps {
  question: QuestionDraft;
  index: number;
  questions: readonly QuestionDraft[];
  /** The survey is open: new questions stay optional. */
  open: boolean;
  problems: { prompt?: FormProblem; options?: FormProblem; range?: FormProblem } | undefined;
  serverProblem: string | undefined;
  dispatch: (action: SurveyFormAction) => void;
  onMoved: (key: string, by: -1 | 1) => void;
  onRemoved: (index: number) => void;
}

/** The editor of one question. */
export function QuestionEditor({ question, index, questions, open, problems, serverProblem, dispatch, onMoved, onRemoved }: QuestionEditorProps) {
  const { t, formatNumber } = useSvI18n();
  const id = useId();
  const n = index + 1;
  const { key, locked } = question;
  const problemText = (problem: FormProblem | undefined): string | null => (problem ? t(`sv.problem.${problem}`) : null);
  const move = (by: -1 | 1): void => {
    dispatch({ type: 'move', key, by });
    onMoved(key, by);
  };

  return (
    <fieldset className="sv-editor" data-testid="sv-q-editor" data-key={key} data-kind={question.kind}>
      <legend className="sv-editor__legend" tabIndex={-1} data-heading>{t('sv.form.questionN', { n })}</legend>
      <div className="sv-editor__top">
        <div className="field sv-editor__kind">
          <label className="field__label" htmlFor={`${id}-kind`}>
            {t('sv.form.kind')}
          </label>
          <select
            id={`${id}-kind`}
            className="field__input"
            value={question.kind}
            disabled={locked}
            onChange={(e) => dispatch({ type: 'setKind', key, kind: e.target.value as QuestionKind })}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sv.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="sv-editor__moves" role="group" aria-label={t('sv.form.questionN', { n })}>
          <button type="button" className="button button--ghost" data-move="up" disabled={!canMove(questions, key, -1)} onClick={() => move(-1)} aria-label={t('sv.form.moveUp', { n })}>
            {t('sv.form.up')}
          </button>
          <button type="button" className="button button--ghost" data-move="down" disabled={!canMove(questions, key, 1)} onClick={() => move(1)} aria-label={t('sv.form.moveDown', { n })}>
            {t('sv.form.down')}
          </button>
          <button type="button" className="button button--ghost button--danger" disabled={locked} onClick={() => {
              dispatch({ type: 'remove', key });
              onRemoved(index);
            }} aria-label={t('sv.form.remove', { n })}>
            {t('sv.form.removeShort')}
          </button>
        </div>
      </div>
      {locked && <p className="field__hint">{t('sv.form.lockedField')}</p>}
      <TextField
        label={t('sv.form.prompt')}
        value={question.prompt}
        onChange={(value) => dispatch({ type: 'setPrompt', key, value })}
        error={problemText(problems?.prompt) ?? (serverProblem === undefined ? null : serverProblem || t('sv.problem.invalid'))}
        maxLength={500}
        data-problem={problemTarget.question(key, 'prompt')}
      />
      {(question.kind === 'single' || question.kind === 'multi') && (
        <div className="sv-editor__options" role="group" aria-label={t('sv.form.options')}>
          <p className="field__label">{t('sv.form.options')}</p>
          {question.options.map((option, i) => (
            <div key={i} className="sv-editor__option">
              <input
                className="field__input"
                value={option}
                onChange={(e) => dispatch({ type: 'setOption', key, index: i, value: e.target.value })}
                aria-label={t('sv.form.optionN', { n: i + 1 })}
                aria-invalid={problems?.options ? true : undefined}
                maxLength={200}
                data-problem={i === 0 ? problemTarget.question(key, 'options') : undefined}
              />
              <button
                type="button"
                className="button button--ghost"
                disabled={i < question.savedOptions || question.options.length <= 2}
                onClick={() => dispatch({ type: 'removeOption', key, index: i })}
                aria-label={t('sv.form.removeOption', { n: i + 1 })}
              >
                ✕
              </button>
            </div>
          ))}
          <button type="button" className="button button--secondary" disabled={question.options.length >= OPTIONS_MAX} onClick={() => dispatch({ type: 'addOption', key })}>
            {t('sv.form.addOption')}
          </button>
          {problems?.options && <p className="field__error">{problemText(problems.options)}</p>}
        </div>
      )}
      {question.kind === 'rating' && (
        <div className="sv-editor__bounds">
          <label className="sv-editor__bound">
            <span className="field__hint">{t('sv.form.min')}</span>
            <input className="field__input" inputMode="numeric" value={question.min} disabled={locked} data-problem={problemTarget.question(key, 'range')} onChange={(e) => dispatch({ type: 'setBound', key, bound: 'min', value: e.target.value })} aria-invalid={problems?.range ? true : undefined} />
          </label>
          <label className="sv-editor__bound">
            <span className="field__hint">{t('sv.form.max')}</span>
            <input className="field__input" inputMode="numeric" value={question.max} disabled={locked} onChange={(e) => dispatch({ type: 'setBound', key, bound: 'max', value: e.target.value })} aria-invalid={problems?.range ? true : undefined} />
          </label>
          {problems?.range && <p className="field__error sv-editor__bound-error">{problemText(problems.range)}</p>}
        </div>
      )}
      {question.kind === 'nps' && <p className="field__hint">{t('sv.form.npsFixed')}</p>}
      {question.kind === 'text' && <p className="field__hint">{t('sv.form.textHint', { max: formatNumber(question.maxLength ?? TEXT_ANSWER_MAX) })}</p>}
      <label className="mod-check sv-editor__required">
        <input type="checkbox" checked={question.required} disabled={open && !question.required} onChange={(e) => dispatch({ type: 'setRequired', key, value: e.target.checked })} />
        {t('sv.form.required')}
      </label>
    </fieldset>
  );
}
