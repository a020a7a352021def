import type { Deps } from '../../deps';
import type { RateLimiters } from '../../middlewares/rateLimits';
import type { RouteTarget } from '../defineRoute';

/** Routes of the events work (issue 10); filled in by its event part. */
export function mountEventRoutes(_target: RouteTarget, _deps: Deps, _limits: RateLimiters): void {}
