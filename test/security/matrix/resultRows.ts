// Matrix rows of the surveys and feedback work (issue 11), result part (results, CSV): one per route, as the contract says.
import type { Row } from './cells';

export const RESULT_ROWS: Record<string, Row> = {};
