// validate(schemas, handler): parses body, query and params with zod and hands the handler typed input.
// Express 5's req.query is read-only, so parsed values travel as an argument instead of being written back.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
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
export function zodDetails(error: z.ZodError, root: string): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: [root, ...i.path.map(String)].join('.'), message: i.message }));
}

function parsePart(schema: z.ZodType | undefined, value: unknown, root: 'body' | 'query' | 'params'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (root === 'body' ? undefined : {}));
  if (result.success) return result.data;
  // A malformed query string is a 400 per the contract; a well-formed but invalid body is a 422.
  return fail(root === 'query' ? 'bad_request' : 'validation_failed', { details: zodDetails(result.error, root) });
}

/** Wraps a handler so it only runs with input that passed its schemas. */
export function validate<S extends Schemas>(
  schemas: S,
  handler: (input: Parsed<S>, req: Request, res: Response) => Promise<void> | void,
) {
  return async (req: Request, res: Response, _next: NextFunction): Promise<void> => {
    const input = {
      body: parsePart(schemas.body, req.body, 'body'),
      query: parsePart(schemas.query, req.query, 'query'),
      params: parsePart(schemas.params, req.params, 'params'),
    } as Parsed<S>;
    await handler(input, req, res);
  };
}
