// Resolves the caller from a Bearer token or the web client's session cookie. It never rejects by itself:
// routes that need a user call requireUser().
import type { NextFunction, Request, Response } from 'express';
import { parse as parseCookie } from 'cookie';
import type { Locale } from '../contracts/api';
import type { Deps } from '../deps';
import { fromSqlDate } from '../db/sqlLane';
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

const SESSION = `SELECT s.id, s.expiresAt, s.revokedAt, u.id AS userId, u.handle, u.locale
  FROM "Session" s JOIN "User" u ON u.id = s.userId WHERE s.tokenHash = ?`;

/** Looks a token up; revoked or expired sessions resolve to null. Every request does this, on the SQL lane. */
export async function resolveSession(deps: Pick<Deps, 'sql' | 'now'>, token: string): Promise<Omit<AuthContext, 'via'> | null> {
  if (!token || token.length > 200) return null;
  const session = await deps.sql.read((q) =>
    q.get<{ id: string; expiresAt: string; revokedAt: string | null; userId: string; handle: string; locale: string }>(SESSION, hashToken(token)),
  );
  if (!session || session.revokedAt || fromSqlDate(session.expiresAt) <= deps.now()) return null;
  return {
    sessionId: session.id,
    user: { id: session.userId, handle: session.handle, locale: session.locale === 'en' ? 'en' : 'id' },
  };
}

/** Middleware: sets req.auth when a valid credential is present, and req.locale for messages. */
export function authenticate(deps: Pick<Deps, 'sql' | 'now'>) {
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
