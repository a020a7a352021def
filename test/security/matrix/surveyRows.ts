// Matrix rows of the surveys and feedback work (issue 11), survey part (create, edit, open, close, list, read): one per route, as the contract says.
import type { Row } from './cells';

export const SURVEY_ROWS: Record<string, Row> = {};
