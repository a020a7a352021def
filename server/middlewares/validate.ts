// validate(schemas, handler): parses body, query and params with zod and hands the handler typed input.
// Express 5's req.query is read-only, so parsed values travel as an argument instead of being written back.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { Locale } from '../contracts/api';
import { fail } from '../errors';

interface Schemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

type Parsed<S extends Schemas> = {
  body: S['body'] extends z.ZodType ? z.output<S['body']> : undefined;
  query: S['query'] extends z.ZodType ? z.output<S['query']> : undefined;
  params: S['params'] extends z.ZodType ? z.output<S['params']> : undefined;
};

/** Field problems in the contract's shape: [{path: "body.handle", message}]. */
export function zodDetails(error: z.ZodError, root: string, locale: Locale = 'en'): { path: string; message: string; reason?: string }[] {
  return error.issues.map((i) => ({ path: [root, ...i.path.map(String)].join('.'), ...localisedIssue(i, locale) }));
}

/**
 * A custom issue may carry `params: {reason, messages: {en, id}}` (see nameText in routes/schemas.ts): the reader
 * gets the sentence in their language and clients get a stable `reason` to show on the field.
 */
function localisedIssue(issue: z.core.$ZodIssue, locale: Locale): { message: string; reason?: string } {
  const params: unknown = issue.code === 'custom' ? issue.params : undefined;
  if (typeof params !== 'object' || params === null) return { message: issue.message };
  const { reason, messages } = params as { reason?: unknown; messages?: Partial<Record<Locale, unknown>> };
  const message = messages?.[locale];
  return {
    message: typeof message === 'string' ? message : issue.message,
    ...(typeof reason === 'string' ? { reason } : {}),
  };
}

function parsePart(schema: z.ZodType | undefined, value: unknown, root: 'body' | 'query' | 'params', locale: Locale): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (root === 'body' ? undefined : {}));
  if (result.success) return result.data;
  // A malformed query string is a 400 per the contract; a well-formed but invalid body is a 422.
  return fail(root === 'query' ? 'bad_request' : 'validation_failed', { details: zodDetails(result.error, root, locale) });
}

/** Wraps a handler so it only runs with input that passed its schemas. */
export function validate<S extends Schemas>(
  schemas: S,
  handler: (input: Parsed<S>, req: Request, res: Response) => Promise<void> | void,
) {
  return async (req: Request, res: Response, _next: NextFunction): Promise<void> => {
    const input = {
      body: parsePart(schemas.body, req.body, 'body', req.locale ?? 'en'),
      query: parsePart(schemas.query, req.query, 'query', req.locale ?? 'en'),
      params: parsePart(schemas.params, req.params, 'params', req.locale ?? 'en'),
    } as Parsed<S>;
    await handler(input, req, res);
  };
}
