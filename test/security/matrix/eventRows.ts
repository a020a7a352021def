// Matrix rows of the events work (issue 10), event part: one per route, as the contract says.
import type { Row } from './cells';

export const EVENT_ROWS: Record<string, Row> = {};
