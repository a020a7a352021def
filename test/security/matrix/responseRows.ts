// Matrix rows of the surveys and feedback work (issue 11), response part (answering): one per route, as the contract says.
import type { Row } from './cells';

export const RESPONSE_ROWS: Record<string, Row> = {};
