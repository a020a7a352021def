import type { Response } from 'express';
import { afterCommit, type Deps } from '../../deps';
import { loginUser } from '../../commands/loginUser';
import { logoutSession } from '../../commands/logoutSession';
import { registerUser } from '../../commands/registerUser';
import { requireUser, SESSION_COOKIE } from '../../middlewares/authenticate';
import { createLoginThrottle } from '../../middlewares/loginThrottle';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { presentMe } from '../../presenters/presentUser';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { loginBody, registerBody } from './schemas';

/** Sets the web client's session cookie (and no-store): HttpOnly so scripts cannot read it, SameSite=Lax against cross-site posts. */
function setSessionCookie(res: Response, deps: Deps, token: string): void {
  // The response carries the token (body and cookie): no browser or proxy cache may keep a copy.
  res.setHeader('Cache-Control', 'no-store');
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.COOKIE_SECURE,
    path: '/',
    maxAge: deps.config.SESSION_TTL_DAYS * 86_400_000,
  });
}

/** Register, login, logout. */
export function mountAuthRoutes(target: RouteTarget, deps: Deps, limits: RateLimiters): void {
  const sessionDeps = () => ({ db: deps.db, now: deps.now(), sessionTtlDays: deps.config.SESSION_TTL_DAYS });
  // Per account, after the per-address limit: an address already refused does not spend the account's attempts.
  const loginThrottle = createLoginThrottle(deps);

  defineRoute(
    target,
    { method: 'post', path: '/auth/register', summary: 'Create an account', tag: 'auth', auth: false, body: registerBody, responses: { 201: '{user, token}' }, before: [limits.register] },
    async ({ body }, req, res) => {
      const { user, token } = await registerUser(sessionDeps(), { ...body, locale: body.locale ?? req.locale });
      setSessionCookie(res, deps, token);
      res.status(201).json({ user: presentMe(user), token });
    },
  );

  defineRoute(
    target,
    { method: 'post', path: '/auth/login', summary: 'Sign in with handle or e-mail', tag: 'auth', auth: false, body: loginBody, responses: { 200: '{user, token}' }, before: [limits.login, loginThrottle.guard] },
    async ({ body }, req, res) => {
      const { user, token } = await loginUser(sessionDeps(), body);
      await loginThrottle.forget(body.login, req.ip);
      setSessionCookie(res, deps, token);
      res.json({ user: presentMe(user), token });
    },
  );

  defineRoute(
    target,
    { method: 'post', path: '/auth/logout', summary: 'End this session', tag: 'auth', auth: true, responses: { 204: 'Signed out' } },
    async (_input, req, res) => {
      const auth = requireUser(req);
      await afterCommit(deps, await logoutSession({ db: deps.db, now: deps.now() }, auth.sessionId));
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      res.status(204).end();
    },
  );
}
