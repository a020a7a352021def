// Surveys of a community: create, edit, open, close (managers); list and read (members).
import type { Deps } from '../../deps';
import type { RateLimiters } from '../../middlewares/rateLimits';
import type { RouteTarget } from '../defineRoute';

/** Routes of the surveys work (issue 11). */
export function mountSurveyRoutes(_target: RouteTarget, _deps: Deps, _limits: RateLimiters): void {}
