// Resolves the caller from a Bearer token or the web client's session cookie. It never rejects by itself:
// routes that need a user call requireUser().
import type { NextFunction, Request, Response } from 'express';
import { parse as parseCookie } from 'cookie';
import type { Locale } from '../contracts/api';
import type { Deps } from '../deps';
import { fail } from '../errors';
import { hashToken } from '../lib/tokens';
import { localeFromHeader } from '../lib/locale';

export const SESSION_COOKIE = 'rukun_session';

export interface AuthUser {
  id: string;
  handle: string;
  locale: Locale;
}

export interface AuthContext {
  user: AuthUser;
  sessionId: string;
  /** How the credential came: cookie requests need an Origin check on writes. */
  via: 'bearer' | 'cookie';
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      auth?: AuthContext;
      locale: Locale;
    }
  }
}

/** Reads the token a request carries, and how. */
export function tokenFromHeaders(headers: { authorization?: string; cookie?: string }): { token: string; via: 'bearer' | 'cookie' } | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' };
  const cookie = headers.cookie ? parseCookie(headers.cookie)[SESSION_COOKIE] : undefined;
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** Looks a token up; revoked or expired sessions resolve to null. */
export async function resolveSession(deps: Pick<Deps, 'db' | 'now'>, token: string): Promise<Omit<AuthContext, 'via'> | null> {
  if (!token || token.length > 200) return null;
  const session = await deps.db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, handle: true, locale: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= deps.now()) return null;
  return {
    sessionId: session.id,
    user: { id: session.user.id, handle: session.user.handle, locale: session.user.locale === 'en' ? 'en' : 'id' },
  };
}

/** Middleware: sets req.auth when a valid credential is present, and req.locale for messages. */
export function authenticate(deps: Pick<Deps, 'db' | 'now'>) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const asked = localeFromHeader(req.headers['accept-language']);
    req.locale = asked ?? 'en';
    const found = tokenFromHeaders(req.headers);
    if (found) {
      const session = await resolveSession(deps, found.token);
      if (session) {
        req.auth = { ...session, via: found.via };
        // A header that names Indonesian or English wins; otherwise ("*", none) the profile's language does.
        if (!asked) req.locale = session.user.locale;
      } else if (found.via === 'bearer') {
        // A wrong Bearer token is an error; a stale cookie just means "signed out".
        fail('unauthenticated');
      }
    }
    next();
  };
}

/** The signed-in caller, or a 401. */
export function requireUser(req: Request): AuthContext {
  return req.auth ?? fail('unauthenticated');
}
