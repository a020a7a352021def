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

/** The process logger: JSON lines on stdout (or `destination`, e.g. memory in tests), one place to set the level. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'rukun' }, redact: REDACTED_PATHS };
  return destination ? pino(options, destination) : pino(options);
}
