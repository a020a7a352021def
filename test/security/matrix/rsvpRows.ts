// Matrix rows of the events work (issue 10), rsvp part: one per route, as the contract says.
import type { Row } from './cells';

export const RSVP_ROWS: Record<string, Row> = {};
