import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** The process logger: JSON lines on stdout, one place to set the level. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'rukun' }, redact: ['req.headers.authorization', 'req.headers.cookie'] });
}
