import { z } from 'zod';
import { localeSchema, nameText } from '../schemas';

export const registerBody = z.object({
  handle: z.string().regex(/^[a-z0-9_]{3,32}$/, '3-32 of a-z, 0-9 and _'),
  email: z.string().max(254).pipe(z.email()).transform((e) => e.toLowerCase()),
  password: z.string().min(10).max(200).refine((s) => s.isWellFormed(), 'must be well-formed Unicode'),
  displayName: nameText({ max: 60 }),
  locale: localeSchema.optional(),
});

export const loginBody = z.object({
  login: z.string().min(1).max(254),
  password: z.string().min(1).max(200),
});

export type RegisterBody = z.input<typeof registerBody>;
export type LoginBody = z.input<typeof loginBody>;
