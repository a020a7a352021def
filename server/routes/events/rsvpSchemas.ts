import { z } from 'zod';
import { RSVP_CODE_LENGTH } from '../../lib/rsvpCodes';
import { ATTENDEES_DEFAULT_LIMIT, ATTENDEES_MAX_LIMIT } from '../../queries/attendees';

export const rsvpBody = z.object({ status: z.enum(['going', 'interested', 'not_going']) });

export const attendeesQuery = z.object({
  q: z
    .string()
    .max(100)
    .refine((s) => s.isWellFormed() && !s.includes('\u0000'), 'must be well-formed text')
    .transform((s) => s.trim())
    .optional(),
  status: z.enum(['going', 'waitlisted', 'interested', 'not_going']).optional(),
  limit: z.coerce.number().int().min(1).max(ATTENDEES_MAX_LIMIT).default(ATTENDEES_DEFAULT_LIMIT),
  cursor: z.string().min(1).max(500).optional(),
});

/** Exactly one of userId (from the attendee list) or code (typed or scanned at the door). */
export const checkInBody = z
  .object({
    userId: z.string().min(1).max(64).optional(),
    // Typed codes may carry spaces or dashes ("ABCD-EFGH"); they are dropped before the lookup.
    code: z.string().min(RSVP_CODE_LENGTH).max(2 * RSVP_CODE_LENGTH).regex(/^[A-Za-z0-9 -]+$/, 'letters and digits').optional(),
  })
  .refine((body) => (body.userId === undefined) !== (body.code === undefined), { message: 'give either userId or code', path: ['userId'] });

export const checkInParams = z.object({ id: z.string().min(1).max(64), userId: z.string().min(1).max(64) });
