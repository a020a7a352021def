// The only place errors become responses: the contract's body, a localised message, never a stack trace.
import type { NextFunction, Request, Response } from 'express';
import { AppError, isAppError } from '../errors';
import { errorMessage } from '../errorMessages';
import { isSqliteBusy } from '../db/errors';
import { redactUrl, type Logger } from '../logger';

/** Maps errors thrown by body parsing, Prisma or SQLite onto contract errors; null when unknown. */
function translate(err: unknown): AppError | null {
  if (isAppError(err)) return err;
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { type?: string; status?: number; code?: string; name?: string; expose?: boolean };
  if (e.type === 'entity.parse.failed') return new AppError('malformed_json');
  if (e.type === 'entity.too.large') return new AppError('payload_too_large');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new AppError('unsupported_media_type');
  if (e.type === 'request.aborted') return new AppError('bad_request');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.type) return new AppError('bad_request');
  // A body that does not decode (gzip that is not gzip) comes from body-parser as an exposed 400 without a type.
  if (e.status === 400 && e.expose === true) return new AppError('bad_request');
  // Prisma: record not found, and a database that is busy or gone.
  if (e.code === 'P2025') return new AppError('not_found');
  if (e.code === 'P1008' || e.code === 'P1001' || e.code === 'P2024') return new AppError('service_unavailable', { cause: err });
  // The SQL lane (better-sqlite3 directly): another process held the write lock past the busy timeout.
  if (isSqliteBusy(err)) return new AppError('service_unavailable', { cause: err });
  if (e.name === 'URIError') return new AppError('bad_request');
  return null;
}

/** Express error middleware (4 arguments, last in the chain). */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const known = translate(err);
    const error = known ?? new AppError('internal', { cause: err });
    if (!known) logger.error({ err, method: req.method, url: redactUrl(req.originalUrl) }, 'unhandled error');
    else if (error.status >= 500) logger.warn({ err: error.cause ?? err, url: redactUrl(req.originalUrl) }, error.code);
    if (res.headersSent) return;
    const locale = req.locale ?? 'en';
    const body: { error: { code: string; message: string; details?: unknown } } = {
      error: { code: error.code, message: errorMessage(error.code, locale) },
    };
    if (error.details !== undefined) body.error.details = error.details;
    if (error.status === 503) res.setHeader('Retry-After', '5');
    res.status(error.status).json(body);
  };
}

/** 404 for API paths no route claimed. */
export function apiNotFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('not_found'));
}
