// /c/:slug/surveys/new and /surveys/:id/edit (managers): title, description, anonymity explained, closing time,
// audience, questions (add, edit, reorder, remove) and a live preview of the answering form; save as a draft or
// open. An open survey keeps locked what would invalidate given answers; a survey_locked refusal says what to do.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Community, CommunityEvent } from '../../../server/contracts/api';
import type { Survey } from '../../../server/contracts/surveys';
import { EmptyState, ErrorNotice } from '../components/Notice';
import { TextField } from '../components/TextField';
import { listCommunityEvents } from '../events/api';
import { Link } from '../router/Link';
import { AnswerFields } from './AnswerFields';
import type { AnswerValue, Answers } from './answers';
import { useSvI18n } from './i18n/useSvI18n';
import { KINDS, QuestionEditor } from './QuestionEditor';
import { canManageSurveys } from './roles';
import { surveyPath, surveysPath } from './routes';
import { previewQuestions } from './surveyBody';
import { QUESTIONS_MAX } from './surveyForm';
import { ErrorSummary, reveal } from './ErrorSummary';
import { builderProblemOrder, problemTarget, type BuilderProblem } from './problemList';
import type { FormProblem } from './surveyBody';
import { hasProblems, useSurveyBuilder } from './useSurveyBuilder';
import { useMedia } from './useNarrow';
import { inputZoneName } from './closingTime';

/** Below this width the preview does not fit beside the form (see .sv-builder in surveys.css). */
const BESIDE_QUERY = '(max-width: 1099px)';

/** The survey builder. */
export function SurveyBuilderPage({ community, survey: loaded }: { community: Community; survey?: Survey }) {
  const { t } = useSvI18n();
  const id = useId();
  const builder = useSurveyBuilder({ slug: community.slug, loaded });
  const { state, dispatch, survey, problems, server } = builder;
  const { values, open } = state;
  const events = useRecentEvents(community.slug);
  const [preview, setPreview] = useState<Answers>({});
  const previewed = useMemo(() => previewQuestions(values), [values]);
  const moved = useRef<{ key: string; by: -1 | 1 } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const findProblem = (target: string): HTMLElement | null => formRef.current?.querySelector<HTMLElement>(`[data-problem="${CSS.escape(target)}"]`) ?? null;
  // After a save that marked fields, the keyboard and the view go to the first of them.
  useEffect(() => {
    if (builder.attempt === 0) return;
    const first = builderProblemOrder(builder.problems, builder.server, builder.state.values.questions)[0];
    if (first) reveal(findProblem(first.target));
    // Only a new attempt moves focus; editing afterwards must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [builder.attempt]);
  const summaryText = (entry: BuilderProblem): string => {
    const said = (problem: FormProblem | null, message: string | null): string => (problem ? t(`sv.problem.${problem}`) : message || t('sv.problem.invalid'));
    switch (entry.kind) {
      case 'field': {
        const label = entry.field === 'title' ? t('sv.form.title') : entry.field === 'description' ? t('sv.form.description') : entry.field === 'closesAt' ? t('sv.form.closesAt') : t('sv.form.event');
        return `${label}: ${said(entry.problem, entry.message)}`;
      }
      case 'question': {
        const part = entry.part === 'prompt' ? t('sv.form.prompt') : entry.part === 'options' ? t('sv.form.options') : `${t('sv.form.min')} / ${t('sv.form.max')}`;
        return `${t('sv.form.questionN', { n: entry.n })} · ${part}: ${said(entry.problem, entry.message)}`;
      }
      case 'questions':
        return t('sv.form.noQuestions');
    }
  };
  const back = survey ? surveyPath(survey.id) : surveysPath(community.slug);
  // Where the preview cannot sit beside the form (below 1100 px), Edit and Preview are two tabs.
  const tabbed = useMedia(BESIDE_QUERY);
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  const showing = tabbed ? tab : null;

  const removed = useRef<number | null>(null);
  const [announced, setAnnounced] = useState('');
  // Keeps the keyboard on the moved question's button (or its other one at the ends of the list), before paint, and
  // says where it went; after a removal the keyboard goes to the question that took its place, else the add buttons.
  useLayoutEffect(() => {
    const gone = removed.current;
    if (gone !== null) {
      removed.current = null;
      const editors = document.querySelectorAll<HTMLElement>('[data-testid="sv-q-editor"]');
      const next = editors[gone]?.querySelector<HTMLElement>('[data-heading]');
      (next ?? document.querySelector<HTMLElement>('[data-testid="sv-add-single"]'))?.focus();
      setAnnounced(t('sv.form.removed', { n: gone + 1 }));
    }
    const last = moved.current;
    if (!last) return;
    moved.current = null;
    const at = values.questions.findIndex((q) => q.key === last.key);
    if (at >= 0) setAnnounced(t('sv.form.moved', { n: at + 1, total: values.questions.length }));
    const editor = document.querySelector<HTMLElement>(`[data-testid="sv-q-editor"][data-key="${CSS.escape(last.key)}"]`);
    const same = editor?.querySelector<HTMLButtonElement>(`[data-move="${last.by < 0 ? 'up' : 'down'}"]`);
    const other = editor?.querySelector<HTMLButtonElement>(`[data-move="${last.by < 0 ? 'down' : 'up'}"]`);
    (same && !same.disabled ? same : other)?.focus();
  }, [values.questions]);

  if (!canManageSurveys(community.myRole)) {
    return (
      <EmptyState title={t('sv.form.managersOnly')}>
        <Link to={back}>{t('sv.form.discard')}</Link>
      </EmptyState>
    );
  }
  if (survey && survey.state === 'closed') {
    return (
      <EmptyState title={t('sv.form.closedLocked')}>
        <Link to={back}>{t('sv.form.discard')}</Link>
      </EmptyState>
    );
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    builder.save({ open: false });
  };
  const marked = hasProblems(problems) || Object.keys(server).length > 0;
  const summary = builderProblemOrder(problems, server, values.questions).map((entry) => ({ target: entry.target, text: summaryText(entry) }));
  const problemText = (key: 'title' | 'description' | 'closesAt' | 'event'): string | null => {
    const found = problems[key];
    if (found) return t(`sv.problem.${found}`);
    const told = server[key === 'event' ? 'audience' : key];
    return told === undefined ? null : told || t('sv.problem.invalid');
  };

  const pickTab = (next: 'edit' | 'preview', focus: boolean): void => {
    setTab(next);
    if (focus) document.getElementById(`${id}-tab-${next}`)?.focus();
    document.getElementById(`${id}-tabs`)?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <div className={`sv-builder${tabbed ? ' sv-builder--tabbed' : ''}`}>
      {tabbed && (
        <div className="sv-tabs" role="tablist" id={`${id}-tabs`} aria-label={survey ? t('sv.form.editTitle') : t('sv.form.createTitle')} data-testid="sv-builder-tabs">
          {(['edit', 'preview'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${id}-tab-${name}`}
              className="sv-tabs__tab"
              aria-selected={tab === name}
              aria-controls={`${id}-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => pickTab(name, false)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
                  e.preventDefault();
                  pickTab(name === 'edit' ? 'preview' : 'edit', true);
                }
              }}
              data-testid={`sv-tab-${name}`}
            >
              {name === 'edit' ? t('sv.form.editTab') : t('sv.form.preview')}
            </button>
          ))}
        </div>
      )}
      <form
        ref={formRef}
        id={`${id}-panel-edit`}
        role={tabbed ? 'tabpanel' : undefined}
        aria-labelledby={tabbed ? `${id}-tab-edit` : undefined}
        hidden={showing === 'preview'}
        className="card sv-form"
        onSubmit={submit} noValidate data-testid="survey-form">
        <Link to={back} className="community-header__back">
          {survey ? t('sv.backToSurveys') : t('sv.back')}
        </Link>
        <h1>
          {survey ? t('sv.form.editTitle') : t('sv.form.createTitle')} · {community.name}
        </h1>
        {open && (
          <p className="notice notice--info" data-testid="sv-open-notice">
            {t('sv.form.openNotice')}
          </p>
        )}
        {(builder.locked || builder.conflict) && (
          <div className="notice notice--error" role="alert" data-testid={builder.locked ? 'sv-locked' : 'sv-conflict'}>
            <p>{builder.locked ? t('sv.form.locked') : t('sv.form.conflict')}</p>
            {builder.locked && builder.locked.length > 0 && (
              <ul className="sv-locked__list">
                {builder.locked.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
            <button type="button" className="button button--secondary" onClick={builder.reload}>
              {t('sv.form.reload')}
            </button>
          </div>
        )}
        <TextField label={t('sv.form.title')} value={values.title} onChange={(value) => dispatch({ type: 'set', field: 'title', value })} error={problemText('title')} maxLength={200} required data-problem="title" />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-description`}>
            {t('sv.form.description')}
          </label>
          <textarea id={`${id}-description`} data-problem="description" className="field__input" rows={3} value={values.description} onChange={(e) => dispatch({ type: 'set', field: 'description', value: e.target.value })} aria-invalid={problemText('description') ? true : undefined} />
          {problemText('description') && <p className="field__error">{problemText('description')}</p>}
        </div>
        <div className="field sv-anon">
          <label className="mod-check">
            <input type="checkbox" checked={values.anonymous} disabled={open} onChange={(e) => dispatch({ type: 'setAnonymous', value: e.target.checked })} aria-describedby={`${id}-anon-help`} />
            {t('sv.form.anonymous')}
          </label>
          <p className="field__hint sv-anon__help" id={`${id}-anon-help`} data-testid="sv-anon-help">
            {values.anonymous ? t('sv.form.anonymousHelp') : t('sv.form.namedHelp')}
          </p>
          {open && <p className="field__hint">{t('sv.form.lockedField')}</p>}
        </div>
        <fieldset className="sv-form__group" aria-describedby={`${id}-closes-hint`}>
          <legend className="field__label">{t('sv.form.closesAt')}</legend>
          <div className="sv-form__row">
            <label className="sv-form__part">
              <span className="field__hint">{t('sv.form.date')}</span>
              <input type="date" data-problem="closesAt" className="field__input" value={values.closesDate} onChange={(e) => dispatch({ type: 'set', field: 'closesDate', value: e.target.value })} aria-label={`${t('sv.form.closesAt')}: ${t('sv.form.date')}`} aria-invalid={problemText('closesAt') ? true : undefined} />
            </label>
            <label className="sv-form__part">
              <span className="field__hint">{t('sv.form.time')}</span>
              <input type="time" className="field__input" value={values.closesTime} onChange={(e) => dispatch({ type: 'set', field: 'closesTime', value: e.target.value })} aria-label={`${t('sv.form.closesAt')}: ${t('sv.form.time')}`} aria-invalid={problemText('closesAt') ? true : undefined} />
            </label>
            {(values.closesDate || values.closesTime) && (
              <button type="button" className="button button--ghost" onClick={() => { dispatch({ type: 'set', field: 'closesDate', value: '' }); dispatch({ type: 'set', field: 'closesTime', value: '' }); }}>
                {t('sv.form.clearCloses')}
              </button>
            )}
          </div>
          <p className="field__hint" id={`${id}-closes-hint`}>
            {t('sv.form.closesHint', { zone: inputZoneName() })}
          </p>
          {problemText('closesAt') && <p className="field__error">{problemText('closesAt')}</p>}
        </fieldset>
        <fieldset className="sv-form__group">
          <legend className="field__label">{t('sv.form.audience')}</legend>
          <label className="mod-check">
            <input type="radio" name={`${id}-audience`} checked={values.audience === 'all'} disabled={open} onChange={() => dispatch({ type: 'setAudience', value: 'all' })} />
            {t('sv.form.audienceAll')}
          </label>
          <label className="mod-check">
            <input type="radio" name={`${id}-audience`} checked={values.audience === 'event'} disabled={open} onChange={() => dispatch({ type: 'setAudience', value: 'event' })} />
            {t('sv.form.audienceEvent')}
          </label>
          {values.audience === 'event' && (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-event`}>
                {t('sv.form.event')}
              </label>
              <select id={`${id}-event`} data-problem="event" className="field__input" value={values.eventId} disabled={open} onChange={(e) => dispatch({ type: 'set', field: 'eventId', value: e.target.value })} aria-invalid={problemText('event') ? true : undefined}>
                <option value="">{t('sv.form.eventPick')}</option>
                {events.map((event) => (
                  <option key={event.id} value={event.id}>
                    {event.title}
                  </option>
                ))}
              </select>
              {events.length === 0 && <p className="field__hint">{t('sv.form.noEvents')}</p>}
              {problemText('event') && <p className="field__error">{problemText('event')}</p>}
            </div>
          )}
        </fieldset>
        <section className="sv-form__questions" aria-labelledby={`${id}-questions`}>
          <h2 id={`${id}-questions`}>{t('sv.form.questions')}</h2>
          {values.questions.map((question, index) => (
            <QuestionEditor
              key={question.key}
              question={question}
              index={index}
              questions={values.questions}
              open={open}
              problems={problems.question[question.key]}
              serverProblem={server[`question:${index}`] || undefined}
              dispatch={dispatch}
              onMoved={(key, by) => {
                moved.current = { key, by };
              }}
              onRemoved={(at) => {
                removed.current = at;
              }}
            />
          ))}
          <p className="visually-hidden" aria-live="polite" data-testid="sv-announce">
            {announced}
          </p>
          {problems.questions && <p className="field__error">{t('sv.form.noQuestions')}</p>}
          <div className="sv-form__add" role="group" aria-label={t('sv.form.addQuestion')}>
            {KINDS.map((kind, i) => (
              <button key={kind} type="button" data-problem={i === 0 ? problemTarget.questions : undefined} className="button button--secondary" disabled={values.questions.length >= QUESTIONS_MAX} onClick={() => dispatch({ type: 'add', kind })} data-testid={`sv-add-${kind}`}>
                {t('sv.form.addKind', { kind: t(`sv.kind.${kind}`) })}
              </button>
            ))}
          </div>
        </section>
        {marked && <ErrorSummary title={t('sv.form.fixFields')} items={summary} find={findProblem} testId="sv-form-summary" />}
        {builder.failure !== null && <ErrorNotice error={builder.failure} />}
        <div className="mod-actions sv-form__actions">
          <button type="submit" className={`button${!survey || survey.state === 'draft' ? ' button--secondary' : ''}`} disabled={builder.saving} data-testid="sv-save">
            {builder.saving ? t('sv.form.saving') : survey && survey.state === 'open' ? t('sv.form.save') : t('sv.form.saveDraft')}
          </button>
          {(!survey || survey.state === 'draft') && (
            <button type="button" className="button" disabled={builder.saving} onClick={() => builder.save({ open: true })} data-testid="sv-save-open">
              {t('sv.form.saveAndOpen')}
            </button>
          )}
          <Link to={back} className="button button--ghost">
            {t('sv.form.discard')}
          </Link>
        </div>
      </form>
      <section
        className="card sv-preview"
        id={`${id}-panel-preview`}
        role={tabbed ? 'tabpanel' : undefined}
        aria-labelledby={tabbed ? `${id}-tab-preview` : `${id}-preview`}
        hidden={showing === 'edit'}
        data-testid="sv-preview"
      >
        <h2 id={`${id}-preview`}>{t('sv.form.preview')}</h2>
        <p className="field__hint">{t('sv.form.previewHint')}</p>
        <h3 className="sv-page__title">{values.title || '…'}</h3>
        {values.description && <p className="sv-page__description">{values.description}</p>}
        <p className="sv-page__privacy">{values.anonymous ? t('sv.answer.anonymousNote') : t('sv.answer.namedNote')}</p>
        <AnswerFields
          questions={previewed}
          answers={preview}
          problems={{}}
          onChange={(questionId: string, value: AnswerValue) => setPreview((was) => ({ ...was, [questionId]: value }))}
          idPrefix={`${id}-preview`}
        />
      </section>
    </div>
  );
}

/** The community's events of the last 90 days and ahead, for the "attendees of an event" audience. */
function useRecentEvents(slug: string): CommunityEvent[] {
  const [events, setEvents] = useState<CommunityEvent[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
    listCommunityEvents(slug, { from, limit: 50 }, controller.signal).then(
      (page) => setEvents([...page.items].reverse()),
      () => undefined,
    );
    return () => controller.abort();
  }, [slug]);
  return events;
}
