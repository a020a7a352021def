// The feedback inbox: members send questions, suggestions and problems; managers and moderators answer them.
import type { Deps } from '../../deps';
import type { RateLimiters } from '../../middlewares/rateLimits';
import type { RouteTarget } from '../defineRoute';

/** Routes of the feedback inbox (issue 11). */
export function mountFeedbackRoutes(_target: RouteTarget, _deps: Deps, _limits: RateLimiters): void {}
