// Building blocks shared by every route's schemas.
import { z } from 'zod';
import { NAME_PROBLEM_MESSAGES, nameProblem, normalizeName } from '../lib/names';

/** Text a person typed: well-formed Unicode (no lone surrogates), no NUL, trimmed, within bounds. */
export function text(options: { min?: number; max: number }) {
  return z
    .string()
    .refine((s) => s.isWellFormed(), 'must be well-formed Unicode')
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .transform((s) => s.trim())
    .pipe(z.string().min(options.min ?? 0).max(options.max));
}

/**
 * A name other people see (display name, community name): normalised (NFC, white space collapsed, trimmed) and
 * refused when it renders empty, can reorder text or hides control or invisible characters (server/lib/names.ts).
 * Every schema with such a field uses this, so a new name field gets the same rules by using it.
 */
export function nameText(options: { max: number }) {
  return z
    .string()
    .refine((s) => s.isWellFormed(), 'must be well-formed Unicode')
    .transform(normalizeName)
    .superRefine((name, ctx) => {
      const problem = nameProblem(name);
      if (!problem) return;
      // validate.ts picks the message in the reader's language and passes `reason` on for the client's forms.
      const messages = NAME_PROBLEM_MESSAGES[problem];
      ctx.addIssue({ code: 'custom', message: messages.en, params: { reason: problem, messages } });
    })
    .pipe(z.string().max(options.max))
    // What the OpenAPI document says of the field (the transform above hides the string's own bounds from it).
    .meta({
      minLength: 1,
      maxLength: options.max,
      description: 'Normalised (NFC, white space collapsed, trimmed); refused when it shows nothing or holds text-direction, control or stray invisible characters. 422 details carry a `reason`: blank, bidi_control, control or invisible_character.',
    });
}

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(500).optional(),
});

export const slugParams = z.object({ slug: z.string().min(1).max(64) });
export const idParams = z.object({ id: z.string().min(1).max(64) });

export const slugSchema = z
  .string()
  .min(3)
  .max(48)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and inner hyphens');

export const localeSchema = z.enum(['id', 'en']);
