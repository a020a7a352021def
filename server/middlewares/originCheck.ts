// Cookies ride along on cross-site requests, Bearer tokens do not: state-changing requests authenticated by the
// cookie must come from our own origin (SameSite is the first line, this is the second).
import type { NextFunction, Request, Response } from 'express';
import { fail } from '../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses cookie-authenticated writes whose Origin (or Referer) is not this site or a configured origin. */
export function originCheck(allowedOrigins: string[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (SAFE.has(req.method) || req.auth?.via !== 'cookie') return next();
    const origin = req.headers.origin ?? refererOrigin(req.headers.referer);
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    if (origin && (origin === own || allowedOrigins.includes(origin))) return next();
    fail('origin_mismatch');
  };
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
