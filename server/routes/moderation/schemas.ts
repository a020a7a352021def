import { z } from 'zod';
import { pageQuery, text } from '../schemas';

export const queueQuery = pageQuery.extend({
  state: z.enum(['open', 'resolved']).default('open'),
  escalated: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

// A sanction that comes with a decision is refused whole when incomplete (422), so the decision rolls back with it:
// a moderator's action is never half-applied or silently dropped.
const sanctionSchema = z
  .object({
    kind: z.enum(['warn', 'mute', 'suspend', 'ban']),
    reason: text({ min: 1, max: 1000 }),
    durationMinutes: z.number().int().min(1).max(60 * 24 * 3650).optional(),
  })
  .strict()
  .refine((s) => s.kind !== 'warn' || s.durationMinutes === undefined, { message: 'a warning has no duration', path: ['durationMinutes'] });

export const decisionBody = z.object({
  action: z.enum(['approve', 'remove', 'escalate']),
  reason: text({ min: 1, max: 1000 }).optional(),
  version: z.number().int().min(1),
  /** The post revision the moderator read (optional): a decision on any other revision is refused with 409. */
  revision: z.number().int().min(1).optional(),
  sanction: sanctionSchema.optional(),
});

export const reportBody = z.object({
  reason: z.enum(['spam', 'harassment', 'hate', 'sexual', 'violence', 'off_topic', 'other']),
  note: text({ max: 1000 }).optional(),
});

export const wordRuleBody = z.object({
  pattern: z.string().min(1).max(500).refine((s) => s.isWellFormed() && !s.includes('\u0000'), 'must be well-formed text'),
  match: z.enum(['word', 'phrase', 'regex']),
  action: z.enum(['block', 'hold', 'flag', 'censor', 'allow']),
  locale: z.enum(['id', 'en']).optional(),
});

export const checkBody = z.object({ body: text({ min: 1, max: 10_000 }), title: text({ max: 200 }).optional() });

export const jobsQuery = pageQuery.extend({
  kind: z.enum(['checking', 'scheduled']).default('checking'),
});
