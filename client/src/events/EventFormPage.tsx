// /c/:slug/events/new and /events/:id/edit (managers): wall-clock start and end in a chosen zone (WIB, WITA, WIT
// first), place and link, capacity, reminders; the server's 422 details mark fields, and a 409 version_conflict
// offers to reload instead of overwriting someone else's edit.
import { useId, useMemo } from 'react';
import type { Community, CommunityEvent } from '../../../server/contracts/api';
import { EmptyState, ErrorNotice } from '../components/Notice';
import { TextField } from '../components/TextField';
import { Link } from '../router/Link';
import { navigate } from '../router/router';
import { CancelEventButton } from './CancelEventButton';
import { REMINDER_CHOICES } from './eventForm';
import { reminderText } from './reminderText';
import { useEvI18n } from './i18n/useEvI18n';
import { canManageEvents } from './roles';
import { useEventForm } from './useEventForm';
import { eventPath, eventsPath } from './routes';
import { viewerZone, zoneChoices, zoneOptionLabel } from './zones';

export interface EventFormPageProps {
  community: Community;
  /** The event to edit; absent to create one. */
  event?: CommunityEvent;
}

/** The create/edit form. */
export function EventFormPage({ community, event: loaded }: EventFormPageProps) {
  const { t, tn } = useEvI18n();
  const id = useId();
  const form = useEventForm({ slug: community.slug, loaded, t });
  const { event, values, set, problem } = form;
  const zones = useMemo(() => zoneChoices([loaded?.timezone, viewerZone()]), [loaded?.timezone]);
  const reminderChoices = useMemo(
    () => [...new Set([...REMINDER_CHOICES, ...(loaded?.reminders ?? [])])].sort((a, b) => b - a),
    [loaded?.reminders],
  );
  const back = event ? eventPath(event.id) : eventsPath(community.slug);

  if (!canManageEvents(community.myRole)) {
    return (
      <EmptyState title={t('ev.form.managersOnly')}>
        <Link to={back}>{t('ev.form.discard')}</Link>
      </EmptyState>
    );
  }
  if (event && event.status === 'cancelled') {
    return (
      <EmptyState title={t('ev.form.cancelledLocked')}>
        <Link to={back}>{t('ev.form.discard')}</Link>
      </EmptyState>
    );
  }

  return (
    <form className="card ev-form" onSubmit={form.submit} noValidate data-testid="event-form">
      <Link to={back} className="community-header__back">
        {event ? t('ev.backToEvents') : t('ev.back')}
      </Link>
      <h1>
        {event ? t('ev.form.editTitle') : t('ev.form.createTitle')} · {community.name}
      </h1>
      {form.conflict && (
        <div className="notice notice--error" role="alert" data-testid="version-conflict">
          <p>{t('ev.form.conflict')}</p>
          <button type="button" className="button button--secondary" onClick={form.reload}>
            {t('ev.form.reload')}
          </button>
        </div>
      )}
      <TextField label={t('ev.form.title')} value={values.title} onChange={(v) => set('title', v)} error={problem('title')} maxLength={200} required />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-description`}>
          {t('ev.form.description')}
        </label>
        <textarea
          id={`${id}-description`}
          className="field__input ev-form__description"
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          aria-invalid={problem('description') ? true : undefined}
          rows={4}
        />
        {problem('description') && <p className="field__error">{problem('description')}</p>}
      </div>
      <WhenFields id={`${id}-start`} legend={t('ev.form.start')} date={values.startDate} time={values.startTime} error={problem('start')} onDate={(v) => set('startDate', v)} onTime={(v) => set('startTime', v)} />
      <WhenFields id={`${id}-end`} legend={t('ev.form.end')} date={values.endDate} time={values.endTime} error={problem('end')} onDate={(v) => set('endDate', v)} onTime={(v) => set('endTime', v)} />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-zone`}>
          {t('ev.form.timezone')}
        </label>
        <select id={`${id}-zone`} className="field__input" value={values.timezone} onChange={(e) => set('timezone', e.target.value)} aria-invalid={problem('timezone') ? true : undefined} aria-describedby={`${id}-zone-hint`}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zoneOptionLabel(zone)}
            </option>
          ))}
        </select>
        <p className="field__hint" id={`${id}-zone-hint`}>
          {t('ev.form.timezoneHint')}
        </p>
        {problem('timezone') && <p className="field__error">{problem('timezone')}</p>}
      </div>
      <TextField label={t('ev.form.location')} hint={t('ev.form.locationHint')} value={values.location} onChange={(v) => set('location', v)} error={problem('location')} />
      <TextField label={t('ev.form.onlineUrl')} hint={t('ev.form.onlineUrlHint')} value={values.onlineUrl} onChange={(v) => set('onlineUrl', v)} error={problem('onlineUrl')} type="url" inputMode="url" />
      <TextField label={t('ev.form.capacity')} hint={t('ev.form.capacityHint')} value={values.capacity} onChange={(v) => set('capacity', v)} error={problem('capacity')} inputMode="numeric" />
      <fieldset className="ev-form__group">
        <legend className="field__label">{t('ev.form.reminders')}</legend>
        {reminderChoices.map((minutes) => (
          <label key={minutes} className="mod-check">
            <input
              type="checkbox"
              checked={values.reminders.includes(minutes)}
              onChange={(e) => set('reminders', e.target.checked ? [...values.reminders, minutes] : values.reminders.filter((m) => m !== minutes))}
            />
            {reminderText(minutes, tn)}
          </label>
        ))}
        {problem('reminders') && <p className="field__error">{problem('reminders')}</p>}
      </fieldset>
      {form.hasErrors && (
        <p className="field__error" role="alert">
          {t('ev.form.fixFields')}
        </p>
      )}
      {form.failure !== null && <ErrorNotice error={form.failure} />}
      <div className="mod-actions">
        <button type="submit" className="button" disabled={form.saving || form.conflict} data-testid="event-submit">
          {form.saving ? t('ev.form.saving') : event ? t('ev.form.save') : t('ev.form.create')}
        </button>
        <Link to={back} className="button button--ghost">
          {t('ev.form.discard')}
        </Link>
        {event && <CancelEventButton event={event} onCancelled={(cancelled) => navigate(eventPath(cancelled.id))} />}
      </div>
    </form>
  );
}

interface WhenFieldsProps {
  id: string;
  legend: string;
  date: string;
  time: string;
  error: string | null;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
}

/** A date and a time input under one legend ("Starts", "Ends"), with one error for both. */
function WhenFields({ id, legend, date, time, error, onDate, onTime }: WhenFieldsProps) {
  const { t } = useEvI18n();
  return (
    <fieldset className="ev-form__group ev-form__when" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      <div className="ev-form__row">
        <label className="ev-form__part">
          <span className="field__hint">{t('ev.form.date')}</span>
          <input type="date" className="field__input" value={date} onChange={(e) => onDate(e.target.value)} aria-invalid={error ? true : undefined} aria-label={`${legend}: ${t('ev.form.date')}`} />
        </label>
        <label className="ev-form__part">
          <span className="field__hint">{t('ev.form.time')}</span>
          <input type="time" className="field__input" value={time} onChange={(e) => onTime(e.target.value)} aria-invalid={error ? true : undefined} aria-label={`${legend}: ${t('ev.form.time')}`} />
        </label>
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
