// One error type for the whole application. The error middleware is the only place that turns it into a response.
import type { ErrorCode } from './errorMessages';

export type { ErrorCode } from './errorMessages';

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  malformed_json: 400,
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  origin_mismatch: 403,
  banned: 403,
  muted: 403,
  suspended: 403,
  not_a_member: 403,
  not_found: 404,
  handle_taken: 409,
  email_taken: 409,
  slug_taken: 409,
  already_member: 409,
  last_owner: 409,
  sanction_lifted: 409,
  already_claimed: 409,
  version_conflict: 409,
  already_reported: 409,
  item_resolved: 409,
  own_post: 403,
  own_feedback: 403,
  reason_required: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  content_blocked: 422,
  invalid_parent: 422,
  post_not_editable: 409,
  already_responded: 409,
  survey_closed: 409,
  survey_not_open: 409,
  survey_locked: 409,
  results_hidden: 409,
  event_cancelled: 409,
  event_ended: 409,
  rsvp_not_going: 409,
  checkin_closed: 409,
  rate_limited: 429,
  service_unavailable: 503,
  internal: 500,
};

export interface AppErrorInit {
  details?: unknown;
  /** Private context for the logs; never sent to the client. */
  cause?: unknown;
  status?: number;
}

/** An expected failure with a contract code; its public message is chosen per locale when it is sent. */
export class AppError extends Error {
  readonly status: number;
  readonly details: unknown;

  constructor(
    readonly code: ErrorCode,
    init: AppErrorInit = {},
  ) {
    super(code, { cause: init.cause });
    this.status = init.status ?? STATUS_BY_CODE[code] ?? 400;
    this.details = init.details;
  }
}

/** Shorthand for throwing a contract error. */
export function fail(code: ErrorCode, init?: AppErrorInit): never {
  throw new AppError(code, init);
}

/** Whether a value is an AppError (also across module copies in tests). */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
