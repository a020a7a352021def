// The calendar's own composer: text and a publish time in the community's zone; the post is saved `scheduled`.
import { useId, useState, type FormEvent } from 'react';
import type { Post } from '../../../server/contracts/api';
import { createPost } from '../api/posts';
import { ErrorNotice } from '../components/Notice';
import { useCalI18n } from './i18n/useCalI18n';
import { SchedulePicker } from './SchedulePicker';
import { formatAt, type SlotResult } from './scheduleTime';

/** Schedules a new post; `onScheduled` gets it and its time spelled out. */
export function NewScheduledPost({ slug, zone, onScheduled }: { slug: string; zone: string; onScheduled: (post: Post, when: string) => void }) {
  const { t, locale } = useCalI18n();
  const [body, setBody] = useState('');
  const [schedule, setSchedule] = useState<SlotResult | null>(null);
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formKey, setFormKey] = useState(0);
  const bodyId = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTried(true);
    if (!body.trim() || !schedule?.ok || sending) return;
    setSending(true);
    setError(null);
    try {
      const post = await createPost(slug, { body, publishAt: schedule.iso });
      onScheduled(post, formatAt(schedule.iso, zone, locale));
      setBody('');
      setTried(false);
      setFormKey(formKey + 1);
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="card cal-new" onSubmit={submit} noValidate data-testid="calendar-composer">
      <h2 className="cal-new__title">{t('cal.newTitle')}</h2>
      <div className="field">
        <label className="field__label" htmlFor={bodyId}>
          {t('cal.bodyLabel')}
        </label>
        <textarea id={bodyId} className="field__input" rows={3} value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={tried && !body.trim() ? true : undefined} />
      </div>
      <SchedulePicker key={formKey} zone={zone} onChange={setSchedule} showProblem={tried} />
      <button type="submit" className="button" disabled={sending}>
        {sending ? t('cal.sending') : t('cal.submit')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </form>
  );
}
