// The create/edit form's state: values, client-side problems, the server's field messages from a 422, a 409
// version_conflict (reload instead of overwriting), and submitting to the right route.
import { useState, type FormEvent } from 'react';
import type { CommunityEvent } from '../../../server/contracts/api';
import { ApiRequestError } from '../api/errors';
import { navigate } from '../router/router';
import { createEvent, getEvent, updateEvent } from './api';
import {
  createBody,
  emptyEventForm,
  fieldErrorsFromDetails,
  formFromEvent,
  formToInput,
  patchBody,
  type EventField,
  type EventFormValues,
  type FieldErrors,
  type ServerFieldErrors,
} from './eventForm';
import type { EvTranslate } from './i18n/types';
import { leaveSavedNotice } from './flash';
import { eventPath } from './routes';

export interface EventFormState {
  /** The event being edited, as last loaded (a reload after a conflict replaces it). */
  event: CommunityEvent | undefined;
  values: EventFormValues;
  set: <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => void;
  /** The sentence for a field's problem, or null. */
  problem: (field: EventField) => string | null;
  hasErrors: boolean;
  saving: boolean;
  conflict: boolean;
  failure: unknown;
  submit: (formEvent: FormEvent) => void;
  reload: () => void;
}

const FIELD_OF_KEY: Record<keyof EventFormValues, EventField> = {
  title: 'title',
  description: 'description',
  startDate: 'start',
  startTime: 'start',
  endDate: 'end',
  endTime: 'end',
  timezone: 'timezone',
  location: 'location',
  onlineUrl: 'onlineUrl',
  capacity: 'capacity',
  reminders: 'reminders',
};

/** The form for a new event in `slug`, or for editing `loaded`. */
export function useEventForm(options: { slug: string; loaded: CommunityEvent | undefined; t: EvTranslate }): EventFormState {
  const { slug, loaded, t } = options;
  const [event, setEvent] = useState(loaded);
  const [values, setValues] = useState<EventFormValues>(() => (loaded ? formFromEvent(loaded) : emptyEventForm(new Date())));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<ServerFieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]): void => {
    setValues((was) => ({ ...was, [key]: value }));
    // Touching a field takes its problem away until the next submit looks again.
    const field = FIELD_OF_KEY[key];
    setErrors((was) => ({ ...was, [field]: undefined }));
    setServerErrors((was) => ({ ...was, [field]: undefined }));
  };

  const problem = (field: EventField): string | null => {
    const found = errors[field];
    if (found) return t(`ev.problem.${found}`);
    const told = serverErrors[field];
    return told === undefined ? null : told || t('ev.problem.invalid');
  };

  const failed = (error: unknown): void => {
    setSaving(false);
    if (error instanceof ApiRequestError && error.code === 'version_conflict') setConflict(true);
    else if (error instanceof ApiRequestError && error.status === 422) {
      const marked = fieldErrorsFromDetails(error.details);
      setServerErrors(marked);
      setFailure(Object.keys(marked).length > 0 ? null : error);
    } else setFailure(error);
  };

  const submit = (formEvent: FormEvent): void => {
    formEvent.preventDefault();
    setFailure(null);
    const checked = formToInput(values);
    setErrors(checked.ok ? {} : checked.errors);
    setServerErrors({});
    if (!checked.ok) return;
    setSaving(true);
    const request = event ? updateEvent(event.id, patchBody(checked.input, event)) : createEvent(slug, createBody(checked.input));
    request.then((saved) => {
      // Said on the event page: whether it was made, and whether members hear of a new start (the server tells
      // going and waitlisted members only when the start moves).
      leaveSavedNotice(saved.id, !event ? 'created' : saved.startsAt !== event.startsAt ? 'moved' : 'changed');
      navigate(eventPath(saved.id));
    }, failed);
  };

  const reload = (): void => {
    if (!event) return;
    getEvent(event.id).then((fresh) => {
      setEvent(fresh);
      setValues(formFromEvent(fresh));
      setConflict(false);
      setErrors({});
      setServerErrors({});
    }, setFailure);
  };

  const hasErrors = Object.values(errors).some(Boolean) || Object.values(serverErrors).some((x) => x !== undefined);
  return { event, values, set, problem, hasErrors, saving, conflict, failure, submit, reload };
}
