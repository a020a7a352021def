// Who may scrape /metrics. Metrics name routes, queue depths and process internals: secure by default.
// With METRICS_TOKEN set, only `Authorization: Bearer <token>` passes. Without it, only a Prometheus on this host
// does: the caller's address (req.ip, which honours TRUST_PROXY) must be loopback and the request must not have come
// through a proxy (a proxy on this host would otherwise make every outside caller look local).
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { fail } from '../errors';

/** Middleware that lets only the configured scraper through; 401 (token) or 403 (not loopback) otherwise. */
export function metricsAccess(config: { METRICS_TOKEN?: string | undefined }) {
  const expected = config.METRICS_TOKEN === undefined ? null : digest(config.METRICS_TOKEN);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (expected) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      // Digests of equal length make the comparison constant-time whatever the token's length.
      if (given && timingSafeEqual(digest(given), expected)) return next();
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      fail('unauthenticated');
    }
    if (isLoopback(req.ip) && isLoopback(req.socket.remoteAddress) && !req.headers['x-forwarded-for'] && !req.headers.forwarded) return next();
    fail('forbidden');
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.y.z). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}
