// Matrix rows of the events work (issue 10), calendar part: one per route, as the contract says.
import type { Row } from './cells';

export const CALENDAR_ROWS: Record<string, Row> = {};
