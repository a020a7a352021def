// Where links in e-mails point: the instance's public origin.
import type { Config } from '../config';

/**
 * The first PUBLIC_ORIGINS entry (the address members reach Rukun at, as the calendar feed uses it), without a
 * trailing slash; http://localhost:PORT when none is configured (fine for trying e-mail locally only).
 */
export function publicOrigin(config: Pick<Config, 'PUBLIC_ORIGINS' | 'PORT'>): string {
  const first = config.PUBLIC_ORIGINS[0];
  return first ? first.replace(/\/+$/, '') : `http://localhost:${config.PORT}`;
}
