// The contract's error body, parsed into one typed error the UI can translate by code.
import type { ApiError } from '../../../server/contracts/api';

/** Codes the client itself produces when no contract error body could be read. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

/** A failed API call: the contract's code and details, the HTTP status and, for 429, the advised wait. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly retryAfterSeconds: number | null;

  constructor(init: { status: number; code: string; message: string; details?: unknown; retryAfterSeconds?: number | null }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

/** Whether a parsed JSON value has the contract's `{error: {code, message}}` shape. */
export function isApiErrorBody(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/** Reads Retry-After, given in seconds or as an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The field paths of a 422's `details` (`[{path, message}]`), ignoring anything else. */
export function fieldPaths(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown) =>
    typeof entry === 'object' && entry !== null && 'path' in entry && typeof entry.path === 'string' ? [entry.path] : [],
  );
}

/** Sentences the server wrote for a 422's details in both languages (`messages: {en, id}`), in the reader's. */
export function detailMessages(details: unknown, locale: 'en' | 'id'): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || !('messages' in entry)) return [];
    const messages = entry.messages;
    if (typeof messages !== 'object' || messages === null || !(locale in messages)) return [];
    const text: unknown = (messages as Record<string, unknown>)[locale];
    return typeof text === 'string' ? [text] : [];
  });
}

/** The matched words of a `content_blocked` error's `details.matches`, as strings or `{match}` objects. */
export function blockedMatches(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('matches' in details) || !Array.isArray(details.matches)) {
    return [];
  }
  return details.matches.flatMap((entry: unknown) => {
    if (typeof entry === 'string') return [entry];
    if (typeof entry === 'object' && entry !== null && 'match' in entry && typeof entry.match === 'string') {
      return [entry.match];
    }
    return [];
  });
}
