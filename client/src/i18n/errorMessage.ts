// Turns any failure into a sentence in the reader's language. Each contract error code needs a message here: the
// Record over the server's ErrorCode makes a new code without a translation a compile error.
import type { ErrorCode } from '../../../server/errorMessages';
import { ApiRequestError, blockedMatches, detailMessages, fieldPaths, type ClientErrorCode } from '../api/errors';
import type { I18n } from './I18nProvider';
import type { PlainKey } from './types';

const CODE_KEYS: Record<ErrorCode | ClientErrorCode, PlainKey> = {
  malformed_json: 'errors.bad_request',
  bad_request: 'errors.bad_request',
  validation_failed: 'errors.validation_failed',
  unauthenticated: 'errors.unauthenticated',
  invalid_credentials: 'errors.invalid_credentials',
  forbidden: 'errors.forbidden',
  origin_mismatch: 'errors.origin_mismatch',
  banned: 'errors.banned',
  muted: 'errors.muted',
  suspended: 'errors.suspended',
  not_a_member: 'errors.not_a_member',
  not_found: 'errors.not_found',
  handle_taken: 'errors.handle_taken',
  email_taken: 'errors.email_taken',
  slug_taken: 'errors.slug_taken',
  already_member: 'errors.already_member',
  last_owner: 'errors.last_owner',
  sanction_lifted: 'errors.sanction_lifted',
  payload_too_large: 'errors.payload_too_large',
  unsupported_media_type: 'errors.bad_request',
  content_blocked: 'errors.content_blocked',
  invalid_parent: 'errors.invalid_parent',
  post_not_editable: 'errors.post_not_editable',
  event_cancelled: 'errors.event_cancelled',
  event_ended: 'errors.event_ended',
  rsvp_not_going: 'errors.rsvp_not_going',
  checkin_closed: 'errors.checkin_closed',
  already_responded: 'errors.already_responded',
  survey_closed: 'errors.survey_closed',
  survey_not_open: 'errors.survey_not_open',
  survey_locked: 'errors.survey_locked',
  results_hidden: 'errors.results_hidden',
  rate_limited: 'errors.rate_limited',
  already_claimed: 'errors.already_claimed',
  version_conflict: 'errors.version_conflict',
  already_reported: 'errors.already_reported',
  item_resolved: 'errors.item_resolved',
  own_post: 'errors.own_post',
  own_feedback: 'errors.own_feedback',
  reason_required: 'errors.reason_required',
  service_unavailable: 'errors.service_unavailable',
  internal: 'errors.internal',
  network_error: 'errors.network_error',
  unexpected_response: 'errors.unknown',
};

// When the server answers with a code this client does not know yet, the status still gives a fair sentence.
const STATUS_KEYS: Record<number, PlainKey> = {
  400: 'errors.bad_request',
  401: 'errors.unauthenticated',
  403: 'errors.forbidden',
  404: 'errors.not_found',
  409: 'errors.conflict',
  413: 'errors.payload_too_large',
  422: 'errors.validation_failed',
  429: 'errors.rate_limited',
  503: 'errors.service_unavailable',
};

const FIELD_KEYS: Record<string, PlainKey> = {
  handle: 'field.handle',
  email: 'field.email',
  password: 'field.password',
  displayName: 'field.displayName',
  login: 'field.login',
  slug: 'field.slug',
  name: 'field.communityName',
  description: 'field.description',
  body: 'field.body',
  title: 'field.title',
  locale: 'field.locale',
};

function isKnownCode(code: string): code is ErrorCode | ClientErrorCode {
  return Object.hasOwn(CODE_KEYS, code);
}

/** The message key for an API error: by code, else by status. */
export function errorKey(error: ApiRequestError): PlainKey {
  if (isKnownCode(error.code)) return CODE_KEYS[error.code];
  return STATUS_KEYS[error.status] ?? (error.status >= 500 ? 'errors.internal' : 'errors.unknown');
}

/** A sentence for any failure, with the details the contract gives (wait time, blocked words, fields). */
export function describeError(error: unknown, i18n: Pick<I18n, 't' | 'formatNumber'> & Partial<Pick<I18n, 'locale'>>): string {
  const { t } = i18n;
  if (!(error instanceof ApiRequestError)) return t('errors.unknown');
  if (error.code === 'rate_limited' && error.retryAfterSeconds !== null) {
    return t('errors.rate_limited_wait', { seconds: i18n.formatNumber(error.retryAfterSeconds) });
  }
  if (error.code === 'content_blocked') {
    const words = blockedMatches(error.details);
    if (words.length > 0) return t('errors.content_blocked_words', { words: words.join(', ') });
  }
  if (error.status === 422) {
    // A problem the server explained in both languages (a word rule that is too costly, say) says more than the field.
    const explained = i18n.locale ? detailMessages(error.details, i18n.locale) : [];
    if (explained.length > 0) return explained.join(' ');
    const fields = fieldPaths(error.details).map((path) => {
      const key = FIELD_KEYS[path.split('.')[0] ?? ''];
      return key ? t(key) : path;
    });
    if (fields.length > 0) return t('errors.validation_fields', { fields: [...new Set(fields)].join(', ') });
  }
  return t(errorKey(error));
}
