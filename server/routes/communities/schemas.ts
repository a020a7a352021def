import { z } from 'zod';
import { localeSchema, nameText, slugSchema, text } from '../schemas';

export const createCommunityBody = z.object({
  slug: slugSchema,
  name: nameText({ max: 80 }),
  description: text({ max: 2000 }).optional(),
  locale: localeSchema.optional(),
});

const timezone = z.string().max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Jakarta');

export const settingsBody = z
  .object({
    moderationMode: z.enum(['auto', 'pre']).optional(),
    reportThreshold: z.number().int().min(1).max(100).optional(),
    digest: z
      .object({
        cadence: z.enum(['off', 'daily', 'weekly']),
        hour: z.number().int().min(0).max(23),
        weekday: z.number().int().min(0).max(6).nullable().optional(),
        timezone,
      })
      .refine((d) => d.cadence !== 'weekly' || d.weekday != null, { message: 'weekday is required for a weekly digest', path: ['weekday'] })
      .optional(),
    lexiconActions: z
      .object({
        mild: z.enum(['publish', 'flag', 'hold', 'censor']).optional(),
        strong: z.enum(['publish', 'flag', 'hold', 'censor']).optional(),
        severe: z.enum(['publish', 'flag', 'hold', 'censor']).optional(),
      })
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'change at least one setting');

export const memberParams = z.object({ slug: z.string().min(1).max(64), userId: z.string().min(1).max(64) });
export const roleBody = z.object({ role: z.enum(['member', 'moderator', 'manager']) });
export const sanctionBody = z.object({
  kind: z.enum(['warn', 'mute', 'suspend', 'ban']),
  reason: text({ min: 1, max: 1000 }),
  durationMinutes: z.number().int().min(1).max(60 * 24 * 3650).optional(),
});
export const calendarQuery = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((q) => new Date(q.from) < new Date(q.to), { message: 'from must be before to', path: ['to'] });
