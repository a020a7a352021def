// Answering a survey: one response per member, anonymous surveys included.
import type { Deps } from '../../deps';
import type { RateLimiters } from '../../middlewares/rateLimits';
import type { RouteTarget } from '../defineRoute';

/** Routes of the surveys work (issue 11). */
export function mountResponseRoutes(_target: RouteTarget, _deps: Deps, _limits: RateLimiters): void {}
