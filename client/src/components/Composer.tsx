// Writes a post (title optional) or a reply. The body counts down to the contract's 10,000 characters; the text
// stays in the form and in a draft until the server has accepted it.
import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { useCalI18n } from '../calendar/i18n/useCalI18n';
import type { SlotResult } from '../calendar/scheduleTime';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNotice } from './Notice';
import { TextField } from './TextField';
import { useDraft } from './useDraft';

export const MAX_BODY = 10_000;

// The date and time picker brings luxon: loaded when someone first chooses to schedule, not with the feed.
const SchedulePicker = lazy(() => import('../calendar/SchedulePicker'));

export interface ComposerProps {
  variant: 'post' | 'reply';
  /** Where the unsent text is kept, e.g. per community or per thread. */
  draftKey: string;
  onSubmit: (input: { body: string; title?: string; publishAt?: string }) => Promise<unknown>;
  /** The community's zone: posts (not replies) may then be scheduled for a time in it. */
  scheduleZone?: string;
}

/** The post or reply form. */
export function Composer({ variant, draftKey, onSubmit, scheduleZone }: ComposerProps) {
  const { t, formatNumber } = useI18n();
  const cal = useCalI18n();
  const [scheduling, setScheduling] = useState(false);
  const [schedule, setSchedule] = useState<SlotResult | null>(null);
  const [triedSchedule, setTriedSchedule] = useState(false);
  const [title, setTitle] = useDraft(`${draftKey}:title`);
  const [body, setBody] = useDraft(`${draftKey}:body`);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const bodyId = useId();
  const counterId = useId();

  // Counted in code points, like the server's limit on characters, not UTF-16 units.
  const length = [...body].length;
  const tooLong = length > MAX_BODY;
  const empty = body.trim().length === 0;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (empty || tooLong || sending) return;
    if (scheduling && !schedule?.ok) {
      setTriedSchedule(true);
      return;
    }
    setSending(true);
    setError(null);
    try {
      const trimmedTitle = title.trim();
      const publishAt = scheduling && schedule?.ok ? { publishAt: schedule.iso } : {};
      await onSubmit(variant === 'post' && trimmedTitle ? { body, title: trimmedTitle, ...publishAt } : { body, ...publishAt });
      setBody('');
      setTitle('');
      setScheduling(false);
      setTriedSchedule(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  const isPost = variant === 'post';
  return (
    <form className={`composer composer--${variant}`} onSubmit={submit} noValidate data-testid={`${variant}-composer`}>
      {isPost && (
        <TextField
          label={t('composer.titleLabel')}
          hint={t('composer.titleHint')}
          value={title}
          onChange={setTitle}
          data-testid="composer-title"
        />
      )}
      <div className="field">
        <label className="field__label" htmlFor={bodyId}>
          {isPost ? t('composer.bodyLabel') : t('composer.replyLabel')}
        </label>
        <textarea
          id={bodyId}
          className="field__input composer__body"
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={isPost ? 4 : 2}
          placeholder={isPost ? t('composer.bodyPlaceholder') : t('composer.replyPlaceholder')}
          aria-describedby={counterId}
          aria-invalid={tooLong || undefined}
          data-testid={isPost ? 'composer-body' : 'reply-body'}
        />
      </div>
      {scheduling && scheduleZone && (
        <Suspense fallback={null}>
          <SchedulePicker zone={scheduleZone} onChange={setSchedule} showProblem={triedSchedule} />
        </Suspense>
      )}
      <div className="composer__footer">
        <span id={counterId} className={tooLong ? 'composer__counter composer__counter--over' : 'composer__counter'}>
          {t('composer.counter', { count: formatNumber(length), max: formatNumber(MAX_BODY) })}
          {tooLong && ` · ${t('composer.tooLong')}`}
        </span>
        {isPost && scheduleZone && (
          <button type="button" className="button button--ghost" aria-expanded={scheduling} onClick={() => setScheduling(!scheduling)} data-testid="composer-schedule-toggle">
            {scheduling ? cal.t('schedule.untoggle') : cal.t('schedule.toggle')}
          </button>
        )}
        <button
          type="submit"
          className="button"
          disabled={empty || tooLong || sending}
          data-testid={isPost ? 'composer-submit' : 'reply-submit'}
        >
          {sending ? t('composer.sending') : scheduling ? cal.t('schedule.submit') : isPost ? t('composer.submit') : t('composer.replySubmit')}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} testId="composer-error" />}
    </form>
  );
}
