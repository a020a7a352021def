// One call mounts a route on the router AND documents it in the OpenAPI registry, from the same zod schemas.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { validate } from '../middlewares/validate';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends z.ZodType | undefined> {
  method: Method;
  /** Express path under /api, e.g. /communities/:slug/posts */
  path: string;
  summary: string;
  tag: string;
  /** Whether the route needs a signed-in user (documented; enforced by the handler). */
  auth: boolean;
  body?: B;
  query?: Q;
  params?: P;
  /** Status code -> description of the success response(s). */
  responses: Record<number, string>;
  /** Runs before validation, e.g. rate limits. */
  before?: RequestHandler[];
}

type Input<B, Q, P> = {
  body: B extends z.ZodType ? z.output<B> : undefined;
  query: Q extends z.ZodType ? z.output<Q> : undefined;
  params: P extends z.ZodType ? z.output<P> : undefined;
};

export interface RouteTarget {
  router: Router;
  registry: OpenAPIRegistry;
}

const ERROR_RESPONSES: Record<number, string> = {
  400: 'Malformed JSON or query',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Body too large',
  422: 'Invalid input',
  429: 'Rate limited (see Retry-After)',
  503: 'A dependency is down',
};

/** Mounts `handler` for `spec` with validation and registers its OpenAPI path. */
export function defineRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  target: RouteTarget,
  spec: RouteSpec<B, Q, P>,
  handler: (input: Input<B, Q, P>, req: Request, res: Response) => Promise<void> | void,
): void {
  const schemas = { body: spec.body, query: spec.query, params: spec.params } as { body?: z.ZodType; query?: z.ZodType; params?: z.ZodType };
  target.router[spec.method](spec.path, ...(spec.before ?? []), validate(schemas, handler as never));
  target.registry.registerPath({
    method: spec.method,
    path: `/api${spec.path.replace(/:(\w+)/g, '{$1}')}`,
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.auth ? { security: [{ bearer: [] }, { cookie: [] }] } : {}),
    request: {
      ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
      ...(spec.query ? { query: spec.query as never } : {}),
      ...(spec.params ? { params: spec.params as never } : {}),
    },
    responses: Object.fromEntries([
      ...Object.entries(spec.responses).map(([status, description]) => [status, { description }]),
      ...Object.entries(ERROR_RESPONSES).map(([status, description]) => [status, { description }]),
    ]),
  });
}
