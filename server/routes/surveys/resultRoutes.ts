// Results of a survey (managers): SQL aggregates, text answers paged, CSV export.
import type { Deps } from '../../deps';
import type { RateLimiters } from '../../middlewares/rateLimits';
import type { RouteTarget } from '../defineRoute';

/** Routes of the surveys work (issue 11). */
export function mountResultRoutes(_target: RouteTarget, _deps: Deps, _limits: RateLimiters): void {}
