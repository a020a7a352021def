import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * What the logs never show. Request credentials (Bearer header, session cookie), the session cookie a response sets
 * (register, login), and any field named token or password up to three levels deep, wherever a line puts it.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'token',
  '*.token',
  '*.*.token',
  'password',
  '*.password',
  '*.*.password',
];

// A personal calendar feed's URL carries its token (/api/calendar/<token>.ics): calendar apps cannot send headers,
// so the credential sits in the path. Everything after a "calendar" path segment goes; routing ignores case, so
// does this.
const CALENDAR_TOKEN_PATH = /(\/calendar\/+)[^?#]*/gi;
// The same for one-click unsubscribe links (/api/unsubscribe/<token>): mail clients POST to the URL as it is.
const UNSUBSCRIBE_TOKEN_PATH = /(\/unsubscribe\/+)[^?#]*/gi;

/** A request URL fit for a log line: a calendar feed's or unsubscribe link's token replaced by [Redacted]. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(CALENDAR_TOKEN_PATH, '$1[Redacted]').replace(UNSUBSCRIBE_TOKEN_PATH, '$1[Redacted]');
}

/** The access log's request serialiser: pino-http's, with the URL redacted and no route parameters (the token). */
export function serializeRequest<T extends { url?: string; params?: unknown }>(req: T): T {
  req.url = redactUrl(req.url);
  if (req.params && typeof req.params === 'object' && 'token' in req.params) req.params = { token: '[Redacted]' };
  return req;
}

/** The process logger: JSON lines on stdout (or `destination`, e.g. memory in tests), one place to set the level. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'rukun' }, redact: REDACTED_PATHS };
  return destination ? pino(options, destination) : pino(options);
}
