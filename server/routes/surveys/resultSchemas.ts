// Schemas of the results routes (issue 11, results part).
import { z } from 'zod';
import { pageQuery } from '../schemas';

export const textParams = z.object({ id: z.string().min(1).max(64), questionId: z.string().min(1).max(64) });

export const textsQuery = pageQuery;

/** `?identify=true` adds names and e-mails to the export of a named survey. */
export const csvQuery = z.object({
  identify: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});
