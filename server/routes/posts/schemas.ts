import { z } from 'zod';
import { pageQuery, text } from '../schemas';

export const reactionKind = z.enum(['like', 'love', 'insightful', 'funny']);

export const createPostBody = z.object({
  body: text({ min: 1, max: 10_000 }),
  title: text({ min: 1, max: 200 }).optional(),
  parentId: z.string().min(1).max(64).optional(),
  publishAt: z.iso.datetime({ offset: true }).optional(),
});

/** New text, a new time for a scheduled post, or both; a time that is not in the future publishes it now. */
export const editPostBody = z
  .object({
    body: text({ min: 1, max: 10_000 }).optional(),
    title: text({ min: 1, max: 200 }).optional(),
    publishAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => b.body !== undefined || b.publishAt !== undefined, { message: 'body or publishAt is required', path: ['body'] })
  .refine((b) => b.title === undefined || b.body !== undefined, { message: 'a new title comes with the body', path: ['title'] });

export const listPostsQuery = pageQuery.extend({
  parentId: z.string().min(1).max(64).optional(),
  tag: z
    .string()
    .min(1)
    .max(51)
    .transform((t) => t.replace(/^#/, '').normalize('NFKC').toLowerCase())
    .optional(),
  status: z.enum(['published', 'pending', 'scheduled', 'hidden', 'removed', 'deleted']).default('published'),
});

export const reactionBody = z.object({ kind: reactionKind });
export const reactionQuery = z.object({ kind: reactionKind.optional() });
